import ArgumentParser
import Foundation
import Notebook
import REPL
import Script

@main
struct JNB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jnb",
        abstract: "jet notebook: jet images, autoencoders and anomaly detection",
        usage: """
            jnb [--set <name=value> ...]                 the jnb> prompt
            jnb -c <statements> [--set <name=value> ...]  run statements and exit
            jnb run <file.jnb> [options]                 replay a notebook
            """,
        discussion: """
            Without arguments jnb starts the jnb> prompt; when standard input is not a terminal \
            it reads it as a script (jnb < analysis.jnb). Type help at the prompt for the commands.

            Exit status: 0 success, 64 wrong usage, 65 the input is not a valid program, \
            70 a command failed, 74 a file could not be read or written, 130 interrupted.
            """,
        subcommands: [Run.self])

    // An array, so that a second -c is refused rather than silently replacing the first.
    @Option(name: .customShort("c"), help: ArgumentHelp("Run the statements and exit.", valueName: "statements"))
    var statements: [String] = []

    @Option(name: .customLong("set"), help: ArgumentHelp("Define a variable first (repeatable); the value is a number, true/false, or text.", valueName: "name=value"))
    var definitions: [String] = []

    @Flag(help: "Show the version and the BLAS library training uses.")
    var version = false

    @Flag(name: .customLong("command-reference"), help: .hidden)
    var commandReference = false

    /// ArgumentParser's `main`, with usage errors shown as jnb shows its other errors.
    static func main() {
        TerminationSignal.install()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            guard let line = UsageError.line(for: error, arguments: Array(CommandLine.arguments.dropFirst())) else {
                exit(withError: error)
            }
            StandardStreams().error(line)
            exit(withError: ExitCode.validationFailure)
        }
    }

    func run() throws {
        if statements.count > 1 {
            throw ValidationError("-c is given \(statements.count) times; give all the statements to one -c, separated by ';' or new lines")
        }
        if version {
            print(Version.text)
            print(Libraries.blas)
            return
        }
        if commandReference {
            print(HelpText.markdownReference(.standard), terminator: "")
            return
        }
        let output = StandardStreams()
        for warning in Session.environmentWarnings() { output.warn(warning) }
        let session = Session(output: output)
        try Definitions.apply(definitions, to: session)
        InterruptSignal.install(session.interruption)

        if let statements = statements.first {
            // Named like a file, so that errors carry their place (`<command line>:2:5:`).
            throw ExitCode(Self.execute(statements, origin: SourceOrigin(file: "<command line>"), in: session))
        }
        guard isatty(STDIN_FILENO) == 1 else {
            let text: String
            do {
                text = try SourceFile.decode(SourceFile.readAll(FileHandle.standardInput, name: "<stdin>"), name: "<stdin>")
            } catch {
                output.error("error: " + error.description)
                throw ExitCode(error.exitCode)
            }
            throw ExitCode(Self.execute(text, origin: SourceOrigin(file: "<stdin>"), in: session))
        }
        output.write("\(Version.text) — type help for the commands, help NAME for one of them, Ctrl-D to leave")
        let reader = EditLineReader(interruption: session.interruption) { session.completions(before: $0) }
        if let problem = reader.historyProblem() { output.warn("the history will not be saved: " + problem) }
        let status = REPL(session: session, reader: reader).run()
        throw ExitCode(status)
    }

    /// Runs a whole script, shows its error (if any) and returns the exit status.
    static func execute(_ source: String, origin: SourceOrigin, in session: Session) -> Int32 {
        // A script has no [parameters] cell: its own assignment wins over --set, so say so.
        for warning in session.replacedDefinitionWarnings(of: Set(session.literalTexts.keys), in: [(source, origin)]) {
            session.output.warn(warning)
        }
        let result = session.execute(source, origin: origin)
        if let error = result.error {
            session.output.error(session.diagnostic(error, source: source, origin: origin))
        }
        // A statement that fails has no effect, so a run that ends with an error never quit.
        return result.error == nil ? session.quitStatus ?? 0 : result.exitCode
    }
}

/// `--set name=value`, shared by the prompt, `-c` and `run`.
enum Definitions {
    static func apply(_ definitions: [String], to session: Session) throws {
        var given: [String: String] = [:]
        for definition in definitions {
            guard let equals = definition.firstIndex(of: "=") else {
                throw ValidationError("--set expects name=value, got '\(definition)'")
            }
            let name = String(definition[..<equals]), value = String(definition[definition.index(after: equals)...])
            // The same name twice (a wrapper adding its own --set n=) would keep one silently.
            if let first = given[name] {
                throw ValidationError("--set \(name) is given twice (\(first) and \(definition)); give it once")
            }
            given[name] = definition
            // An unset shell variable (--set out=$OUT) must not turn a folder into the root.
            guard !value.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("--set \(definition): the value is empty; give a value or leave out --set \(name)")
            }
            do {
                try session.define(name, literal: value)
            } catch {
                throw ValidationError("--set \(definition): \(error.message)")
            }
        }
    }
}
