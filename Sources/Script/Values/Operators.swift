import Analysis
import Foundation

/// Arithmetic, comparison and logic on values: numbers with numbers, columns element by
/// element (with a number broadcast to every element), strings joined with `+`. Errors carry
/// no location; the interpreter adds the operator's.
enum Operators {
    static func unary(_ op: UnaryOperator, _ operand: Value) throws(ScriptError) -> Value {
        switch (op, operand) {
        case (.negate, .number(let x)): return .number(-x)
        case (.negate, .column(let c)): return .column(Column(name: "-\(parenthesised(c.name, for: nil))", values: c.values.map { -$0 }, unit: c.unit))
        case (.not, .bool(let b)): return .bool(!b)
        case (.not, .column(let c)) where c.isMask:
            return .column(Column(name: "not \(parenthesised(c.name, for: nil))", values: c.values.map { $0 == 0 ? 1 : 0 }, isMask: true))
        case (.negate, _):
            throw ScriptError.runtime("cannot negate \(operand.typeWithArticle); '-' works on numbers and columns", at: nil)
        case (.not, _):
            throw ScriptError.runtime("'not' needs a bool or a mask (a comparison of a column), got \(operand.typeWithArticle)", at: nil)
        }
    }

    static func binary(_ op: BinaryOperator, _ left: Value, _ right: Value) throws(ScriptError) -> Value {
        switch op {
        case .and, .or: return try logic(op, left, right)
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: return try compare(op, left, right)
        case .add, .subtract, .multiply, .divide, .power: return try arithmetic(op, left, right)
        }
    }

    private static func numeric(_ op: BinaryOperator, _ a: Double, _ b: Double) -> Double {
        switch op {
        case .add: a + b
        case .subtract: a - b
        case .multiply: a * b
        case .divide: a / b
        case .power: pow(a, b)
        default: .nan
        }
    }

    private static func arithmetic(_ op: BinaryOperator, _ left: Value, _ right: Value) throws(ScriptError) -> Value {
        switch (left, right) {
        case (.number(let a), .number(let b)):
            return .number(numeric(op, a, b))
        case (.column(let a), .number(let b)):
            return .column(Column(name: "\(parenthesised(a.name, for: op)) \(op.rawValue) \(NumberFormat.plain(b))", values: a.values.map { numeric(op, $0, b) },
                                  unit: op == .power ? nil : a.unit))
        case (.number(let a), .column(let b)):
            return .column(Column(name: "\(NumberFormat.plain(a)) \(op.rawValue) \(parenthesised(b.name, for: op, onRight: true))", values: b.values.map { numeric(op, a, $0) },
                                  unit: op == .power || op == .divide ? nil : b.unit))
        case (.column(let a), .column(let b)):
            try sameLength(a, b, op)
            // A sum or difference of one unit keeps it; the unit of anything else is not worked out.
            return .column(Column(name: "\(parenthesised(a.name, for: op)) \(op.rawValue) \(parenthesised(b.name, for: op, onRight: true))",
                                  values: zip(a.values, b.values).map { numeric(op, $0, $1) },
                                  unit: (op == .add || op == .subtract) && a.unit == b.unit ? a.unit : nil))
        case (.string(let a), _) where op == .add:
            return .string(a + (try text(right, op)))
        case (_, .string(let b)) where op == .add:
            return .string((try text(left, op)) + b)
        default:
            throw ScriptError.runtime("cannot apply '\(op.rawValue)' to \(left.typeWithArticle) and \(right.typeWithArticle)", at: nil)
        }
    }

    /// A number or bool joined to a string: `"model_" + n + ".h5"`.
    private static func text(_ value: Value, _ op: BinaryOperator) throws(ScriptError) -> String {
        switch value {
        case .string(let s): return s
        case .number(let x): return NumberFormat.plain(x)
        case .bool(let b): return b ? "true" : "false"
        default:
            throw ScriptError.runtime("cannot join a string and \(value.typeWithArticle) with '+'", at: nil)
        }
    }

    private static func holds(_ op: BinaryOperator, _ a: Double, _ b: Double) -> Bool {
        switch op {
        case .equal: a == b
        case .notEqual: a != b
        case .less: a < b
        case .lessEqual: a <= b
        case .greater: a > b
        case .greaterEqual: a >= b
        default: false
        }
    }

    private static func compare(_ op: BinaryOperator, _ left: Value, _ right: Value) throws(ScriptError) -> Value {
        switch (left, right) {
        case (.number(let a), .number(let b)):
            return .bool(holds(op, a, b))
        case (.column(let a), .number(let b)):
            return .column(Column(name: "\(parenthesised(a.name, for: op)) \(op.rawValue) \(NumberFormat.plain(b))",
                                  values: a.values.map { holds(op, $0, b) ? 1 : 0 }, isMask: true))
        case (.number(let a), .column(let b)):
            return .column(Column(name: "\(NumberFormat.plain(a)) \(op.rawValue) \(parenthesised(b.name, for: op, onRight: true))",
                                  values: b.values.map { holds(op, a, $0) ? 1 : 0 }, isMask: true))
        case (.column(let a), .column(let b)):
            try sameLength(a, b, op)
            return .column(Column(name: "\(parenthesised(a.name, for: op)) \(op.rawValue) \(parenthesised(b.name, for: op, onRight: true))",
                                  values: zip(a.values, b.values).map { holds(op, $0, $1) ? 1 : 0 }, isMask: true))
        case (.string(let a), .string(let b)) where op == .equal || op == .notEqual:
            return .bool((a == b) == (op == .equal))
        case (.bool(let a), .bool(let b)) where op == .equal || op == .notEqual:
            return .bool((a == b) == (op == .equal))
        default:
            throw ScriptError.runtime("cannot compare \(left.typeWithArticle) with \(right.typeWithArticle) using '\(op.rawValue)'", at: nil)
        }
    }

    private static func logic(_ op: BinaryOperator, _ left: Value, _ right: Value) throws(ScriptError) -> Value {
        switch (left, right) {
        case (.bool(let a), .bool(let b)):
            return .bool(op == .and ? a && b : a || b)
        case (.column(let a), .column(let b)) where a.isMask && b.isMask:
            try sameLength(a, b, op)
            let values = zip(a.values, b.values).map { x, y in
                (op == .and ? (x != 0 && y != 0) : (x != 0 || y != 0)) ? 1.0 : 0.0
            }
            return .column(Column(name: "\(parenthesised(a.name, for: op)) \(op.rawValue) \(parenthesised(b.name, for: op, onRight: true))", values: values, isMask: true))
        default:
            throw ScriptError.runtime("'\(op.rawValue)' needs two bools or two masks (comparisons of columns), got \(left.typeWithArticle) and \(right.typeWithArticle)", at: nil)
        }
    }

    private static func sameLength(_ a: Column, _ b: Column, _ op: BinaryOperator) throws(ScriptError) {
        guard a.count == b.count else {
            throw ScriptError.runtime("'\(op.rawValue)' needs columns of the same length, got \(Format.count(a.count)) (\(a.name)) and \(Format.count(b.count)) (\(b.name))", at: nil)
        }
    }

    /// A column's name as the operand of `op` in a new name: in parentheses when the operator
    /// that made it binds less tightly ("(jet_mass - jet_pt) * 2", "a - (b - c)"), as written
    /// otherwise ("jet_mass * 2 + 1", "m [GeV]"). `op` nil is a unary minus or not.
    static func parenthesised(_ name: String, for op: BinaryOperator?, onRight: Bool = false) -> String {
        guard let inner = loosestOperator(in: name) else { return name }
        let outer = op.map(\.precedence) ?? 7
        let needed = inner.precedence < outer
            || (onRight && inner.precedence == outer && (op == .subtract || op == .divide))
            || (!onRight && op == .power && inner.precedence == outer)
        return needed ? "(\(name))" : name
    }

    /// The loosest operator written between spaces outside parentheses in `name`, nil for a
    /// plain name; a leading "not " counts as binding like a comparison.
    private static func loosestOperator(in name: String) -> BinaryOperator? {
        var depth = 0
        var loosest: BinaryOperator? = name.hasPrefix("not ") ? .equal : nil
        let characters = Array(name)
        for (i, c) in characters.enumerated() {
            if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
            guard depth == 0, c == " " else { continue }
            let rest = String(characters[(i + 1)...])
            for op in BinaryOperator.allCases where rest.hasPrefix(op.rawValue + " ") {
                if loosest.map({ op.precedence < $0.precedence }) ?? true { loosest = op }
            }
        }
        return loosest
    }
}
