/// A failure of an HDF5 operation, worded for a person: which file, which object, what went
/// wrong and, where known, what was expected.
public struct HDF5Error: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, as the user named it.
    public let path: String
    /// The dataset or attribute concerned, if any.
    public let object: String?
    public let message: String

    public init(path: String, object: String? = nil, message: String) {
        self.path = path
        self.object = object
        self.message = message
    }

    public var description: String {
        if let object { return "\(path): dataset '\(object)': \(message)" }
        return "\(path): \(message)"
    }
}
