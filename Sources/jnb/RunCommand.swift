import ArgumentParser
import Foundation
import Notebook
import REPL
import Script

/// `jnb run FILE.jnb`: replay a notebook.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Replay a notebook (.jnb) cell by cell.",
        // Written out: --cells and --from are arrays only to refuse a second one.
        usage: "jnb run <file.jnb> [--continue] [--set <name=value> ...] [--cells <a,b>] [--from <cell>] [--summary <file.json>] [--report <file.html>]",
        discussion: """
            Every cell to run is checked before the first one runs. Replay stops at the first \
            failing cell (unless --continue) and exits with its status. It never runs shell \
            commands and writes only the files the notebook's commands name (and --summary, --report).
            """)

    @ParentCommand var root: JNB

    @ArgumentParser.Argument(help: ArgumentHelp("The notebook to replay.", valueName: "file.jnb"))
    var file: String

    @Flag(name: .customLong("continue"), help: "Run every cell and report all failures (still exiting non-zero).")
    var continueAfterFailure = false

    @Option(name: .customLong("set"), help: ArgumentHelp("Define a variable before the first cell (repeatable, once per name), e.g. --set data=jets.h5.", valueName: "name=value"))
    var definitions: [String] = []

    // Arrays, so that a repeated option is refused rather than silently replacing the first.
    @Option(help: ArgumentHelp("Run only these cells: names or numbers, comma-separated.", valueName: "a,b"))
    var cells: [String] = []

    @Option(help: ArgumentHelp("Run from this cell (name or number) to the end.", valueName: "cell"))
    var from: [String] = []

    @Option(help: ArgumentHelp("Write per-cell status, time and files to this JSON file.", valueName: "file.json"))
    var summary: String?

    @Option(help: ArgumentHelp("Write a self-contained HTML report to this file.", valueName: "file.html"))
    var report: String?

    func run() throws {
        // The parser reads the root's -c here too; a replay would silently leave it out.
        guard root.statements.isEmpty else {
            throw ValidationError("-c and run do not go together: run the statements with jnb -c, or put them in the notebook")
        }
        for (option, values) in [("--cells", cells), ("--from", from)] where values.count > 1 {
            throw ValidationError("\(option) is given \(values.count) times; give it once (--cells takes a comma-separated list)")
        }
        let output = StandardStreams()
        for warning in Session.environmentWarnings() { output.warn(warning) }
        if let conflict = ReplayDestinations.conflict(notebook: file, summary: summary, report: report) {
            throw ValidationError(conflict)
        }
        let document: NotebookDocument
        do {
            document = try NotebookReader.read(file)
        } catch {
            output.error("error: " + error.description)
            throw ExitCode(error.exitCode)
        }
        let session = Session(output: output)
        // `jnb --set a=1 run …` and `jnb run … --set a=1` both work: the option is jnb's too.
        try Definitions.apply(root.definitions + definitions, to: session)
        InterruptSignal.install(session.interruption)

        let options = ReplayOptions(continueAfterFailure: continueAfterFailure,
                                    cells: cells.first.map { $0.split(separator: ",").map(String.init) }, from: from.first)
        let replay = Replay(session: session, terminal: output)
        let result: ReplayResult
        // Each problem on its own line, as the errors of a notebook's cells are: all bad --set
        // values at once, not one per try.
        func refuse(_ error: ReplayUsageError) -> ExitCode {
            for problem in error.problems { output.error("error: " + problem) }
            return ExitCode.validationFailure
        }
        do {
            try replay.check(document, options)
        } catch {
            throw refuse(error)
        }
        // The summary and report are written whatever happens to the cells, so they must be
        // writable before the first cell runs.
        do {
            try ReplayDestinations.prepare([summary, report].compactMap { $0 })
        } catch {
            output.error("error: " + error.description)
            throw ExitCode(error.exitCode)
        }
        do {
            result = try replay.run(document, options: options)
        } catch {
            throw refuse(error)
        }
        var status = result.exitCode
        do {
            if let summary { try ReplaySummary.write(result, to: summary) }
            if let report { try ReplayReport.write(result, to: report) }
        } catch {
            output.error("error: " + error.description)
            if status == 0 { status = error.exitCode }
        }
        throw ExitCode(status)
    }
}
