import Foundation

/// Commands about the session itself: help, variables, printing, timing, running files.
extension CommandTable {
    /// The command that gives a notebook parameter's words (notebook replay reads them from
    /// the text of its parameters cell).
    static let choiceCommand = "choice"

    static let sessionCommands: [CommandSpec] = [
        CommandSpec(
            "help", group: .session,
            summary: "List the commands, or explain one command, a variable or a topic",
            details: "help NAME shows a command's arguments with their defaults; help VARIABLE shows what a value is and its members (e.g. mean, std of a column), help VARIABLE.MEMBER what that member is; help syntax summarises the language.",
            parameters: [.positional("topic", .name, .optional, help: "a command, a variable, a variable's member (j.jet_mass), or 'syntax'")],
            examples: ["help", "help fit", "help syntax"],
            result: .nothing, run: help),
        CommandSpec(
            "vars", group: .session,
            summary: "List the variables, each with its type and what it holds",
            details: "ans, the value of the last statement that showed one, is listed too once there is one.",
            result: .nothing, run: vars),
        CommandSpec(
            "print", group: .session,
            summary: "Print values (strings without quotes)",
            parameters: [.variadic("values", .any, help: "what to print, separated by spaces")],
            examples: ["print \"mean loss:\" l.mean", "print jets"],
            result: .nothing, run: { invocation in
                let values = invocation.variadic.map(\.value)
                if values.count == 1, let table = values[0].printedTable {
                    invocation.output.table(table, text: values[0].description)
                } else {
                    invocation.print(values.map(\.description).joined(separator: " "))
                }
                return .nothing
            }),
        CommandSpec(
            "time", group: .session,
            summary: "Run a statement and print how long it took",
            details: "A statement stopped by Ctrl-C prints its time too, before its error.",
            parameters: [Parameter("statement", .statement, .required, positional: true, help: "the statement to run")],
            examples: ["time fit ae parts.train epochs=5", "time out = reconstruct ae bg"],
            result: .statementValue, run: { invocation in
                let start = ContinuousClock.now
                func printTime() {
                    invocation.print("time: " + NumberFormat.duration((ContinuousClock.now - start).seconds))
                }
                // A command stopped by Ctrl-C took time too, whether it stops with an error
                // (simulate) or keeps what it did (fit).
                do {
                    let value = try invocation.interpreter.evaluate(try invocation.statement("statement"), in: invocation.transaction)
                    printTime()
                    return value
                } catch let error as ScriptError where error.category == .interrupted {
                    printTime()
                    throw error
                }
            }),
        CommandSpec(
            "run", group: .session,
            summary: "Run a script or notebook file in this session",
            details: "The file's statements run one after another with the variables of this session; each keeps its effect even if a later one fails.",
            parameters: [.positional("file", .inputPath(["jnb"]), help: "the file to run")],
            examples: ["run \"notebooks/process_jet_images.jnb\""],
            result: .nothing, run: runFile),
        CommandSpec(
            choiceCommand, group: .session,
            summary: "The words a notebook parameter may take: gives the first, its default",
            details: "In a notebook's [parameters] cell, format = choice \"svg\" \"pdf\" \"png\" makes format \"svg\" unless jnb run --set format=… gives another of the words; any other value is a usage error that names the parameter and its words, before any cell runs. The words are known from the cell's text, so they must be written out as strings, each once; otherwise the replay stops before it starts. Anywhere else choice simply gives the first word.",
            parameters: [.variadic("words", .string, help: "the words the parameter may take; the first is its default")],
            examples: ["format = choice \"svg\" \"pdf\" \"png\""],
            result: .value(.string),
            run: { invocation in
                // `choice words=[]` gives the list by name, and it may be empty.
                guard let first = invocation.variadic.first else {
                    throw invocation.failure("expected at least one word", argument: "words")
                }
                return first.value
            }),
        CommandSpec(
            "quit", group: .session,
            summary: "Leave jnb (Ctrl-D does the same at the prompt)",
            parameters: [.positional("status", .integer(minimum: 0, maximum: 255), .defaultValue(.number(0)),
                                     help: "the exit status")],
            result: .nothing, run: { invocation in
                invocation.transaction.quitStatus = Int32(try invocation.integer("status"))
                return .nothing
            }),
    ]

    private static func help(_ invocation: Invocation) throws -> Value {
        let table = invocation.interpreter.table
        guard let topic = try invocation.optionalString("topic") else {
            invocation.print(HelpText.overview(table))
            return .nothing
        }
        if let spec = table[topic] {
            invocation.print(HelpText.help(spec))
        } else if topic == "syntax" {
            invocation.print(HelpText.syntax)
        } else if topic.contains("."), let head = topic.split(separator: ".").first,
                  let variable = invocation.interpreter.lookup(String(head), in: invocation.transaction) {
            invocation.print(try memberHelp(topic, of: variable, invocation))
        } else if let value = invocation.interpreter.lookup(topic, in: invocation.transaction) {
            var lines = ["\(topic) is \(value.typeWithArticle): \(value.untypedSummary)"]
            if topic == Interpreter.lastValueName, invocation.interpreter.globals[topic] == nil {
                lines.append(HelpText.lastValue)
            }
            let members = Members.members(of: value)
            if !members.isEmpty {
                lines.append("members:")
                let width = members.map(\.name.count).max() ?? 0
                lines += members.map { "  \(topic).\($0.name.padding(toLength: width, withPad: " ", startingAt: 0))  \($0.help)" }
            }
            invocation.print(lines.joined(separator: "\n"))
        } else if topic == Interpreter.lastValueName {
            invocation.print("ans has no value yet.\n" + HelpText.lastValue)
        } else {
            let candidates = table.names + ["syntax"] + Array(invocation.interpreter.visibleVariables.keys)
            throw invocation.failure("no command, variable or topic '\(topic)'\(Suggestions.didYouMean(topic, among: candidates))",
                                     argument: "topic")
        }
        return .nothing
    }

    /// `help j.jet_mass`: what the member is and its description.
    private static func memberHelp(_ topic: String, of variable: Value, _ invocation: Invocation) throws -> String {
        let path = topic.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        var value = variable, written = path[0]
        do {
            for name in path.dropFirst().dropLast() {
                value = try Members.get(name, of: value, written: written)
                written += "." + name
            }
            let name = path[path.count - 1]
            guard let member = Members.members(of: value).first(where: { $0.name == name }) else {
                _ = try Members.get(name, of: value, written: written)
                return topic
            }
            // A member that cannot be had now (`ae.history` of an untrained model) still has its description.
            let shown = (try? member.get(value)).map { " is \($0.typeWithArticle): \($0.untypedSummary)" } ?? ""
            return "\(topic)\(shown)\n  \(member.help)"
        } catch {
            throw invocation.failure(error.message, argument: "topic")
        }
    }

    /// Reads the file and runs it. What keeps it from running (no such file, not UTF-8, a
    /// file that runs itself) is run's error, under the file name; an error inside the file
    /// keeps its own place there.
    private static func runFile(_ invocation: Invocation) throws -> Value {
        let path = try invocation.string("file")
        let running = invocation.interpreter.runStack
        guard !running.contains(path) else {
            throw invocation.failure("\(path) is already running (\((running + [path]).joined(separator: " → ")))", argument: "file")
        }
        let source: String
        do {
            source = try SourceFile.read(path)
        } catch {
            throw invocation.failure(error.message, argument: "file", category: error.category)
        }
        try invocation.interpreter.runFile(path, source: source)
        return .nothing
    }

    private static func vars(_ invocation: Invocation) throws -> Value {
        let globals = invocation.interpreter.visibleVariables
        guard !globals.isEmpty else {
            invocation.print("no variables yet")
            return .nothing
        }
        let names = globals.keys.sorted()
        let nameWidth = names.map(\.count).max() ?? 0
        let typeWidth = globals.values.map(\.typeName.count).max() ?? 0
        invocation.print(names.compactMap { name in
            globals[name].map {
                name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  "
                    + $0.typeName.padding(toLength: typeWidth, withPad: " ", startingAt: 0) + "  " + $0.untypedSummary
            }
        }.joined(separator: "\n"))
        return .nothing
    }
}
