/// The syntax tree: statements made of expressions, each node with the span it came from.

public struct Statement: Sendable {
    public indirect enum Kind: Sendable {
        /// `name = value`
        case assignment(name: String, nameSpan: SourceSpan, value: Expression)
        /// A command or an expression on its own; its value, if any, is shown.
        case expression(Expression)
    }

    public var kind: Kind
    public var span: SourceSpan
}

public struct Expression: Sendable {
    public indirect enum Kind: Sendable {
        case number(Double)
        case string(String)
        case bool(Bool)
        case variable(String)
        case list([Expression])
        case call(Call)
        /// `value.name`
        case member(Expression, name: String, nameSpan: SourceSpan)
        /// `value[index]`
        case index(Expression, Expression)
        case unary(UnaryOperator, Expression)
        case binary(BinaryOperator, Expression, Expression)
        /// `first:end`, the positions first ..< end (`rows=0:1000`, `jets[0:100]`).
        case range(Expression, Expression)
    }

    public var kind: Kind
    public var span: SourceSpan
}

/// `name(arguments)` or, without parentheses, `name arguments`.
public struct Call: Sendable {
    public var name: String
    public var nameSpan: SourceSpan
    public var arguments: [Argument]
    public var span: SourceSpan
}

public struct Argument: Sendable {
    public indirect enum Value: Sendable {
        case expression(Expression)
        /// The statement a command such as `time` runs.
        case statement(Statement)
    }

    /// The name of a keyword argument (`epochs` in `epochs=30`); nil for a positional one.
    public var label: String?
    public var labelSpan: SourceSpan?
    public var value: Value
    public var span: SourceSpan

    public var expression: Expression? {
        if case .expression(let e) = value { return e }
        return nil
    }

    /// The span of the value (not the label), where type errors point.
    public var valueSpan: SourceSpan {
        switch value {
        case .expression(let e): e.span
        case .statement(let s): s.span
        }
    }
}

public enum UnaryOperator: String, Sendable {
    case negate = "-"
    case not = "not"
}

public enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and = "and", or = "or"

    public var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: true
        default: false
        }
    }
}
