extension Session {
    /// Warnings for `--set` values that a script throws away: for each of `names`, the first
    /// top-level statement of `parts` (run in that order) that assigns it before any statement
    /// reads it, once per name (`sc.jnb:3:1: --set format=jpg is replaced by this assignment; …`).
    /// A statement that reads the name (`n = n * 2`) uses the value, so it is not warned about.
    /// Parts that do not parse are passed over: the check before running reports them.
    public func replacedDefinitionWarnings(of names: Set<String>, in parts: [(source: String, origin: SourceOrigin)]) -> [String] {
        var pending = names
        var warnings: [String] = []
        for part in parts {
            guard let statements = try? Parser.parse(part.source, origin: part.origin, grammar: table.grammar) else { continue }
            for statement in statements where !pending.isEmpty {
                pending.subtract(Self.readNames(statement))
                guard let name = Interpreter.assignedName(statement), pending.remove(name) != nil else { continue }
                let given = literalTexts[name] ?? value(name)?.summary ?? ""
                warnings.append("\(statement.span): --set \(name)=\(given) is replaced by this assignment; "
                                + "only a notebook's [parameters] cell takes --set values in place of its own")
            }
        }
        return warnings
    }

    /// The variables `statement` reads anywhere in it.
    private static func readNames(_ statement: Statement) -> Set<String> {
        switch statement.kind {
        case .assignment(_, _, let value): readNames(value)
        case .expression(let expression): readNames(expression)
        }
    }

    private static func readNames(_ expression: Expression) -> Set<String> {
        switch expression.kind {
        case .number, .string, .bool: []
        case .variable(let name): [name]
        case .list(let elements): elements.reduce(into: []) { $0.formUnion(readNames($1)) }
        case .call(let call):
            call.arguments.reduce(into: []) { names, argument in
                switch argument.value {
                case .expression(let value): names.formUnion(readNames(value))
                case .statement(let inner): names.formUnion(readNames(inner))
                }
            }
        case .member(let base, _, _), .unary(_, let base): readNames(base)
        case .index(let base, let index): readNames(base).union(readNames(index))
        case .binary(_, let left, let right): readNames(left).union(readNames(right))
        case .range(let first, let end): (first.map(readNames) ?? []).union(end.map(readNames) ?? [])
        }
    }
}
