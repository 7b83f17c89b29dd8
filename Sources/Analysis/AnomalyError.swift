/// Why an anomaly-detection quantity cannot be computed, in words for the user.
public struct AnomalyError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
