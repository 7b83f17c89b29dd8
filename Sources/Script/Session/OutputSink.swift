import Foundation
import Analysis

/// Where a session's output goes. The REPL and `jnb` write to the terminal, notebook replay
/// also keeps each cell's text for the report, tests keep everything.
public protocol OutputSink: AnyObject {
    /// Results and messages of commands (`print`, a shown value, one line per epoch of `fit`).
    func write(_ text: String)
    /// Warnings that are not errors (e.g. an unknown cell option).
    func warn(_ text: String)
    /// An error message, already formatted (the front ends write diagnostics here).
    func error(_ text: String)
    /// A figure shown as a statement's value (not saved): a terminal prints its summary, a
    /// notebook cell keeps the SVG for the report.
    func figure(_ svg: String, summary: String)
    /// A table shown as a statement's value or printed alone, with `text`, how it reads on a
    /// terminal: a notebook cell also keeps the table, so its report can lay it out.
    func table(_ table: Table, text: String)
    /// A transient progress line (bar, rate, ETA); nil clears it. Only sinks on a terminal
    /// show these; everywhere else progress must leave no control characters behind.
    func progress(_ line: String?)
}

extension OutputSink {
    public func table(_ table: Table, text: String) { write(text) }
}

/// Standard output and standard error. Progress lines appear only when standard error is a
/// terminal.
public final class StandardStreams: OutputSink {
    public let showsProgress: Bool
    private var progressShown = false

    public init(showsProgress: Bool = isatty(STDERR_FILENO) == 1) {
        self.showsProgress = showsProgress
    }

    public func write(_ text: String) {
        clearProgress()
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    public func warn(_ text: String) {
        clearProgress()
        FileHandle.standardError.write(Data(("warning: " + text + "\n").utf8))
    }

    public func error(_ text: String) {
        clearProgress()
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    public func figure(_ svg: String, summary: String) {
        write("figure: \(summary) (not saved; save it now with save ans \"file.svg\", or give the command save=)")
    }

    public func progress(_ line: String?) {
        guard showsProgress else { return }
        guard let line else { clearProgress(); return }
        // Carriage return, the line, then erase whatever a longer previous line left.
        FileHandle.standardError.write(Data(("\r" + line + "\u{1B}[K").utf8))
        progressShown = true
    }

    private func clearProgress() {
        guard progressShown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        progressShown = false
    }
}

/// A stretch of captured output: text as the terminal shows it, or a table with its text.
public enum OutputSegment: Sendable, Equatable {
    case text(String)
    case table(Table, text: String)

    /// The segment as the terminal shows it.
    public var text: String {
        switch self {
        case .text(let text), .table(_, let text): text
        }
    }
}

extension [OutputSegment] {
    /// All of the segments as the terminal shows them.
    public var text: String { map(\.text).joined() }
}

/// Keeps all output in memory, in order; for tests and for notebook cells.
public final class CapturedOutput: OutputSink {
    /// Everything in order, with tables kept as tables.
    public private(set) var segments: [OutputSegment] = []
    public private(set) var warnings: [String] = []
    /// SVG documents of figures shown, in order.
    public private(set) var figures: [String] = []

    public init() {}

    /// Everything, as a terminal shows it.
    public var text: String { segments.text }

    public func write(_ text: String) { append(text + "\n") }
    public func warn(_ text: String) { warnings.append(text); append("warning: " + text + "\n") }
    public func error(_ text: String) { append(text + "\n") }
    public func figure(_ svg: String, summary: String) { figures.append(svg); append("figure: \(summary)\n") }
    public func progress(_ line: String?) {}
    public func table(_ table: Table, text: String) { segments.append(.table(table, text: text + "\n")) }

    /// Returns what was written since the last call and forgets it.
    public func take() -> String {
        defer { segments = [] }
        return text
    }

    private func append(_ line: String) {
        if case .text(let previous) = segments.last {
            segments[segments.count - 1] = .text(previous + line)
        } else {
            segments.append(.text(line))
        }
    }
}
