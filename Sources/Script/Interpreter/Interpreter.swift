import Foundation
import JetData

/// Runs statements. Each statement evaluates in a transaction whose assignments are applied
/// only when the whole statement succeeds; commands get their arguments checked against the
/// command table before they run.
final class Interpreter {
    let table: CommandTable
    var globals: [String: Value] = [:]
    /// The value of the last expression statement that gave one, read as `ans` (as in MATLAB
    /// and Julia): a figure shown but not assigned can still be saved. Assignments leave it
    /// as it is; a variable the user names `ans` hides it (see `lookup`).
    var lastValue: Value?
    var output: OutputSink
    let interruption: Interruption
    /// Files written by the statements since the session last asked.
    var filesWritten: [String] = []
    /// The exit status the user asked for with `quit`, once the statement with it succeeded.
    var quitRequest: Int32?
    /// Set by a command that stopped early at Ctrl-C but keeps what it did (a stopped `fit`
    /// keeps its weights): thrown once its statement has been committed.
    var stoppedEarly: ScriptError?
    /// Files being run by `run`, innermost last, to catch a file that runs itself.
    var runStack: [String] = []
    /// The text of the file `run` ran when an error was found in it, so that the error can
    /// show the failing line.
    var failedRun: (file: String, source: String)?

    init(table: CommandTable, output: OutputSink, interruption: Interruption) {
        self.table = table
        self.output = output
        self.interruption = interruption
    }

    // MARK: Programs and statements

    /// Parses and checks all of `source`, then runs it statement by statement, stopping at
    /// the first failure (statements before it keep their effect) or at `quit`.
    func run(_ source: String, origin: SourceOrigin) throws(ScriptError) {
        let program = try Parser.parse(source, origin: origin, grammar: table.grammar)
        try check(program)
        for statement in program {
            guard quitRequest == nil else { return }
            if interruption.isRequested {
                throw ScriptError(.interrupted, "stopped by Ctrl-C before this statement", at: statement.span)
            }
            try execute(statement)
        }
    }

    /// Runs one statement as a transaction and shows its value, if it has one.
    func execute(_ statement: Statement) throws(ScriptError) {
        let transaction = Transaction()
        let value = try evaluate(statement, in: transaction)
        for (name, newValue) in transaction.pending { globals[name] = newValue }
        if let status = transaction.quitStatus { quitRequest = status }
        if let stopped = stoppedEarly {
            stoppedEarly = nil
            throw stopped
        }
        guard case .expression = statement.kind, !value.isNothing else { return }
        lastValue = value
        switch value {
        case .figure(let figure): output.figure(figure.svg, summary: figure.summary)
        default:
            if let table = value.printedTable {
                output.table(table, text: value.description)
            } else {
                output.write(value.description)
            }
        }
    }

    /// The statement's value (nothing for an assignment), its assignments left in `transaction`.
    func evaluate(_ statement: Statement, in transaction: Transaction) throws(ScriptError) -> Value {
        switch statement.kind {
        case .assignment(let name, let nameSpan, let expression):
            if table[name] != nil {
                throw ScriptError.syntax("'\(name)' is a command and cannot be a variable name; pick another name", at: nameSpan)
            }
            let value = try evaluate(expression, in: transaction)
            if value.isNothing {
                throw ScriptError.runtime("\(noValueName(expression)) gives no value, so there is nothing to assign to '\(name)'", at: expression.span)
            }
            transaction.assign(name, value)
            return .nothing
        case .expression(let expression):
            return try evaluate(expression, in: transaction)
        }
    }

    // MARK: Expressions

    /// The name every statement's value can be read by (`lastValue`).
    static let lastValueName = "ans"

    /// A variable, or `ans`: a variable the user assigned wins, so scripts that name one
    /// `ans` keep working.
    func lookup(_ name: String, in transaction: Transaction?) -> Value? {
        transaction?.lookup(name) ?? globals[name] ?? (name == Self.lastValueName ? lastValue : nil)
    }

    /// The variables as `vars`, `help` and completion list them: the assigned ones and `ans`.
    var visibleVariables: [String: Value] {
        var visible = globals
        if visible[Self.lastValueName] == nil, let lastValue { visible[Self.lastValueName] = lastValue }
        return visible
    }

    func evaluate(_ expression: Expression, in transaction: Transaction) throws(ScriptError) -> Value {
        switch expression.kind {
        case .number(let x): return .number(x)
        case .string(let s): return .string(s)
        case .bool(let b): return .bool(b)
        case .variable(let name):
            if let value = lookup(name, in: transaction) { return value }
            if table[name] != nil {
                let call = Call(name: name, nameSpan: expression.span, arguments: [], span: expression.span)
                return try self.call(call, in: transaction)
            }
            throw unknownName(name, at: expression.span)
        case .list(let elements):
            var values: [Value] = []
            for element in elements {
                let value = try evaluate(element, in: transaction)
                if value.isNothing {
                    throw ScriptError.runtime("a list cannot hold \(described(value, of: element))", at: element.span)
                }
                values.append(value)
            }
            return .list(values)
        case .call(let call):
            return try self.call(call, in: transaction)
        case .member(let base, let name, let nameSpan):
            let value = try evaluate(base, in: transaction)
            if value.isNothing {
                throw ScriptError.runtime("\(described(value, of: base)) has no members", at: nameSpan)
            }
            do {
                let written: String? = if case .variable(let variable) = base.kind { variable } else { nil }
                return try Members.get(name, of: value, written: written)
            } catch {
                throw error.located(at: nameSpan)
            }
        case .index(let base, let indexExpression):
            let value = try evaluate(base, in: transaction)
            if value.isNothing {
                throw ScriptError.runtime("cannot index \(described(value, of: base))", at: base.span)
            }
            if case .range(let first, let end) = indexExpression.kind, first == nil || end == nil {
                // An end left out is the start or the end of what is indexed: `jets[10:]`.
                let (lower, upper) = try positions(first, end, span: indexExpression.span, in: transaction)
                do {
                    return try Indexing.slice(of: value, from: lower, to: upper)
                } catch {
                    throw error.located(at: indexExpression.span)
                }
            }
            let index = try evaluate(indexExpression, in: transaction)
            if index.isNothing {
                throw ScriptError.runtime("an index must be a whole number, a range or a mask, got \(described(index, of: indexExpression))",
                                          at: indexExpression.span)
            }
            do {
                return try Indexing.element(of: value, at: index)
            } catch {
                throw error.located(at: indexExpression.span)
            }
        case .unary(let op, let operand):
            let value = try evaluate(operand, in: transaction)
            if value.isNothing {
                throw ScriptError.runtime("cannot apply '\(op.rawValue)' to \(described(value, of: operand))", at: expression.span)
            }
            do {
                return try Operators.unary(op, value)
            } catch {
                throw error.located(at: expression.span)
            }
        case .binary(let op, let left, let right):
            let a = try evaluate(left, in: transaction)
            let b = try evaluate(right, in: transaction)
            if a.isNothing || b.isNothing {
                throw ScriptError.runtime("cannot apply '\(op.rawValue)' to \(described(a, of: left)) and \(described(b, of: right))", at: expression.span)
            }
            do {
                return try Operators.binary(op, a, b)
            } catch {
                throw error.located(at: expression.span)
            }
        case .range(let first, let end):
            let (lower, upper) = try positions(first, end, span: expression.span, in: transaction)
            guard let lower, let upper else {
                throw ScriptError.syntax("only an index may leave an end of a range out (x[10:] is x from position 10 on)", at: expression.span)
            }
            return .range(lower: lower, upper: upper)
        }
    }

    /// The positions a range `first:end` stands for: whole numbers, the first 0 or more and
    /// not after the end; nil for an end left out (`x[10:]`).
    private func positions(_ first: Expression?, _ end: Expression?, span: SourceSpan,
                           in transaction: Transaction) throws(ScriptError) -> (Int?, Int?) {
        let lower = try first.map { e throws(ScriptError) in try evaluate(e, in: transaction) }
        let upper = try end.map { e throws(ScriptError) in try evaluate(e, in: transaction) }
        func whole(_ value: Value?) -> Double? {
            guard case .number(let x)? = value, x == x.rounded(), abs(x) < 1e15 else { return nil }
            return x
        }
        let a = whole(lower), b = whole(upper)
        guard (first == nil || a != nil), (end == nil || b != nil) else {
            // A number that is not whole is shown as it is: "got 0.5 and 10".
            func shown(_ v: Value?, _ e: Expression?) -> String? {
                guard let v, let e else { return nil }
                if case .number(let x) = v { return NumberFormat.plain(x) }
                return described(v, of: e)
            }
            let side = first == nil ? "after ':'" : end == nil ? "before ':'" : "on both sides of ':'"
            let got = [shown(lower, first), shown(upper, end)].compactMap { $0 }.joined(separator: " and ")
            throw ScriptError.runtime("a range needs \(first == nil || end == nil ? "a whole number" : "whole numbers") \(side), got \(got)", at: span)
        }
        let written = Indexing.written(a.map { Int($0) }, b.map { Int($0) })
        guard (a ?? 0) >= 0, (b ?? 0) >= 0 else {
            // Python reads x[-2:] as the last two; here only a single index counts from the end.
            throw ScriptError.runtime("the range \(written) has a negative end: a range's ends are positions from 0 on "
                                      + "(only a single index counts from the end, as x[-1])", at: span)
        }
        guard (a ?? 0) <= (b ?? .infinity) else {
            throw ScriptError.runtime("the range \(written) ends before it starts", at: span)
        }
        return (a.map { Int($0) }, b.map { Int($0) })
    }

    /// What gave no value, for messages: the command (`quit`), or "this".
    private func noValueName(_ expression: Expression) -> String {
        switch expression.kind {
        case .call(let call): call.name
        case .variable(let name): name
        default: "this"
        }
    }

    /// How a message names the value of `expression`: its type ("a number"), or, for a command
    /// that gives no value (print, quit, a plot saved with save=), "quit (which gives no value)".
    private func described(_ value: Value, of expression: Expression) -> String {
        value.isNothing ? "\(noValueName(expression)) (which gives no value)" : value.typeWithArticle
    }

    private func unknownName(_ name: String, at span: SourceSpan) -> ScriptError {
        var error: ScriptError
        if name == Self.lastValueName {
            error = ScriptError.runtime("'ans' has no value yet: it holds the value of the last statement that showed one (an assignment does not set it)", at: span)
        } else {
            let candidates = Array(visibleVariables.keys) + table.names
            var message = "unknown name '\(name)'"
            let suggestion = Suggestions.didYouMean(name, among: candidates)
            message += suggestion.isEmpty ? "; 'vars' lists the variables, 'help' the commands" : suggestion
            error = ScriptError.runtime(message, at: span)
        }
        error.unknownVariable = name
        return error
    }

    // MARK: Calls

    func call(_ call: Call, in transaction: Transaction) throws(ScriptError) -> Value {
        guard let spec = table[call.name] else {
            throw unknownCommand(call, variables: Set(visibleVariables.keys))
        }
        let binding = try ArgumentBinder.bind(call, to: spec)
        let invocation = try invocation(spec, call, binding, transaction)
        do {
            return try spec.run(invocation)
        } catch {
            // A file that cannot be read or written is shown at its name, as save does.
            let file = spec.parameters.first { parameter in
                switch parameter.type {
                case .path, .inputPath: invocation.isGiven(parameter.name)
                default: false
                }
            }
            var mapped = ErrorMapping.scriptError(error, command: spec.name, at: call.nameSpan)
            if let file, mapped.category == .io, mapped.span == call.nameSpan { mapped.span = invocation.span(file.name) }
            throw mapped
        }
    }

    func unknownCommand(_ call: Call, variables: Set<String>) -> ScriptError {
        if variables.contains(call.name) {
            return ScriptError.syntax("'\(call.name)' is a variable, not a command; to use it as an argument, put the command first", at: call.nameSpan)
        }
        let suggestion = Suggestions.didYouMean(call.name, among: table.names)
        return ScriptError.syntax("unknown command '\(call.name)'\(suggestion.isEmpty ? "; 'help' lists the commands" : suggestion)", at: call.nameSpan)
    }

    private func invocation(_ spec: CommandSpec, _ call: Call, _ binding: ArgumentBinder.Binding,
                            _ transaction: Transaction) throws(ScriptError) -> Invocation {
        var values: [String: Value] = [:]
        var spans: [String: SourceSpan] = [:]
        var variables: [String: String] = [:]
        var statements: [String: Statement] = [:]
        for parameter in spec.parameters {
            if parameter.variadic, binding.arguments[parameter.name] == nil { continue }
            guard let argument = binding.arguments[parameter.name] else {
                if case .defaultValue(let value) = parameter.requirement { values[parameter.name] = value }
                continue
            }
            spans[parameter.name] = argument.valueSpan
            switch argument.value {
            case .statement(let statement):
                guard case .statement = parameter.type else {
                    throw ScriptError.syntax("\(spec.name) does not take a statement here", at: statement.span)
                }
                statements[parameter.name] = statement
            case .expression(let expression):
                if case .name = parameter.type {
                    values[parameter.name] = try nameArgument(expression, spec: spec, parameter: parameter)
                    continue
                }
                if case .variable(let name) = expression.kind { variables[parameter.name] = name }
                let value = try evaluate(expression, in: transaction)
                // A list given by name to a variadic parameter (`hist columns=[a, b]`).
                let type = parameter.variadic ? ParameterType.list(parameter.type) : parameter.type
                values[parameter.name] = try convert(value, of: expression, to: type, spec: spec, parameter: parameter.name)
            }
        }
        var variadic: [Invocation.VariadicArgument] = []
        if let parameter = spec.parameters.first(where: \.variadic) {
            for argument in binding.variadic {
                guard let expression = argument.expression else { continue }
                let value = try evaluate(expression, in: transaction)
                let variable: String? = if case .variable(let name) = expression.kind { name } else { nil }
                variadic.append((try convert(value, of: expression, to: parameter.type, spec: spec, parameter: parameter.name),
                                 argument.valueSpan, variable, expression.sourceText))
            }
            if case .list(let items)? = values[parameter.name] {
                variadic += items.map { ($0, spans[parameter.name] ?? call.nameSpan, nil, nil) }
            }
        }
        var extras: [(name: String, value: Value, span: SourceSpan)] = []
        if let type = spec.extraKeywords {
            for argument in binding.extraKeywords {
                guard let expression = argument.expression, let label = argument.label else { continue }
                let value = try evaluate(expression, in: transaction)
                extras.append((label, try convert(value, of: expression, to: type, spec: spec, parameter: label), argument.valueSpan))
            }
        }
        return Invocation(spec: spec, call: call, interpreter: self, transaction: transaction, values: values,
                          spans: spans, variables: variables, statements: statements, variadic: variadic,
                          extraKeywords: extras)
    }

    /// The argument's value checked against its parameter's type (ParameterType.convert).
    private func convert(_ value: Value, of expression: Expression, to type: ParameterType, spec: CommandSpec,
                         parameter: String) throws(ScriptError) -> Value {
        do throws(ScriptError) {
            guard !value.isNothing else {
                throw ScriptError.runtime("expected \(type.labelWithArticle), got \(described(value, of: expression))", at: nil)
            }
            return try type.convert(value)
        } catch {
            throw ArgumentBinder.argumentError(error.message, command: spec.name, parameter: parameter, at: expression.span)
        }
    }

    /// A name argument (`help fit`, `help j.jet_mass`) is taken as written; a string works too.
    private func nameArgument(_ expression: Expression, spec: CommandSpec, parameter: Parameter) throws(ScriptError) -> Value {
        func dotted(_ expression: Expression) -> String? {
            switch expression.kind {
            case .variable(let name): name
            case .member(let base, let name, _): dotted(base).map { $0 + "." + name }
            default: nil
            }
        }
        switch expression.kind {
        case .call(let call) where call.arguments.isEmpty:
            return .string(call.name)
        case .string(let s):
            return .string(s)
        default:
            if let name = dotted(expression) { return .string(name) }
            // The first example that names something (`help fit`, not the bare `help`).
            let example = spec.examples.first { $0.contains(" ") } ?? "\(spec.name) NAME"
            throw ScriptError.runtime("\(spec.name): argument '\(parameter.name)' must be a name, as in '\(example)'", at: expression.span)
        }
    }

    // MARK: Checks before running

    /// Finds unknown commands, unknown or missing arguments and assignments to command names
    /// in the whole program before any of it runs.
    func check(_ program: [Statement]) throws(ScriptError) {
        var assigned = Set(globals.keys)
        for statement in program {
            if case .assignment(let name, _, _) = statement.kind { assigned.insert(name) }
        }
        do {
            for statement in program { try check(statement, variables: assigned) }
        } catch {
            // Whatever the check finds (a file name written out with the wrong extension too)
            // it finds before anything runs: the input is not a valid program, status 65, in
            // -c, standard input, run and replay alike.
            var invalid = error
            invalid.category = .syntax
            throw invalid
        }
    }

    private func check(_ statement: Statement, variables: Set<String>) throws(ScriptError) {
        switch statement.kind {
        case .assignment(let name, let nameSpan, let value):
            if table[name] != nil {
                throw ScriptError.syntax("'\(name)' is a command and cannot be a variable name; pick another name", at: nameSpan)
            }
            try check(value, variables: variables)
            if let command = commandGivingNoValue(value, variables: variables) {
                throw ScriptError.syntax("\(command) gives no value, so there is nothing to assign to '\(name)'", at: value.span)
            }
        case .expression(let expression):
            try check(expression, variables: variables)
        }
    }

    /// Checks `expression`, which must give a value: a command that gives none there (`print`
    /// in `1 + print 2`) would run and then fail its statement, so it is refused now, worded
    /// by `message` from "print (which gives no value)".
    private func check(_ expression: Expression, givingValue message: (String) -> String,
                       variables: Set<String>) throws(ScriptError) {
        try check(expression, variables: variables)
        if let command = commandGivingNoValue(expression, variables: variables) {
            throw ScriptError.syntax(message("\(command) (which gives no value)"), at: expression.span)
        }
    }

    private func check(_ expression: Expression, variables: Set<String>) throws(ScriptError) {
        switch expression.kind {
        case .number, .string, .bool, .variable:
            return
        case .list(let elements):
            for element in elements {
                try check(element, givingValue: { "a list cannot hold \($0)" }, variables: variables)
            }
        case .member(let base, _, _):
            try check(base, givingValue: { "\($0) has no members" }, variables: variables)
        case .index(let base, let index):
            try check(base, givingValue: { "cannot index \($0)" }, variables: variables)
            try check(index, givingValue: { "an index must be a whole number, a range or a mask, got \($0)" }, variables: variables)
        case .unary(let op, let operand):
            try check(operand, givingValue: { "cannot apply '\(op.rawValue)' to \($0)" }, variables: variables)
        case .binary(let op, let left, let right):
            for operand in [left, right] {
                try check(operand, givingValue: { "cannot apply '\(op.rawValue)' to \($0)" }, variables: variables)
            }
        case .range(let first, let end):
            for side in [first, end].compactMap({ $0 }) {
                try check(side, givingValue: { "a range needs whole numbers on both sides of ':', got \($0)" }, variables: variables)
            }
        case .call(let call):
            guard let spec = table[call.name] else { throw unknownCommand(call, variables: variables) }
            let binding = try ArgumentBinder.bind(call, to: spec)
            for argument in call.arguments {
                switch argument.value {
                case .statement(let s):
                    try check(s, variables: variables)
                case .expression(let e):
                    guard let (name, type) = parameter(of: argument, in: binding, spec: spec) else {
                        try check(e, variables: variables)
                        continue
                    }
                    // A name argument is taken as written, not run: `help(fit)` asks about fit.
                    if case .name = type { continue }
                    try check(e, givingValue: { "\(spec.name): argument '\(name)': expected \(type.labelWithArticle), got \($0)" },
                              variables: variables)
                }
            }
        }
    }

    /// The parameter an argument was bound to, with the type its value must have.
    private func parameter(of argument: Argument, in binding: ArgumentBinder.Binding,
                           spec: CommandSpec) -> (name: String, type: ParameterType)? {
        if binding.variadic.contains(where: { $0.span == argument.span }),
           let parameter = spec.parameters.first(where: \.variadic) {
            return (parameter.name, parameter.type)
        }
        if let parameter = spec.parameters.first(where: { binding.arguments[$0.name]?.span == argument.span }) {
            // A list given by name to a variadic parameter (`hist columns=[a, b]`).
            return (parameter.name, parameter.variadic ? .list(parameter.type) : parameter.type)
        }
        if let type = spec.extraKeywords, let label = argument.label { return (label, type) }
        return nil
    }

    /// Whether running `statement` sets `name`, as far as its text tells: an assignment to
    /// it (also one that `time` runs), or, for `ans`, a statement that shows a value (`print`,
    /// or a plot saved with save=, shows none).
    func sets(_ name: String, _ statement: Statement, variables: Set<String>) -> Bool {
        if let assigned = Self.assignedName(statement) { return assigned == name }
        guard case .expression(let expression) = statement.kind else { return false }
        return name == Self.lastValueName && commandGivingNoValue(expression, variables: variables) == nil
    }

    /// The variable `statement` assigns: `x = …`, or `time x = …`, which runs that assignment.
    static func assignedName(_ statement: Statement) -> String? {
        switch statement.kind {
        case .assignment(let name, _, _):
            return name
        case .expression(let expression):
            guard case .call(let call) = expression.kind, case .statement(let inner)? = call.arguments.first?.value else { return nil }
            return assignedName(inner)
        }
    }

    /// The command that `expression` calls if that call gives no value, known from what is
    /// written: a command that never gives one (print, save, vars), a plot given save=, or
    /// time running such a statement.
    private func commandGivingNoValue(_ expression: Expression, variables: Set<String>) -> String? {
        let call: Call
        switch expression.kind {
        case .call(let written):
            call = written
        case .variable(let name) where !variables.contains(name) && table[name] != nil:
            call = Call(name: name, nameSpan: expression.span, arguments: [], span: expression.span)
        default:
            return nil
        }
        guard let spec = table[call.name] else { return nil }
        switch spec.result {
        case .value:
            return nil
        case .nothing:
            return call.name
        case .figureUnlessSaved:
            return call.arguments.contains { $0.label == "save" } ? call.name : nil
        case .statementValue:
            guard case .statement(let statement)? = call.arguments.first?.value else { return nil }
            switch statement.kind {
            case .assignment: return call.name
            case .expression(let inner): return commandGivingNoValue(inner, variables: variables)
            }
        }
    }

    // MARK: Files

    /// Runs the text of a script file in this session (`run "file.jnb"`); each of its
    /// statements commits on its own, so a failure late in the file keeps what came before.
    func runFile(_ path: String, source: String) throws(ScriptError) {
        runStack.append(path)
        defer { runStack.removeLast() }
        do {
            try run(source, origin: SourceOrigin(file: path, line: 1))
        } catch {
            if error.span?.file == path { failedRun = (path, source) }
            throw error
        }
    }
}

extension Value {
    var isNothing: Bool {
        if case .nothing = self { true } else { false }
    }
}
