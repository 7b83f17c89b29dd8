import Foundation

/// The outcome of running some source in a session.
public struct Execution: Sendable {
    /// Why it failed, or nil when every statement succeeded.
    public var error: ScriptError?
    /// Files written by the statements (figures, tables, models), in order.
    public var filesWritten: [String]
    /// Wall-clock seconds.
    public var seconds: Double

    public var succeeded: Bool { error == nil }
    /// 0, or the exit code of the error's category (65 syntax, 70 runtime, 74 I/O, 130 interrupt).
    public var exitCode: Int32 { error?.exitCode ?? 0 }
}

/// A jnb session: variables, the command table and where output goes. The REPL, notebook
/// replay and `jnb -c` each drive one. Not thread-safe: use it from one thread; only
/// `interruption` may be touched from elsewhere (a signal handler, a timer).
public final class Session {
    public let table: CommandTable
    public let interruption: Interruption
    private let interpreter: Interpreter

    public init(output: OutputSink, interruption: Interruption = Interruption(), table: CommandTable = .standard) {
        self.table = table
        self.interruption = interruption
        self.interpreter = Interpreter(table: table, output: output, interruption: interruption)
    }

    public var output: OutputSink {
        get { interpreter.output }
        set { interpreter.output = newValue }
    }

    /// Parses and checks all of `source` (nothing runs if any of it is invalid), then runs its
    /// statements in order. Each statement is all-or-nothing: a failing one leaves every
    /// variable as it was; statements before it keep their effect.
    public func execute(_ source: String, origin: SourceOrigin = .interactive) -> Execution {
        let start = ContinuousClock.now
        interpreter.filesWritten = []
        var failure: ScriptError?
        do {
            try interpreter.run(source, origin: origin)
        } catch {
            failure = error
        }
        interruption.clear()
        let elapsed = ContinuousClock.now - start
        return Execution(error: failure, filesWritten: interpreter.filesWritten,
                         seconds: elapsed.seconds)
    }

    /// The first syntax error in `source` (including unknown commands and arguments), without
    /// running anything; nil when it would run.
    public func check(_ source: String, origin: SourceOrigin = .interactive) -> ScriptError? {
        do {
            try interpreter.check(try Parser.parse(source, origin: origin, grammar: table.grammar))
            return nil
        } catch {
            return error
        }
    }

    /// The variables `source` assigns at its top level (`n = 1000`, `time n = …`), in order; none when it
    /// does not parse. A notebook's parameters cell declares its parameters this way.
    public func assignedNames(in source: String) -> [String] {
        guard let statements = try? Parser.parse(source, grammar: table.grammar) else { return [] }
        return statements.compactMap(Interpreter.assignedName)
    }

    /// A default of a notebook parameter as its `[parameters]` cell writes it: a literal, or
    /// `choice "svg" "pdf" "png"` (its first word, and the words it may take).
    public struct ParameterDefault: Sendable {
        public var value: Value
        public var choices: [String]?

        public init(_ value: Value, choices: [String]? = nil) {
            self.value = value
            self.choices = choices
        }
    }

    /// The variables `source` assigns a literal at its top level (`n = 1000`, `out = "out"`,
    /// `fast = true`, `shift = -1`), or a `choice` of words written out, with that default; a
    /// parameters cell's typed defaults.
    public func parameterDefaults(in source: String) -> [String: ParameterDefault] {
        guard let statements = try? Parser.parse(source, grammar: table.grammar) else { return [:] }
        var defaults: [String: ParameterDefault] = [:]
        for statement in statements {
            guard case .assignment(let name, _, let value) = statement.kind else { continue }
            defaults[name] = switch value.kind {
            case .number(let number): ParameterDefault(.number(number))
            case .unary(.negate, let operand): if case .number(let number) = operand.kind { ParameterDefault(.number(-number)) } else { nil }
            case .string(let text): ParameterDefault(.string(text))
            case .bool(let bool): ParameterDefault(.bool(bool))
            case .call(let call) where call.name == CommandTable.choiceCommand: Self.choices(call).map { ParameterDefault(.string($0[0]), choices: $0) }
            default: nil
            }
        }
        return defaults
    }

    /// The words of `choice "a" "b"`, when every one is a string written out (at least one)
    /// and none is given twice.
    private static func choices(_ call: Call) -> [String]? {
        writtenWords(call).flatMap { words in firstRepeated(words) == nil ? words : nil }
    }

    /// The first word that `words` gives a second time, if any.
    private static func firstRepeated(_ words: [String]) -> String? {
        var seen = Set<String>()
        return words.first { !seen.insert($0).inserted }
    }

    /// The words of `choice "a" "b"`, when every one is a string written out (at least one).
    private static func writtenWords(_ call: Call) -> [String]? {
        let words = call.arguments.compactMap { argument -> String? in
            guard argument.label == nil, case .expression(let expression) = argument.value,
                  case .string(let word) = expression.kind else { return nil }
            return word
        }
        return words.isEmpty || words.count != call.arguments.count ? nil : words
    }

    /// The first `name = choice …` at the top level of a `[parameters]` cell's `source` whose
    /// words replay cannot read from the text (one not written out as a string, or none) or
    /// that gives a word twice, as a syntax error at that statement; nil when there is none or
    /// `source` does not parse (the check before running reports that). Without it such a
    /// parameter's `--set` value would go unchecked.
    public func parameterDeclarationError(in source: String, origin: SourceOrigin) -> ScriptError? {
        guard let statements = try? Parser.parse(source, origin: origin, grammar: table.grammar) else { return nil }
        for statement in statements {
            guard case .assignment(let name, _, let value) = statement.kind,
                  case .call(let call) = value.kind, call.name == CommandTable.choiceCommand else { continue }
            guard let words = Self.writtenWords(call) else {
                return .syntax("parameter '\(name)': the words of \(CommandTable.choiceCommand) must be written out as strings, "
                               + "e.g. \(CommandTable.choiceCommand) \"svg\" \"pdf\", so that a --set value can be checked against them", at: statement.span)
            }
            if let twice = Self.firstRepeated(words) {
                return .syntax("parameter '\(name)': \(CommandTable.choiceCommand) gives the word \"\(twice)\" twice; give each word once", at: statement.span)
            }
        }
        return nil
    }

    /// The line of the last statement of `source` that sets `name` when it runs (an
    /// assignment to it; for `ans` also a statement that shows a value), or nil, also when
    /// `source` does not parse. Notebook replay names a cell it left out by it.
    public func lastLine(setting name: String, in source: String, origin: SourceOrigin) -> Int? {
        guard let statements = try? Parser.parse(source, origin: origin, grammar: table.grammar) else { return nil }
        let variables = Set(variableNames).union(assignedNames(in: source))
        return statements.last { interpreter.sets(name, $0, variables: variables) }?.span.line
    }

    /// True when `source` ends inside brackets, a string or after a trailing `\`, so a prompt
    /// should read another line before running it.
    public static func needsMoreInput(_ source: String) -> Bool {
        Scanner.openState(source).isOpen
    }

    /// The exit status `quit` asked for, once it has run.
    public var quitStatus: Int32? { interpreter.quitRequest }

    // MARK: Variables

    /// `ans`: the value of the last statement that showed one. It is not a variable, so
    /// `--set` cannot define it.
    public static var lastValueName: String { Interpreter.lastValueName }

    public var variableNames: [String] { interpreter.globals.keys.sorted() }

    public func value(_ name: String) -> Value? { interpreter.globals[name] }

    /// Defines a variable before any statement runs (`jnb run --set name=value`).
    public func define(_ name: String, _ value: Value) throws(ScriptError) {
        if let keyword = Token.Keyword(rawValue: name) {
            throw ScriptError.syntax("'\(keyword.rawValue)' is a reserved word of the language and cannot be a variable name", at: nil)
        }
        guard Self.isValidName(name) else {
            throw ScriptError.syntax("'\(name)' is not a valid variable name (letters, digits and _, not starting with a digit)", at: nil)
        }
        guard table[name] == nil else {
            throw ScriptError.syntax("'\(name)' is a command and cannot be a variable name", at: nil)
        }
        // A variable named ans would hide the last shown value for the whole run.
        guard name != Self.lastValueName else {
            throw ScriptError.syntax("'\(name)' is the last shown value (help \(name)) and cannot be set", at: nil)
        }
        interpreter.globals[name] = value
    }

    /// The text each variable defined by `define(_:literal:)` was given as (`--set`), by name.
    public private(set) var literalTexts: [String: String] = [:]

    /// Defines a variable from text as given on the command line, trimmed of spaces. Typed
    /// like `example` (a parameter's literal default): text stays the text as it is, without
    /// quotes (`out=007` stays "007"); a number must be a number as the language writes it
    /// (`6_000`, `1e3`, `-2`) and true/false must be `true` or `false`, else this throws. Without
    /// an example: such a number, true or false, a quoted string, or the text itself as a
    /// string (so `--set data=jets.h5` works). With `choices` (a parameter's `choice`), text must
    /// be one of them.
    public func define(_ name: String, literal text: String, like example: Value? = nil, among choices: [String]? = nil) throws(ScriptError) {
        literalTexts[name] = text
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let unquoted = trimmed.count >= 2 && (trimmed.first == "\"" || trimmed.first == "'") && trimmed.last == trimmed.first
            ? String(trimmed.dropFirst().dropLast()) : nil
        switch example {
        case .string(let word)?:
            let given = unquoted ?? trimmed
            if let choices, !choices.contains(given) {
                throw ScriptError.syntax("expected one of " + choices.map { "\"\($0)\"" }.joined(separator: ", ")
                                         + " (its default is \"\(word)\"); got '\(given)'\(Suggestions.didYouMean(given, among: choices))", at: nil)
            }
            try define(name, .string(given))
        case .number(let number)?:
            guard let value = try Self.number(trimmed) else {
                throw ScriptError.syntax("expected a number as the language writes it (6_000, 1e3, -2), like its default "
                                         + "\(Value.number(number).summary); got '\(trimmed)'", at: nil)
            }
            try define(name, .number(value))
        case .bool(let bool)?:
            guard trimmed == "true" || trimmed == "false" else {
                throw ScriptError.syntax("expected true or false, like its default \(bool); got '\(trimmed)'", at: nil)
            }
            try define(name, .bool(trimmed == "true"))
        default:
            if let number = try Self.number(trimmed) {
                try define(name, .number(number))
            } else if trimmed == "true" || trimmed == "false" {
                try define(name, .bool(trimmed == "true"))
            } else {
                try define(name, .string(unquoted ?? trimmed))
            }
        }
    }

    /// `text` read as a number of the language with an optional sign (`100_000`, `1e-3`,
    /// `-2`, `+2`), or nil: no hexadecimal, no inf or nan. A number too large for a double
    /// (`1e400`) is an error, as in the language, not infinity or text.
    static func number(_ text: String) throws(ScriptError) -> Double? {
        guard let tokens = try? Scanner.tokens(text) else { return nil }
        let kinds = tokens.map(\.kind).filter { $0 != .newline && $0 != .endOfInput }
        let number: Double
        if kinds.count == 1, case .number(let unsigned) = kinds[0] {
            number = unsigned
        } else if kinds.count == 2, case .number(let unsigned) = kinds[1], kinds[0] == .symbol(.minus) || kinds[0] == .symbol(.plus) {
            number = kinds[0] == .symbol(.minus) ? -unsigned : unsigned
        } else {
            return nil
        }
        guard number.isFinite else { throw ScriptError.syntax(Parser.numberTooLarge(text), at: nil) }
        return number
    }

    static func isValidName(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0) }
            && Token.Keyword(rawValue: name) == nil
    }

    // MARK: Completion

    /// Candidates for the text before the cursor: commands, argument names, variables,
    /// members after a `.`, choices after `name=`, and file paths inside quotes.
    public func completions(before prefix: String) -> Completions {
        Completer(table: table, variables: interpreter.visibleVariables).complete(prefix)
    }

    // MARK: Messages

    /// The error as the user sees it: location and message, and, when the failing line is in
    /// `source`, that line with a caret under the place.
    public static func diagnostic(_ error: ScriptError, source: String, origin: SourceOrigin = .interactive) -> String {
        guard let span = error.span, span.file == origin.file else { return "error: " + error.description }
        // Typed input has no file: the caret under the line says where.
        var text = "error: " + (span.file == nil ? error.message : error.description)
        // Split on scalars: in Swift "\r\n" is one Character, which a split on "\n" would miss.
        let lines = source.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
        let index = span.line - origin.line
        guard index >= 0, index < lines.count else { return text }
        var line = String(String.UnicodeScalarView(lines[index]))
        if line.unicodeScalars.last == "\r" { line.unicodeScalars.removeLast() }
        var shown = Array(line.replacingOccurrences(of: "\t", with: " "))
        var column = max(span.column - 1, 0)
        // A very long line is shown as a window around the place, marked with … where cut.
        if shown.count > Self.diagnosticWidth {
            let start = min(max(0, column - Self.diagnosticWidth / 3), shown.count - Self.diagnosticWidth)
            let end = start + Self.diagnosticWidth
            shown = (start > 0 ? ["…"] : []) + Array(shown[start..<end]) + (end < shown.count ? ["…"] : [])
            column = column - start + (start > 0 ? 1 : 0)
        }
        let width = min(span.length, max(shown.count - column, 1))
        text += "\n  " + String(shown) + "\n  " + String(repeating: " ", count: column) + String(repeating: "^", count: width)
        return text
    }

    /// The same, for an error of this session: an error inside a file that `run` ran shows
    /// that file's line.
    public func diagnostic(_ error: ScriptError, source: String, origin: SourceOrigin = .interactive) -> String {
        if let run = interpreter.failedRun, let file = error.span?.file, file == run.file, file != origin.file {
            return Self.diagnostic(error, source: run.source, origin: SourceOrigin(file: file))
        }
        return Self.diagnostic(error, source: source, origin: origin)
    }

    /// The most characters of a source line an error shows (a window around the place).
    static let diagnosticWidth = 120
}
