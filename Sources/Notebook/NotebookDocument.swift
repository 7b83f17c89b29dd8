import Script

/// A `.jnb` file read into cells. The file is a valid script: cells start at `# %%` lines,
/// which may name the cell, mark it `[markdown]` or `[parameters]` and set options; outputs are never stored.
public struct NotebookDocument: Sendable {
    public struct Cell: Sendable {
        public enum Kind: String, Sendable {
            case code, markdown
        }

        /// Position among the code cells (1-based); 0 for markdown cells.
        public var number: Int
        public var name: String?
        public var kind: Kind
        public var options: CellOptions
        /// The cell's text without its marker line; for markdown, without the leading `#`.
        public var source: String
        /// The line of the `# %%` marker (0 for text before the first marker).
        public var markerLine: Int
        /// The line of the first line of `source`.
        public var firstLine: Int
        /// The marker line as written (empty for text before the first marker).
        public var marker = ""
        /// Options of the marker line with a bad value (`timeout=soon`), each with its place:
        /// they stop the notebook before anything runs.
        public var optionErrors: [ScriptError] = []

        /// How messages name the cell: its name, or its number.
        public var label: String { name ?? String(number) }
    }

    public struct Warning: Sendable, Equatable, CustomStringConvertible {
        public var line: Int
        public var message: String
        public var file: String
        public var description: String { "\(file):\(line): \(message)" }
    }

    /// The file name as given (used in messages: `train.jnb:18`).
    public var file: String
    public var cells: [Cell]
    public var warnings: [Warning]

    public var codeCells: [Cell] { cells.filter { $0.kind == .code } }

    /// The origin to run a cell with, so errors point into the file.
    public func origin(of cell: Cell) -> SourceOrigin {
        SourceOrigin(file: file, line: cell.firstLine, cell: cell.name ?? String(cell.number))
    }
}

/// Options on a cell's marker line.
public struct CellOptions: Sendable, Equatable {
    /// The cell may fail; replay reports the error and goes on.
    public var allowError = false
    /// Replay does not run the cell.
    public var skip = false
    /// Replay stops the cell (as Ctrl-C would) after this many seconds.
    public var timeout: Double?
    /// A `[parameters]` cell holds the notebook's defaults; `--set` values override them
    /// after it runs (as papermill's parameters cell).
    public var parameters = false

    public init(allowError: Bool = false, skip: Bool = false, timeout: Double? = nil) {
        self.allowError = allowError
        self.skip = skip
        self.timeout = timeout
    }

    static let known = ["allow_error", "skip", "timeout"]
}
