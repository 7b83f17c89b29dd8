import JetData

/// One running call of a command: its checked arguments and what a command may do besides
/// returning a value (print, report progress, update the variable passed to it, write files).
public final class Invocation {
    let spec: CommandSpec
    let call: Call
    let interpreter: Interpreter
    let transaction: Transaction
    private let values: [String: Value]
    private let spans: [String: SourceSpan]
    /// For arguments given as a plain variable (`fit ae …`): the variable's name.
    private let variables: [String: String]
    private let statements: [String: Statement]
    /// A value of the variadic parameter, where it was given, the variable's name when it was
    /// given as a plain variable, and its expression as text (nil for the items of a list
    /// given by name).
    typealias VariadicArgument = (value: Value, span: SourceSpan, variable: String?, text: String?)
    let variadic: [VariadicArgument]
    let extraKeywords: [(name: String, value: Value, span: SourceSpan)]

    init(spec: CommandSpec, call: Call, interpreter: Interpreter, transaction: Transaction,
         values: [String: Value], spans: [String: SourceSpan], variables: [String: String],
         statements: [String: Statement], variadic: [VariadicArgument],
         extraKeywords: [(name: String, value: Value, span: SourceSpan)]) {
        self.spec = spec
        self.call = call
        self.interpreter = interpreter
        self.transaction = transaction
        self.values = values
        self.spans = spans
        self.variables = variables
        self.statements = statements
        self.variadic = variadic
        self.extraKeywords = extraKeywords
    }

    var output: OutputSink { interpreter.output }
    var interruption: Interruption { interpreter.interruption }

    // MARK: Arguments

    /// The argument's value (its default when left out), nil when optional and not given.
    func value(_ name: String) -> Value? { values[name] }

    func isGiven(_ name: String) -> Bool { spans[name] != nil }

    /// Where the argument is in the source, or the command name when it was left out.
    func span(_ name: String) -> SourceSpan { spans[name] ?? call.nameSpan }

    func number(_ name: String) throws(ScriptError) -> Double {
        guard case .number(let x) = values[name] else { throw internalMismatch(name, "number") }
        return x
    }

    func optionalNumber(_ name: String) throws(ScriptError) -> Double? {
        values[name] == nil ? nil : try number(name)
    }

    func integer(_ name: String) throws(ScriptError) -> Int {
        Int(try number(name))
    }

    func string(_ name: String) throws(ScriptError) -> String {
        guard case .string(let s) = values[name] else { throw internalMismatch(name, "string") }
        return s
    }

    func optionalString(_ name: String) throws(ScriptError) -> String? {
        values[name] == nil ? nil : try string(name)
    }

    func bool(_ name: String) throws(ScriptError) -> Bool {
        guard case .bool(let b) = values[name] else { throw internalMismatch(name, "bool") }
        return b
    }

    func jets(_ name: String) throws(ScriptError) -> JetSet {
        guard case .jets(let set) = values[name] else { throw internalMismatch(name, "jet set") }
        return set
    }

    func column(_ name: String) throws(ScriptError) -> Column {
        guard case .column(let c) = values[name] else { throw internalMismatch(name, "column") }
        return c
    }

    func list(_ name: String) throws(ScriptError) -> [Value] {
        guard case .list(let items) = values[name] else { throw internalMismatch(name, "list") }
        return items
    }

    func statement(_ name: String) throws(ScriptError) -> Statement {
        guard let statement = statements[name] else { throw internalMismatch(name, "statement") }
        return statement
    }

    /// The name of the variable given for this argument, if it was a plain variable.
    func variableName(_ name: String) -> String? { variables[name] }

    private func internalMismatch(_ name: String, _ type: String) -> ScriptError {
        ScriptError.runtime("\(spec.name): internal error: argument '\(name)' is not a \(type) after checking", at: span(name))
    }

    // MARK: Effects

    /// A failure of this command, located at `argument` (or at the command name).
    func failure(_ message: String, argument: String? = nil, category: ScriptError.Category = .runtime) -> ScriptError {
        ScriptError(category, "\(spec.name): \(message)", at: argument.map(span) ?? call.nameSpan)
    }

    func print(_ text: String) {
        interpreter.output.write(text)
    }

    /// Gives the variable passed as `parameter` a new value when the statement succeeds
    /// (`fit ae …` updates `ae`). Returns false when the argument was not a plain variable.
    @discardableResult
    func update(_ parameter: String, to value: Value) -> Bool {
        guard let variable = variables[parameter] else { return false }
        transaction.assign(variable, value)
        return true
    }

    /// Ends the statement with `error` once its assignments and updates have been made: a
    /// stopped or diverged `fit` keeps the weights it has, yet the statement reports why it
    /// did not finish (and a script stops there).
    func finishWithError(_ error: ScriptError) {
        interpreter.stoppedEarly = error.located(at: call.nameSpan)
    }

    /// Notes a file the command wrote, for notebook summaries and reports.
    func wrote(_ path: String) {
        interpreter.filesWritten.append(path)
    }

    /// A progress reporter for `total` steps, shown only on a terminal.
    func progress(_ label: String, total: Int, unit: String) -> ProgressReporter {
        ProgressReporter(label: label, total: total, unit: unit, output: interpreter.output)
    }
}
