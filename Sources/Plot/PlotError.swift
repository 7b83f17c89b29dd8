/// A figure that cannot be drawn or written, with a one-line description of where and why.
public struct PlotError: Error, CustomStringConvertible, Equatable, Sendable {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
