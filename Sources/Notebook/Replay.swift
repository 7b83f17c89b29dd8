import Dispatch
import Foundation
import Analysis
import Script
import Synchronization

/// What to run and how: `jnb run` options.
public struct ReplayOptions: Sendable {
    /// Run every cell and report all failures (still exiting non-zero).
    public var continueAfterFailure = false
    /// Only these cells (names or code-cell numbers), in file order.
    public var cells: [String]?
    /// From this cell (name or number) to the end.
    public var from: String?

    public init(continueAfterFailure: Bool = false, cells: [String]? = nil, from: String? = nil) {
        self.continueAfterFailure = continueAfterFailure
        self.cells = cells
        self.from = from
    }
}

/// How one cell went.
public struct CellResult: Sendable {
    public enum Status: String, Sendable {
        case ok
        case failed
        /// Failed in a cell marked allow_error=true.
        case allowedError = "allowed_error"
        case skipped
        /// Not selected, or after a failure that stopped the replay.
        case notRun = "not_run"
    }

    public var cell: NotebookDocument.Cell
    public var status: Status
    public var seconds: Double
    /// Everything the cell printed, and its error message with the caret, in order, with the
    /// tables it showed kept as tables.
    public var segments: [OutputSegment] = []
    /// The same as the terminal showed it.
    public var output: String { segments.text }
    public var error: ScriptError?
    public var filesWritten: [String]
    /// The SVG files the cell wrote, by path, as they were when it ended: a later cell may
    /// write over them.
    public var figureFiles: [String: Data] = [:]
    /// SVG documents of figures the cell showed without saving them.
    public var shownFigures: [String] = []
}

/// The outcome of a replay.
public struct ReplayResult: Sendable {
    public var document: NotebookDocument
    public var cells: [CellResult]
    public var seconds: Double
    /// 0 when every cell that ran succeeded (allowed errors included), else the exit code of
    /// the first failure (65 syntax, 70 command, 74 I/O, 130 interrupted).
    public var exitCode: Int32
    /// The `--set` values the replay ran with (defined before the first cell and again after a
    /// `[parameters]` cell), by name.
    public var parameters: [(name: String, value: Value)] = []
}

/// A `jnb run` option that does not fit the notebook: a `--cells`/`--from` value that names no
/// cell, or a `--set` value that does not fit its parameter's default.
public struct ReplayUsageError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Each problem found, one line each: all bad `--set` values are said at once.
    public var problems: [String]

    public var description: String { problems.joined(separator: "\n") }

    public init(description: String) {
        problems = [description]
    }

    public init(problems: [String]) {
        self.problems = problems
    }
}

/// Replays a notebook in a session: checks every cell to run before running any, then runs
/// them in order, printing `[3/7] train` before each cell and `ok 12.4 s` or the failure with
/// its place after it.
public final class Replay {
    private let session: Session
    private let terminal: OutputSink

    public init(session: Session, terminal: OutputSink) {
        self.session = session
        self.terminal = terminal
    }

    /// Which cells the options select, or an error naming the cell that does not exist.
    public static func selection(_ document: NotebookDocument, _ options: ReplayOptions) throws(ReplayUsageError) -> Set<Int> {
        let code = document.codeCells
        func find(_ key: String) throws(ReplayUsageError) -> Int {
            let trimmed = key.trimmingCharacters(in: .whitespaces)
            // A whole number is always a code cell's number, even where a cell is named like one
            // (the reader warns about such names).
            let names = code.isEmpty ? "it has no code cells"
                : "its code cells are " + code.map { cell in cell.name.map { "\(cell.number) \"\($0)\"" } ?? String(cell.number) }.joined(separator: ", ")
            if let number = Int(trimmed) {
                guard code.indices.contains(number - 1) else {
                    throw ReplayUsageError(description: "no cell '\(trimmed)' in \(document.file); \(names)")
                }
                return number
            }
            let named = code.filter { $0.name == trimmed }
            if named.count > 1 {
                let cells = named.map { "\($0.number) (line \($0.markerLine))" }
                throw ReplayUsageError(description: "'\(trimmed)' names \(named.count) cells in \(document.file): "
                                         + cells.dropLast().joined(separator: ", ") + " and " + (cells.last ?? "")
                                         + "; give the number of the one to run")
            }
            if let match = named.first { return match.number }
            throw ReplayUsageError(description: "no cell '\(trimmed)' in \(document.file); \(names)")
        }
        var chosen = Set(code.map(\.number))
        if let keys = options.cells {
            // `--cells "$CELLS"` with an empty variable must not pass having run nothing.
            guard keys.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) else {
                throw ReplayUsageError(description: "--cells names no cell; give cell names or numbers, comma-separated")
            }
            chosen = []
            for key in keys { chosen.insert(try find(key)) }
        }
        if let from = options.from {
            let start = try find(from)
            let before = chosen
            chosen = chosen.filter { $0 >= start }
            // Both given, they select the cells of --cells from --from on: none left is a mistake.
            if chosen.isEmpty, options.cells != nil {
                throw ReplayUsageError(description: "--cells selects cell\(before.count == 1 ? "" : "s") \(before.sorted().map(String.init).joined(separator: ", ")), "
                                         + "all before --from \(from.trimmingCharacters(in: .whitespaces)) (cell \(start)): no cell is left to run")
            }
        }
        return chosen
    }

    /// A `--set` value takes the type of its parameter's literal default: `out=007` stays text
    /// for `out = "out"`, `n=6_000` is a number for `n = 1000`, and `n=2k` is refused, as is
    /// `format=jpg` for `format = choice "svg" "pdf" "png"`.
    /// The last declaration of a parameter, over all `[parameters]` cells, is its default, as
    /// within one cell: a later assignment that is not a literal leaves it untyped.
    public func typeParameters(of document: NotebookDocument) throws(ReplayUsageError) {
        var defaults: [String: Session.ParameterDefault] = [:]
        for cell in document.codeCells where cell.options.parameters {
            let declared = session.parameterDefaults(in: cell.source)
            for name in session.assignedNames(in: cell.source) { defaults[name] = declared[name] }
        }
        var problems: [String] = []
        for (name, text) in session.literalTexts.sorted(by: { $0.key < $1.key }) {
            guard let example = defaults[name] else { continue }
            do {
                try session.define(name, literal: text, like: example.value, among: example.choices)
            } catch {
                problems.append("--set \(name)=\(text): parameter '\(name)' of \(document.file): \(error.message)")
            }
        }
        if !problems.isEmpty { throw ReplayUsageError(problems: problems) }
    }

    /// Refuses options that do not fit the notebook, before anything runs; `run` starts with it.
    public func check(_ document: NotebookDocument, _ options: ReplayOptions) throws(ReplayUsageError) {
        _ = try Self.selection(document, options)
        try typeParameters(of: document)
    }

    public func run(_ document: NotebookDocument, options: ReplayOptions = ReplayOptions()) throws(ReplayUsageError) -> ReplayResult {
        let start = ContinuousClock.now
        try typeParameters(of: document)
        let chosen = try Self.selection(document, options)
        for warning in document.warnings { terminal.warn(warning.description) }
        // Only a [parameters] cell's assignments give way to --set; an ordinary cell's win.
        let declared = Set(document.codeCells.filter(\.options.parameters).flatMap { session.assignedNames(in: $0.source) })
        let running = document.codeCells.filter { chosen.contains($0.number) && !$0.options.skip }
        for warning in session.replacedDefinitionWarnings(of: Set(session.literalTexts.keys).subtracting(declared),
                                                          in: running.map { ($0.source, document.origin(of: $0)) }) {
            terminal.warn(warning)
        }

        // Check every cell to run before running any: a typo at the end must not wait for
        // the training at the start.
        var invalid: [Int: ScriptError] = [:]
        for cell in document.codeCells where chosen.contains(cell.number) && !cell.options.skip {
            let origin = document.origin(of: cell)
            if let error = session.check(cell.source, origin: origin)
                ?? (cell.options.parameters ? session.parameterDeclarationError(in: cell.source, origin: origin) : nil) {
                invalid[cell.number] = error
            }
        }
        // `[k/N]`: the k-th of the N code cells selected, skipped ones included, so that without
        // --cells or --from N is the count of the closing line.
        let total = document.codeCells.filter { chosen.contains($0.number) }.count
        // A fresh session holds only the --set values; they override a [parameters] cell's
        // defaults once it has run.
        let injected = session.variableNames.compactMap { name in session.value(name).map { (name, $0) } }
        var results: [CellResult] = []
        var stopped = false
        var exitCode: Int32 = 0
        var position = 0

        // A cell that may fail (allow_error=true) does not stop the notebook; its error is
        // reported when its turn comes. A bad cell option always stops it (even with --continue):
        // the notebook is malformed.
        let malformed = document.codeCells.contains { !$0.optionErrors.isEmpty }
        let stopping = document.codeCells.filter { !$0.optionErrors.isEmpty || (invalid[$0.number] != nil && !$0.options.allowError) }
        // The errors of each stopping cell, which the summary and report attach to it.
        var refused: [Int: CellResult] = [:]
        if !stopping.isEmpty && (malformed || !options.continueAfterFailure) {
            for cell in stopping {
                let result = Self.refusal(cell.optionErrors + (invalid[cell.number].map { [$0] } ?? []), cell, document)
                terminal.error(result.output.trimmingCharacters(in: .newlines))
                refused[cell.number] = result
            }
            terminal.error("nothing ran: \(stopping.count == 1 ? "a cell has an error" : "\(stopping.count) cells have errors") that \(stopping.count == 1 ? "stops" : "stop") the notebook before it starts")
            exitCode = 65
            stopped = true
        }

        for cell in document.cells {
            guard cell.kind == .code else {
                results.append(CellResult(cell: cell, status: .notRun, seconds: 0, error: nil, filesWritten: []))
                continue
            }
            if let refusal = refused[cell.number] {
                results.append(refusal)
                continue
            }
            guard chosen.contains(cell.number), !stopped else {
                results.append(CellResult(cell: cell, status: .notRun, seconds: 0, error: nil, filesWritten: []))
                continue
            }
            position += 1
            if cell.options.skip {
                terminal.write("[\(position)/\(total)] \(cell.label) skipped (skip=true)")
                results.append(CellResult(cell: cell, status: .skipped, seconds: 0, error: nil, filesWritten: []))
                continue
            }
            terminal.write("[\(position)/\(total)] \(cell.label)")
            var result = invalid[cell.number].map { error in
                let refusal = Self.refusal([error], cell, document)
                terminal.error(refusal.output.trimmingCharacters(in: .newlines))
                return refusal
            } ?? runCell(cell, in: document, leftOut: document.codeCells.filter { $0.number < cell.number && !chosen.contains($0.number) && !$0.options.skip })
            if cell.options.parameters, result.status == .ok, !injected.isEmpty {
                // The names were defined once already, so defining them again cannot fail.
                for (name, value) in injected { try? session.define(name, value) }
                // Names the cell does not declare are defined all the same (a notebook may read
                // them), but said apart: a misspelt --set name would otherwise go unnoticed.
                let declared = Set(session.assignedNames(in: cell.source))
                let used = injected.filter { declared.contains($0.0) }, other = injected.filter { !declared.contains($0.0) }
                var lines: [String] = []
                if !used.isEmpty {
                    lines.append("parameters from --set: " + used.map { "\($0.0) = \($0.1.summary)" }.joined(separator: ", "))
                }
                if !other.isEmpty {
                    lines.append("--set names that are not parameters of this notebook (its parameters: "
                                 + declared.sorted().joined(separator: ", ") + "), defined all the same: " + other.map { $0.0 }.joined(separator: ", "))
                    // A name one slip away from a parameter is most likely a typo of it.
                    for (name, _) in other {
                        let suggestion = Suggestions.didYouMean(name, among: declared.sorted())
                        if !suggestion.isEmpty { terminal.warn("--set \(name) is not a parameter of \(document.file)\(suggestion)") }
                    }
                }
                for line in lines {
                    terminal.write(line)
                    result.segments.append(.text(line + "\n"))
                }
            }
            results.append(result)
            switch result.status {
            case .ok:
                terminal.write("ok \(Self.duration(result.seconds))")
            case .allowedError:
                terminal.write("failed as allowed (allow_error=true) \(Self.duration(result.seconds))  \(Self.place(result.error, cell, document))")
            case .failed:
                terminal.error("failed \(Self.duration(result.seconds))  \(Self.place(result.error, cell, document))")
                if exitCode == 0 { exitCode = result.error?.exitCode ?? 70 }
                if !options.continueAfterFailure || result.error?.category == .interrupted { stopped = true }
            case .skipped, .notRun:
                break
            }
            if session.quitStatus != nil { stopped = true }
        }
        let elapsed = ContinuousClock.now - start
        let seconds = elapsed.seconds
        let result = ReplayResult(document: document, cells: results, seconds: seconds, exitCode: exitCode,
                                  parameters: injected.map { (name: $0.0, value: $0.1) })
        terminal.write(Self.summaryLine(result))
        return result
    }

    /// Runs one cell with its output going both to the terminal and into the result, and its
    /// timeout (if any) armed. `leftOut` are the cells before it that --cells or --from left out
    /// and a replay from them would run (not skip=true ones).
    private func runCell(_ cell: NotebookDocument.Cell, in document: NotebookDocument, leftOut: [NotebookDocument.Cell]) -> CellResult {
        let capture = CapturedOutput()
        let previous = session.output
        session.output = TeeOutput(terminal, capture)
        defer { session.output = previous }
        let timer = cell.options.timeout.map { CellTimer(seconds: $0, interruption: session.interruption) }
        let origin = document.origin(of: cell)
        let execution = session.execute(cell.source, origin: origin)
        timer?.cancel()
        var error = execution.error
        if let timer, timer.fired, error?.category == .interrupted {
            error = ScriptError(.interrupted, "the cell ran longer than its timeout of \(NumberFormat.duration(cell.options.timeout ?? 0)) and was stopped",
                                at: error?.span)
        }
        if let unknown = error {
            error = explained(unknown, leftOut: leftOut, in: document)
        }
        if let error {
            session.output.error(session.diagnostic(error, source: cell.source, origin: origin))
        }
        let status: CellResult.Status = error == nil ? .ok : (cell.options.allowError && error?.category != .interrupted ? .allowedError : .failed)
        let figures = execution.filesWritten.filter { $0.lowercased().hasSuffix(".svg") }
            .compactMap { path in FileManager.default.contents(atPath: path).map { (path, $0) } }
        return CellResult(cell: cell, status: status, seconds: execution.seconds, segments: capture.segments, error: error, filesWritten: execution.filesWritten,
                          figureFiles: Dictionary(figures, uniquingKeysWith: { $1 }), shownFigures: capture.figures)
    }

    /// An unknown name (or `ans` without a value) that a cell left out of this replay would
    /// have set, said with that cell and how to run it: the error alone would send the user
    /// looking for a typo. `--set` is offered only when that cell assigns the name a literal,
    /// which a `--set` value can stand for (not a model loaded from a file). A name that no
    /// left-out cell sets but one sets a name close to it is a typo of that name, which a full
    /// run would suggest: the suggestion names that cell.
    private func explained(_ error: ScriptError, leftOut: [NotebookDocument.Cell], in document: NotebookDocument) -> ScriptError {
        guard let name = error.unknownVariable else { return error }
        let isLastValue = name == Session.lastValueName
        var explained = error
        if let (cell, place) = lastSetter(of: name, leftOut: leftOut, in: document) {
            explained.message = (isLastValue ? "'\(name)' has no value yet" : "unknown name '\(name)'")
                + ": it would have been set by \(place), which this replay left out; run from there (--from \(cell.number))"
                + (isLastValue || session.parameterDefaults(in: cell.source)[name] == nil ? "" : " or give it with --set \(name)=…")
            return explained
        }
        guard !isLastValue else { return error }
        // The names a full run would know: those known now, and those the left-out cells set.
        let known = session.variableNames + session.table.names
        let leftOutNames = leftOut.flatMap { session.assignedNames(in: $0.source) }
        guard let meant = Suggestions.closest(name, among: known + leftOutNames), !known.contains(meant),
              let (cell, place) = lastSetter(of: meant, leftOut: leftOut, in: document) else { return error }
        explained.message = "unknown name '\(name)'; did you mean '\(meant)', which \(place) sets? "
            + "That cell is left out of this replay; run from there (--from \(cell.number))"
        return explained
    }

    /// The last of the left-out cells that sets `name`, and where: `n.jnb:4 (cell "make")`.
    private func lastSetter(of name: String, leftOut: [NotebookDocument.Cell], in document: NotebookDocument) -> (NotebookDocument.Cell, String)? {
        for cell in leftOut.reversed() {
            guard let line = session.lastLine(setting: name, in: cell.source, origin: document.origin(of: cell)) else { continue }
            return (cell, SourceSpan(file: document.file, cell: cell.label, line: line, column: 1).cellDescription)
        }
        return nil
    }

    /// A cell that did not run because the check before the replay found errors in it (its
    /// marker's options, or its code): failed, or failed as allowed for a code error in an
    /// `allow_error=true` cell, with each error and its caret as its output.
    private static func refusal(_ errors: [ScriptError], _ cell: NotebookDocument.Cell, _ document: NotebookDocument) -> CellResult {
        let text = errors.map { error in
            error.span?.line == cell.markerLine
                ? Session.diagnostic(error, source: cell.marker, origin: SourceOrigin(file: document.file, line: cell.markerLine))
                : Session.diagnostic(error, source: cell.source, origin: document.origin(of: cell))
        }.joined(separator: "\n") + "\n"
        let allowed = cell.options.allowError && cell.optionErrors.isEmpty
        return CellResult(cell: cell, status: allowed ? .allowedError : .failed, seconds: 0, segments: [.text(text)], error: errors.first, filesWritten: [])
    }

    /// `train.jnb:18 (cell "train")`: where a failed cell failed.
    static func place(_ error: ScriptError?, _ cell: NotebookDocument.Cell, _ document: NotebookDocument) -> String {
        if let span = error?.span, span.file == document.file { return span.cellDescription }
        return "\(document.file):\(cell.markerLine) (cell \"\(cell.label)\")"
    }

    static func duration(_ seconds: Double) -> String {
        NumberFormat.duration(seconds)
    }

    static func summaryLine(_ result: ReplayResult) -> String {
        let code = result.cells.filter { $0.cell.kind == .code }
        guard !code.isEmpty else { return "\(result.document.file): no code cells, nothing to run" }
        var parts: [String] = []
        for status in [CellResult.Status.ok, .allowedError, .failed, .skipped, .notRun] {
            let count = code.filter { $0.status == status }.count
            guard count > 0 else { continue }
            let word = switch status {
            case .ok: "ok"
            case .allowedError: "failed as allowed"
            case .failed: "failed"
            case .skipped: "skipped"
            case .notRun: "not run"
            }
            parts.append("\(count) \(word)")
        }
        return "\(result.document.file): \(code.count) code cell\(code.count == 1 ? "" : "s"): \(parts.joined(separator: ", ")) in \(duration(result.seconds))"
    }
}

/// Sends output to two sinks: the terminal and a cell's capture.
final class TeeOutput: OutputSink {
    private let first: OutputSink
    private let second: OutputSink

    init(_ first: OutputSink, _ second: OutputSink) {
        self.first = first
        self.second = second
    }

    func write(_ text: String) { first.write(text); second.write(text) }
    func warn(_ text: String) { first.warn(text); second.warn(text) }
    func error(_ text: String) { first.error(text); second.error(text) }
    func progress(_ line: String?) { first.progress(line); second.progress(line) }
    func figure(_ svg: String, summary: String) { first.figure(svg, summary: summary); second.figure(svg, summary: summary) }
    func table(_ table: Table, text: String) { first.table(table, text: text); second.table(table, text: text) }
}

/// A cell's timeout: after `seconds`, asks the running command to stop, as Ctrl-C would.
final class CellTimer {
    private final class Flag: Sendable {
        let fired = Atomic<Bool>(false)
    }

    private let source: DispatchSourceTimer
    private let flag = Flag()

    init(seconds: Double, interruption: Interruption) {
        source = DispatchSource.makeTimerSource(queue: .global())
        source.schedule(deadline: .now() + seconds)
        source.setEventHandler { [flag] in
            flag.fired.store(true, ordering: .sequentiallyConsistent)
            interruption.request()
        }
        source.resume()
    }

    var fired: Bool { flag.fired.load(ordering: .sequentiallyConsistent) }

    func cancel() { source.cancel() }
}
