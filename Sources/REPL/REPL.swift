import Script

/// The read–eval–print loop: reads lines (with a continuation prompt while brackets, quotes
/// or a trailing `\` are open), runs each complete input in the session, shows errors with a
/// caret, and keeps going until Ctrl-D or `quit`.
public final class REPL {
    public static let prompt = "jnb> "
    public static let continuationPrompt = "...> "

    private let session: Session
    private let reader: LineReader

    public init(session: Session, reader: LineReader) {
        self.session = session
        self.reader = reader
    }

    /// Runs until the end of input or `quit`; returns the exit status (0, or what `quit` asked).
    /// A statement's lines go to the history once it is complete, so Ctrl-C leaves none of it
    /// there. Ctrl-D on a continuation line ends the statement where it stands, as the end of a
    /// file would: an unfinished one gets its error, as in lua and python, and the prompt
    /// comes back.
    public func run() -> Int32 {
        var pending: [String] = []
        while true {
            // Lines are joined by line ends, so `earlier + line` is the statement so far.
            let earlier = pending.map { $0 + "\n" }.joined()
            switch reader.readLine(prompt: pending.isEmpty ? Self.prompt : Self.continuationPrompt, continuing: earlier) {
            case .endOfInput:
                if pending.isEmpty { return 0 }
            case .interrupted:
                pending = []
                continue
            case .line(let line):
                pending.append(line)
                if Session.needsMoreInput(earlier + line) { continue }
            }
            let lines = pending
            pending = []
            for line in lines where !line.allSatisfy(\.isWhitespace) { reader.addToHistory(line) }
            let source = lines.joined(separator: "\n")
            guard !source.allSatisfy(\.isWhitespace) else { continue }
            let result = session.execute(source)
            if let error = result.error {
                // The terminal has echoed ^C without a line end.
                if error.category == .interrupted { session.output.error("") }
                session.output.error(session.diagnostic(error, source: source))
            }
            if let status = session.quitStatus { return status }
        }
    }
}
