/// An expression written back as source text, in one canonical spelling: calls with
/// parentheses, numbers as `print` shows them, parentheses only where precedence needs them.
/// Legends use it to tell apart columns that share a name (`mass(sig)` and `mass(bkg)`).
extension Expression {
    public var sourceText: String {
        switch kind {
        case .number(let x): return NumberFormat.plain(x)
        case .string(let s):
            return "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        case .bool(let b): return b ? "true" : "false"
        case .variable(let name): return name
        case .list(let elements): return "[" + elements.map(\.sourceText).joined(separator: ", ") + "]"
        case .call(let call):
            let arguments = call.arguments.map { argument in
                let value = argument.expression?.sourceText ?? "…"
                return argument.label.map { "\($0)=\(value)" } ?? value
            }
            return call.name + "(" + arguments.joined(separator: ", ") + ")"
        case .member(let base, let name, _): return base.operandText + "." + name
        case .index(let base, let index): return base.operandText + "[" + index.sourceText + "]"
        case .unary(let op, let operand):
            return (op == .not ? "not " : op.rawValue) + operand.operandText
        case .binary(let op, let left, let right):
            // Equal precedence on the right keeps its parentheses: a - (b - c), a / (b * c).
            func side(_ e: Expression, rightHand: Bool) -> String {
                guard case .binary(let inner, _, _) = e.kind else { return e.sourceText }
                let needs = inner.precedence < op.precedence || (rightHand && inner.precedence == op.precedence)
                return needs ? "(" + e.sourceText + ")" : e.sourceText
            }
            return side(left, rightHand: false) + " " + op.rawValue + " " + side(right, rightHand: true)
        case .range(let first, let end): return (first?.operandText ?? "") + ":" + (end?.operandText ?? "")
        }
    }

    /// The text of an operand of a unary operator, a member, an index or a range:
    /// parenthesised when it is itself an operation.
    private var operandText: String {
        switch kind {
        case .binary, .unary, .range: "(" + sourceText + ")"
        default: sourceText
        }
    }
}
