/// What the parser needs to know about commands: which names are commands (a name that is
/// not a command, followed by arguments, starting a statement is still parsed as a call and
/// reported later with a suggestion; inside brackets it is a value) and which commands take a
/// whole statement as their argument (`time`).
public struct Grammar: Sendable {
    public var commands: Set<String>
    public var statementCommands: Set<String>

    public init(commands: Set<String>, statementCommands: Set<String>) {
        self.commands = commands
        self.statementCommands = statementCommands
    }
}

/// Recursive descent over the tokens; the grammar is written out in docs/LANGUAGE.md.
/// A command may drop the parentheses around its arguments where it starts a statement, an
/// assignment's right side, a parenthesised group, a list element or an argument inside
/// parentheses; there its arguments run to the end of the statement or the closing bracket.
public struct Parser {
    /// How deep brackets, operators and commands may nest, and how tall an expression's tree
    /// may grow. The parser, the checker and the interpreter all recurse over the syntax, so
    /// without a bound a long run of `[` or `-` (or a sum of thousands of terms) would
    /// overflow the stack instead of giving an error. Real scripts stay far below it.
    public static let maxDepth = 100

    private var tokens: [Token]
    private var position = 0
    private let grammar: Grammar
    /// Recursive parsing calls under way, bounded by `maxDepth`.
    private var nesting = 0
    /// The brackets opened and not closed yet, innermost last: an error at the end of the
    /// input names them, since closing them is what is missing.
    private var openBrackets: [Token] = []

    public init(tokens: [Token], grammar: Grammar) {
        self.tokens = tokens
        self.grammar = grammar
    }

    /// The statements of `source`, or the first syntax error.
    public static func parse(_ source: String, origin: SourceOrigin = .interactive, grammar: Grammar) throws(ScriptError) -> [Statement] {
        var parser = Parser(tokens: try Scanner.tokens(source, origin: origin), grammar: grammar)
        return try parser.parseProgram()
    }

    /// The message for a number literal past the largest double (1e400).
    static func numberTooLarge(_ number: String) -> String {
        "\(number) is too large: numbers go up to about 1.8e308"
    }

    // MARK: Token access

    private var current: Token { tokens[position] }
    private func peek(_ offset: Int = 1) -> Token {
        tokens[min(position + offset, tokens.count - 1)]
    }
    private mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }
    private var atStatementEnd: Bool {
        switch current.kind {
        case .newline, .endOfInput, .symbol(.semicolon): true
        default: false
        }
    }
    private var previousSpan: SourceSpan { tokens[max(position - 1, 0)].span }

    // MARK: Depth

    private static func tooDeep(at span: SourceSpan) -> ScriptError {
        .syntax("nested too deeply (more than \(maxDepth) levels of brackets, operators or commands); split it into several statements", at: span)
    }

    /// Enters one more level of recursion; pair with `nesting -= 1` on the way out.
    private mutating func descend() throws(ScriptError) {
        nesting += 1
        guard nesting <= Self.maxDepth else { throw Self.tooDeep(at: current.span) }
    }

    /// A syntax node, refused when its tree grows taller than `maxDepth`.
    private func node(_ kind: Expression.Kind, span: SourceSpan) throws(ScriptError) -> Expression {
        let expression = Expression(kind: kind, span: span)
        guard expression.height <= Self.maxDepth else { throw Self.tooDeep(at: span) }
        return expression
    }

    /// The next token, which must be `symbol`. `bracket` is the bracket it closes, which the
    /// message names already (so an error at the end of the input does not name it twice).
    private mutating func expect(_ symbol: Token.Symbol, _ context: @autoclosure () -> String,
                                 closing bracket: Token? = nil) throws(ScriptError) -> Token {
        guard current.isSymbol(symbol) else {
            throw ScriptError.syntax("expected '\(symbol.rawValue)' \(context()), found \(current.quoted)\(unclosed(besides: bracket))",
                                     at: current.span)
        }
        return advance()
    }

    // MARK: Brackets

    private mutating func open(_ bracket: Token) { openBrackets.append(bracket) }
    private mutating func close() { openBrackets.removeLast() }

    /// At the end of the input, which brackets are still open ("; the '(' at 1:5 is not
    /// closed"), innermost first; elsewhere nothing. `besides` is one the message names itself.
    /// They are in the error's file, so line and column say where.
    private func unclosed(besides named: Token? = nil) -> String {
        guard current.kind == .endOfInput else { return "" }
        let brackets = openBrackets.reversed().filter { $0.span != named?.span }
            .map { "the \($0.quoted) at \(place($0))" }
        guard let last = brackets.last else { return "" }
        let listed = brackets.count == 1 ? last : brackets.dropLast().joined(separator: ", ") + " and " + last
        return "; \(listed) \(brackets.count == 1 ? "is" : "are") not closed"
    }

    /// The input ended inside `open` (described by `what`): the closing symbol is missing, and
    /// so are those of the brackets around it.
    private func endsInside(_ open: Token, _ what: String, closer: Token.Symbol) -> ScriptError {
        .syntax("expected '\(closer.rawValue)' to close \(what), found the end of the input\(unclosed(besides: open))", at: current.span)
    }

    /// Where a bracket was opened, as messages name it ("1:5"); the error's own place names the file.
    private func place(_ token: Token) -> String { "\(token.span.line):\(token.span.column)" }

    // MARK: Statements

    public mutating func parseProgram() throws(ScriptError) -> [Statement] {
        var statements: [Statement] = []
        while true {
            while current.kind == .newline || current.isSymbol(.semicolon) { _ = advance() }
            if current.kind == .endOfInput { break }
            let statement = try parseStatement()
            statements.append(statement)
            guard atStatementEnd else { throw unexpectedAfterStatement(statement) }
        }
        return statements
    }

    private func unexpectedAfterStatement(_ statement: Statement) -> ScriptError {
        if current.isSymbol(.comma) {
            let expression: Expression = switch statement.kind {
            case .assignment(_, _, let value): value
            case .expression(let e): e
            }
            guard case .call(let call) = expression.kind else {
                return .syntax("a comma separates items only inside brackets: write [a, b] for a list", at: current.span)
            }
            return .syntax("commas separate arguments only inside parentheses: write '\(call.name) a b' or '\(call.name)(a, b)'", at: current.span)
        }
        if current.isSymbol(.rightParen) || current.isSymbol(.rightBracket) {
            return .syntax("\(current.quoted) has no matching opening bracket", at: current.span)
        }
        if current.isSymbol(.assign) {
            return .syntax("only a name can be assigned to (write 'name = value'); to compare, use ==", at: current.span)
        }
        return .syntax("unexpected \(describe(current)) after the end of the statement; put one statement per line or separate them with ;", at: current.span)
    }

    private func describe(_ token: Token) -> String {
        switch token.kind {
        case .number(let value): "number \(NumberFormat.plain(value))"
        case .string(let value): "string \"\(value)\""
        case .identifier(let name): "name '\(name)'"
        default: token.quoted
        }
    }

    mutating func parseStatement() throws(ScriptError) -> Statement {
        let start = current.span
        if let name = current.identifier, peek().isSymbol(.assign) {
            _ = advance()
            _ = advance()
            guard !atStatementEnd else {
                throw ScriptError.syntax("expected a value after '\(name) ='\(unclosed())", at: current.span)
            }
            let value = try parseCommandOrExpression()
            return Statement(kind: .assignment(name: name, nameSpan: start, value: value), span: start.through(previousSpan))
        }
        let expression = try parseCommandOrExpression()
        return Statement(kind: .expression(expression), span: expression.span)
    }

    // MARK: Calls

    /// Where a command may drop its parentheses: a call if the name is followed by an
    /// argument (or, for a command, by nothing), otherwise an expression.
    private mutating func parseCommandOrExpression() throws(ScriptError) -> Expression {
        try refuseSignedArgument()
        if startsCommandWithoutParentheses() {
            defer { nesting -= 1 }
            try descend()
            return try parseCommandWithoutParentheses()
        }
        return try parseExpression()
    }

    /// `quit -1` reads as `quit - 1`: between values, `-` is an operator (see "Calls with and
    /// without parentheses" in docs/LANGUAGE.md), and a command name is a value. Nobody means
    /// that, so it is refused with the spelling that passes the number.
    private func refuseSignedArgument() throws(ScriptError) {
        guard let name = current.identifier, grammar.commands.contains(name) else { return }
        let sign = peek(), operand = peek(2)
        guard sign.isSymbol(.minus) || sign.isSymbol(.plus), sign.spaceBefore, !operand.spaceBefore else { return }
        switch operand.kind {
        case .number, .identifier: break
        default: return
        }
        // The whole operand as written, `sig.jet_mass` or `l[0, 1]`, not its first word: the
        // advice wraps what is meant as the argument.
        var written = "", depth = 0, last = operand
        for token in tokens[min(position + 2, tokens.count - 1)...] {
            if token.kind == .newline || token.kind == .endOfInput { break }
            if token.spaceBefore && depth == 0 && !written.isEmpty { break }
            if token.isSymbol(.leftBracket) || token.isSymbol(.leftParen) { depth += 1 }
            if token.isSymbol(.rightBracket) || token.isSymbol(.rightParen) { depth -= 1 }
            if depth < 0 { break }
            written += (token.spaceBefore && !written.isEmpty ? " " : "") + token.written
            last = token
        }
        let minus = sign.isSymbol(.minus)
        let symbol = minus ? "-" : "+"
        throw ScriptError.syntax("'\(name) \(symbol)\(written)' reads as the \(minus ? "subtraction" : "addition") '\(name) \(symbol) \(written)': after a command name, as after any value, '\(symbol)' is an operator; to pass \(symbol)\(written) as an argument, write '\(name) (\(symbol)\(written))'",
                                 at: sign.span.through(last.span))
    }

    private func startsCommandWithoutParentheses() -> Bool {
        guard let name = current.identifier else { return false }
        let next = peek()
        if grammar.commands.contains(name), endsArguments(next) { return true }
        return startsArgument(next)
    }

    /// Can `token` start an argument of a command written without parentheses? An adjacent
    /// `(` or `[` makes a call or an index instead (`mass(x)`, `jets[3]`).
    private func startsArgument(_ token: Token) -> Bool {
        switch token.kind {
        case .identifier, .number, .string, .keyword(.true), .keyword(.false), .keyword(.not): true
        case .symbol(.leftParen), .symbol(.leftBracket): token.spaceBefore
        default: false
        }
    }

    private func endsArguments(_ token: Token) -> Bool {
        switch token.kind {
        case .newline, .endOfInput, .symbol(.semicolon), .symbol(.rightParen), .symbol(.rightBracket), .symbol(.comma): true
        default: false
        }
    }

    private mutating func parseCommandWithoutParentheses() throws(ScriptError) -> Expression {
        let nameToken = advance()
        let name = nameToken.identifier ?? ""
        var arguments: [Argument] = []
        if grammar.statementCommands.contains(name) {
            if !endsArguments(current) {
                let statement = try parseStatement()
                arguments.append(Argument(label: nil, labelSpan: nil, value: .statement(statement), span: statement.span))
            }
        } else {
            while !endsArguments(current) {
                arguments.append(try parseArgument())
            }
        }
        let span = nameToken.span.through(previousSpan)
        return try node(.call(Call(name: name, nameSpan: nameToken.span, arguments: arguments, span: span)), span: span)
    }

    private mutating func parseArgument() throws(ScriptError) -> Argument {
        if let label = current.identifier, peek().isSymbol(.assign) {
            let labelToken = advance()
            _ = advance()
            guard !endsArguments(current) else {
                throw ScriptError.syntax("expected a value after '\(label)='\(unclosed())", at: current.span)
            }
            let value = try parseExpression()
            return Argument(label: label, labelSpan: labelToken.span, value: .expression(value),
                            span: labelToken.span.through(value.span))
        }
        let value = try parseExpression()
        return Argument(label: nil, labelSpan: nil, value: .expression(value), span: value.span)
    }

    /// `name(arguments)`: comma-separated, each may itself be a command without parentheses.
    private mutating func parseParenthesisedArguments(name: Token) throws(ScriptError) -> Expression {
        let open = advance()
        self.open(open)
        defer { close() }
        var arguments: [Argument] = []
        while !current.isSymbol(.rightParen) {
            if current.kind == .endOfInput {
                throw endsInside(open, "the call to \(name.quoted) opened at \(place(open))", closer: .rightParen)
            }
            let value: Expression
            if let label = current.identifier, peek().isSymbol(.assign) {
                let labelToken = advance()
                _ = advance()
                value = try parseItem()
                arguments.append(Argument(label: label, labelSpan: labelToken.span, value: .expression(value),
                                          span: labelToken.span.through(value.span)))
            } else {
                value = try parseItem()
                arguments.append(Argument(label: nil, labelSpan: nil, value: .expression(value), span: value.span))
            }
            if current.isSymbol(.comma) {
                _ = advance()
            } else if current.kind == .endOfInput {
                throw endsInside(open, "the call to \(name.quoted) opened at \(place(open))", closer: .rightParen)
            } else if !current.isSymbol(.rightParen) {
                throw ScriptError.syntax("expected ',' or ')' in the call to \(name.quoted) opened at \(place(open)), found \(describe(current))\(notACommand(value))",
                                         at: current.span)
            }
        }
        let close = advance()
        let span = name.span.through(close.span)
        let call = Call(name: name.identifier ?? "", nameSpan: name.span, arguments: arguments, span: span)
        return try node(.call(call), span: span)
    }

    /// An argument inside a call's parentheses or an element of a list. A command may drop
    /// its own parentheses there (`print(mass bg)`), but any other name is a value: in
    /// `fit(ae parts.train)` the comma after `ae` is missing, and the error says so there
    /// instead of calling a command `ae`.
    private mutating func parseItem() throws(ScriptError) -> Expression {
        if let name = current.identifier, !grammar.commands.contains(name) { return try parseExpression() }
        return try parseCommandOrExpression()
    }

    /// For an item that ends too early: when it is a name close to a command's
    /// (`print(fti ae)`), that it is not one, with the suggestion.
    private func notACommand(_ item: Expression) -> String {
        guard case .variable(let name) = item.kind, startsArgument(current) else { return "" }
        let suggestion = Suggestions.didYouMean(name, among: grammar.commands.sorted())
        return suggestion.isEmpty ? "" : "; '\(name)' is not a command\(suggestion)"
    }

    // MARK: Expressions, lowest precedence first

    mutating func parseExpression() throws(ScriptError) -> Expression {
        defer { nesting -= 1 }
        try descend()
        return try parseOr()
    }

    private mutating func parseOr() throws(ScriptError) -> Expression {
        var left = try parseAnd()
        while current.kind == .keyword(.or) {
            _ = advance()
            let right = try parseAnd()
            left = try node(.binary(.or, left, right), span: left.span.through(right.span))
        }
        return left
    }

    private mutating func parseAnd() throws(ScriptError) -> Expression {
        var left = try parseNot()
        while current.kind == .keyword(.and) {
            _ = advance()
            let right = try parseNot()
            left = try node(.binary(.and, left, right), span: left.span.through(right.span))
        }
        return left
    }

    private mutating func parseNot() throws(ScriptError) -> Expression {
        if current.kind == .keyword(.not) {
            defer { nesting -= 1 }
            try descend()
            let op = advance()
            let operand = try parseNot()
            return try node(.unary(.not, operand), span: op.span.through(operand.span))
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(ScriptError) -> Expression {
        let left = try parseRange()
        guard case .symbol(let symbol) = current.kind, let op = BinaryOperator(rawValue: symbol.rawValue), op.isComparison else {
            return left
        }
        _ = advance()
        let right = try parseRange()
        if case .symbol(let next) = current.kind, let chained = BinaryOperator(rawValue: next.rawValue), chained.isComparison {
            throw ScriptError.syntax("comparisons cannot be chained; write 'a < b and b < c'", at: current.span)
        }
        return try node(.binary(op, left, right), span: left.span.through(right.span))
    }

    private mutating func parseRange() throws(ScriptError) -> Expression {
        let first = try parseAdditive()
        // `first:]` is an index open at its end, which `parseIndex` reads.
        guard current.isSymbol(.colon), !peek().isSymbol(.rightBracket) else { return first }
        _ = advance()
        try refuseStep()
        // `rows=1000:` as in `x[1000:]`: say why the end is needed here.
        switch current.kind {
        case .newline, .endOfInput, .symbol(.semicolon), .symbol(.rightParen), .symbol(.comma):
            throw ScriptError.syntax("expected the end of the range after ':', found \(current.quoted)\(unclosed()); "
                                     + "only an index may leave it out (x[10:] is x from position 10 on)", at: current.span)
        default: break
        }
        let end = try parseAdditive()
        try refuseStep()
        return try node(.range(first, end), span: first.span.through(end.span))
    }

    private mutating func parseAdditive() throws(ScriptError) -> Expression {
        var left = try parseMultiplicative()
        while current.isSymbol(.plus) || current.isSymbol(.minus) {
            let op: BinaryOperator = advance().isSymbol(.plus) ? .add : .subtract
            let right = try parseMultiplicative()
            left = try node(.binary(op, left, right), span: left.span.through(right.span))
        }
        return left
    }

    private mutating func parseMultiplicative() throws(ScriptError) -> Expression {
        var left = try parseUnary()
        while current.isSymbol(.star) || current.isSymbol(.slash) {
            let op: BinaryOperator = advance().isSymbol(.star) ? .multiply : .divide
            let right = try parseUnary()
            left = try node(.binary(op, left, right), span: left.span.through(right.span))
        }
        return left
    }

    private mutating func parseUnary() throws(ScriptError) -> Expression {
        guard current.isSymbol(.minus) || current.isSymbol(.plus) else { return try parsePower() }
        defer { nesting -= 1 }
        try descend()
        let op = advance()
        let operand = try parseUnary()
        guard op.isSymbol(.minus) else { return operand }
        return try node(.unary(.negate, operand), span: op.span.through(operand.span))
    }

    private mutating func parsePower() throws(ScriptError) -> Expression {
        let base = try parsePostfix()
        guard current.isSymbol(.caret) else { return base }
        defer { nesting -= 1 }
        try descend()
        _ = advance()
        let exponent = try parseUnary()
        return try node(.binary(.power, base, exponent), span: base.span.through(exponent.span))
    }

    private mutating func parsePostfix() throws(ScriptError) -> Expression {
        var expression = try parsePrimary()
        while true {
            if current.isSymbol(.dot) {
                _ = advance()
                guard let name = current.identifier else {
                    throw ScriptError.syntax("expected a member name after '.', found \(current.quoted)\(unclosed())", at: current.span)
                }
                let nameToken = advance()
                if current.isSymbol(.leftParen), !current.spaceBefore {
                    throw ScriptError.syntax("'\(name)' is a value, not a function: write '.\(name)' without parentheses", at: current.span)
                }
                expression = try node(.member(expression, name: name, nameSpan: nameToken.span),
                                        span: expression.span.through(nameToken.span))
            } else if current.isSymbol(.leftBracket), !current.spaceBefore {
                let open = advance()
                guard !current.isSymbol(.rightBracket) else {
                    throw ScriptError.syntax("expected an index between [ and ]", at: current.span)
                }
                self.open(open)
                defer { close() }
                let index = try parseIndex()
                let opened = place(open)
                let closing = try expect(.rightBracket, "to close the index opened at \(opened)", closing: open)
                expression = try node(.index(expression, index), span: expression.span.through(closing.span))
            } else if current.isSymbol(.leftParen), !current.spaceBefore {
                throw ScriptError.syntax("only a command can be called with ( ); this value is not a command", at: current.span)
            } else {
                return expression
            }
        }
    }

    /// What stands between `[` and `]`: an expression, or a range with an end left out
    /// (`x[10:]`, `x[:10]`, `x[:]`), which the interpreter reads as the start or the end.
    private mutating func parseIndex() throws(ScriptError) -> Expression {
        guard current.isSymbol(.colon) else {
            let first = try parseExpression()
            if case .range = first.kind {
                try refuseStep()
                return first
            }
            guard current.isSymbol(.colon), peek().isSymbol(.rightBracket) else { return first }
            let colon = advance()
            return try node(.range(first, nil), span: first.span.through(colon.span))
        }
        let colon = advance()
        try refuseStep()
        guard !current.isSymbol(.rightBracket) else { return try node(.range(nil, nil), span: colon.span) }
        let end = try parseAdditive()
        try refuseStep()
        return try node(.range(nil, end), span: colon.span.through(end.span))
    }

    /// A second ':' in a range, as Python's step (`x[::2]`, `x[0:10:2]`): said plainly.
    private func refuseStep() throws(ScriptError) {
        guard current.isSymbol(.colon) else { return }
        throw ScriptError.syntax("a range has no step: x[a:b] takes every position from a to b − 1", at: current.span)
    }

    private mutating func parsePrimary() throws(ScriptError) -> Expression {
        let token = current
        switch token.kind {
        case .number(let value):
            // 1e400 reads as infinity: refused rather than taken for it.
            guard value.isFinite else { throw ScriptError.syntax(Self.numberTooLarge("this number"), at: token.span) }
            _ = advance()
            return Expression(kind: .number(value), span: token.span)
        case .string(let value):
            _ = advance()
            return Expression(kind: .string(value), span: token.span)
        case .keyword(.true), .keyword(.false):
            _ = advance()
            return Expression(kind: .bool(token.kind == .keyword(.true)), span: token.span)
        case .identifier(let name):
            if peek().isSymbol(.leftParen), !peek().spaceBefore {
                _ = advance()
                return try parseParenthesisedArguments(name: token)
            }
            _ = advance()
            return Expression(kind: .variable(name), span: token.span)
        case .symbol(.leftParen):
            _ = advance()
            guard !current.isSymbol(.rightParen) else {
                throw ScriptError.syntax("empty parentheses: expected an expression between ( and )", at: token.span)
            }
            open(token)
            defer { close() }
            var inner = try parseCommandOrExpression()
            let opened = place(token)
            let closing = try expect(.rightParen, "to close the '(' at \(opened)", closing: token)
            inner.span = token.span.through(closing.span)
            return inner
        case .symbol(.leftBracket):
            return try parseList()
        case .newline, .endOfInput, .symbol(.semicolon):
            // What the value should have followed: "expected a value after '+'".
            let after = position > 0 ? " after \(describe(tokens[position - 1]))" : ""
            throw ScriptError.syntax("expected a value\(after), found \(token.quoted)\(unclosed())", at: token.span)
        case .symbol(.colon) where position == 0 || !tokens[position - 1].isSymbol(.colon):
            // `rows=:1000` as in `x[:1000]`.
            throw ScriptError.syntax("expected a value, found ':'; only an index may leave out the start of a range "
                                     + "(x[:10] is x up to position 10)", at: token.span)
        default:
            throw ScriptError.syntax("expected a value, found \(token.quoted)", at: token.span)
        }
    }

    private mutating func parseList() throws(ScriptError) -> Expression {
        let open = advance()
        self.open(open)
        defer { close() }
        var elements: [Expression] = []
        while !current.isSymbol(.rightBracket) {
            if current.kind == .endOfInput {
                throw endsInside(open, "the list opened at \(place(open))", closer: .rightBracket)
            }
            let element = try parseItem()
            elements.append(element)
            if current.isSymbol(.comma) {
                _ = advance()
            } else if current.kind == .endOfInput {
                throw endsInside(open, "the list opened at \(place(open))", closer: .rightBracket)
            } else if !current.isSymbol(.rightBracket) {
                throw ScriptError.syntax("expected ',' or ']' in the list opened at \(place(open)), found \(describe(current))\(notACommand(element))",
                                         at: current.span)
            }
        }
        let close = advance()
        return try node(.list(elements), span: open.span.through(close.span))
    }
}
