/// What a line reader got from the user.
public enum LineInput: Equatable, Sendable {
    case line(String)
    /// Ctrl-C at the prompt: drop what was typed.
    case interrupted
    /// Ctrl-D on an empty line, or the end of the input.
    case endOfInput
}

/// Where the REPL gets its lines: libedit on a terminal, a script of lines in tests.
public protocol LineReader: AnyObject {
    /// Reads one line. `statement` is the text of the unfinished statement this line continues
    /// (its earlier lines, each ended by a line end; empty on a statement's first line), so that
    /// completion reads the whole statement before the cursor.
    func readLine(prompt: String, continuing statement: String) -> LineInput
    /// Remembers a line the user entered (for the history file, Ctrl-R and the arrow keys).
    func addToHistory(_ line: String)
}
