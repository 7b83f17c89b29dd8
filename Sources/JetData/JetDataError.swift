/// What can go wrong with jet data, each case worded to say where and what was expected.
public enum JetDataError: Error, Sendable, Equatable, CustomStringConvertible {
    /// An array or dataset has the wrong shape.
    case shape(what: String, expected: String, found: String)
    /// Two arrays or datasets that must have one entry per jet differ in length.
    case lengthMismatch(what: String, expected: Int, found: Int)
    /// An argument out of its range.
    case invalidArgument(String)
    /// A row range that goes past the end of the file (its own case, so that the caller can
    /// show it under the argument that asked for the rows).
    case rowsOutOfRange(path: String, rows: Range<Int>, jets: Int)
    /// A problem reading or writing a file, already worded with file and dataset.
    case file(String)
    /// The operation was stopped at a safe point (Ctrl-C).
    case interrupted

    public var description: String {
        switch self {
        case let .shape(what, expected, found):
            "\(what): expected \(expected), found \(found)"
        case let .lengthMismatch(what, expected, found):
            "\(what): expected \(expected) entries (one per jet), found \(found)"
        case let .invalidArgument(message):
            message
        case let .rowsOutOfRange(path, rows, jets):
            "\(path): rows \(rows.lowerBound):\(rows.upperBound) asked for, but the file has \(jets) jets"
        case let .file(message):
            message
        case .interrupted:
            "interrupted"
        }
    }
}
