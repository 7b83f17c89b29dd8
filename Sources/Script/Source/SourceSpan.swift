/// Where a piece of source text came from: a file (or none, for typed input), the line the
/// text starts on in that file, and the notebook cell it belongs to, if any.
public struct SourceOrigin: Sendable, Hashable {
    /// Display name of the file ("train.jnb", "<command line>" for `jnb -c`), nil for input
    /// typed at the prompt.
    public var file: String?
    /// Line number of the first line of the text in its file (1-based).
    public var line: Int
    /// Name or number of the notebook cell, for messages such as `(cell "train")`.
    public var cell: String?

    public init(file: String? = nil, line: Int = 1, cell: String? = nil) {
        self.file = file
        self.line = line
        self.cell = cell
    }

    /// Input typed at the prompt.
    public static let interactive = SourceOrigin()
}

/// A range of source text on one line: where a token, an argument or a statement starts and
/// how many characters it covers. Lines and columns are 1-based; columns count characters
/// (Unicode scalars), so a caret drawn under the line lands on the right character.
public struct SourceSpan: Sendable, Hashable, CustomStringConvertible {
    public var file: String?
    public var cell: String?
    public var line: Int
    public var column: Int
    public var length: Int

    public init(file: String? = nil, cell: String? = nil, line: Int, column: Int, length: Int = 1) {
        self.file = file
        self.cell = cell
        self.line = line
        self.column = column
        self.length = max(length, 1)
    }

    /// `file:line:column`, or `line:column` for typed input.
    public var description: String {
        if let file { return "\(file):\(line):\(column)" }
        return "\(line):\(column)"
    }

    /// `file:line (cell "name")`, the form notebook replay uses to close a failed cell.
    public var cellDescription: String {
        var text = file.map { "\($0):\(line)" } ?? "line \(line)"
        if let cell { text += " (cell \"\(cell)\")" }
        return text
    }

    /// The span from the start of `self` to the end of `other` when both lie on one line;
    /// otherwise `self` (a span is drawn on one line only).
    public func through(_ other: SourceSpan) -> SourceSpan {
        guard other.line == line, other.column + other.length >= column else { return self }
        var joined = self
        joined.length = other.column + other.length - column
        return joined
    }
}
