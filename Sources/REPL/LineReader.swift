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
    func readLine(prompt: String) -> LineInput
    /// Remembers a line the user entered (for the history file, Ctrl-R and the arrow keys).
    func addToHistory(_ line: String)
}
