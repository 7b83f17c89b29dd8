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

    /// Levels of expression nodes below the statement (see `Expression.height`).
    public var height: Int {
        switch kind {
        case .assignment(_, _, let value): value.height
        case .expression(let expression): expression.height
        }
    }
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
        /// `first:end`, the positions first ..< end (`rows=0:1000`, `jets[0:100]`). Inside an
        /// index either end may be left out (`jets[10:]`, `jets[:10]`, `jets[:]`): the start
        /// or the end of what is indexed; elsewhere both are there.
        case range(Expression?, Expression?)
    }

    public let kind: Kind
    public var span: SourceSpan
    /// Nodes on the longest path from this one down to a leaf (1 for a number or a name).
    /// The parser bounds it: checking and running walk the tree recursively.
    public let height: Int

    public init(kind: Kind, span: SourceSpan) {
        self.kind = kind
        self.span = span
        let below: Int = switch kind {
        case .number, .string, .bool, .variable: 0
        case .list(let elements): elements.map(\.height).max() ?? 0
        case .call(let call): call.arguments.map(\.height).max() ?? 0
        case .member(let base, _, _): base.height
        case .index(let base, let index): max(base.height, index.height)
        case .unary(_, let operand): operand.height
        case .binary(_, let left, let right): max(left.height, right.height)
        case .range(let first, let end): max(first?.height ?? 0, end?.height ?? 0)
        }
        height = 1 + below
    }
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

    public var height: Int {
        switch value {
        case .expression(let e): e.height
        case .statement(let s): s.height
        }
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

public enum BinaryOperator: String, Sendable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", power = "^"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and = "and", or = "or"

    /// How tightly the operator binds, loosest first, as the parser's layers read it (or,
    /// and, comparisons, + −, × /, ^); names of derived columns follow it.
    public var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: 3
        case .add, .subtract: 4
        case .multiply, .divide: 5
        case .power: 6
        }
    }

    public var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: true
        default: false
        }
    }
}
