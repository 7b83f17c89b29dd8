/// One token of jnb source, with its place in the text.
public struct Token: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case identifier(String)
        case number(Double)
        case string(String)
        case keyword(Keyword)
        case symbol(Symbol)
        /// End of a statement: a line end outside brackets.
        case newline
        case endOfInput
    }

    public enum Keyword: String, Sendable, CaseIterable {
        case `true`, `false`, and, or, not
    }

    public enum Symbol: String, Sendable, CaseIterable {
        case leftParen = "(", rightParen = ")", leftBracket = "[", rightBracket = "]"
        case comma = ",", dot = ".", semicolon = ";", assign = "=", colon = ":"
        case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
        case plus = "+", minus = "-", star = "*", slash = "/", caret = "^"
    }

    public var kind: Kind
    public var span: SourceSpan
    /// True when white space (or a line end inside brackets) separates this token from the
    /// previous one. `mass(x)` is a call, `mass (x)` a command with a parenthesised argument.
    public var spaceBefore: Bool

    public init(_ kind: Kind, span: SourceSpan, spaceBefore: Bool) {
        self.kind = kind
        self.span = span
        self.spaceBefore = spaceBefore
    }

    public func isSymbol(_ symbol: Symbol) -> Bool { kind == .symbol(symbol) }

    public var identifier: String? {
        if case .identifier(let name) = kind { return name }
        return nil
    }

    /// The token as it would be written in a statement.
    public var written: String {
        switch kind {
        case .identifier(let name): name
        case .number(let x): NumberFormat.plain(x)
        case .string(let text): "\"\(text)\""
        case .keyword(let keyword): keyword.rawValue
        case .symbol(let symbol): symbol.rawValue
        case .newline, .endOfInput: ""
        }
    }

    /// How the token reads in an error message.
    public var quoted: String {
        switch kind {
        case .identifier(let name): "'\(name)'"
        case .number: "a number"
        case .string: "a string"
        case .keyword(let keyword): "'\(keyword.rawValue)'"
        case .symbol(let symbol): "'\(symbol.rawValue)'"
        case .newline: "the end of the line"
        case .endOfInput: "the end of the input"
        }
    }
}
