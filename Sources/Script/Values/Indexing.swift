import Analysis

/// `value[index]`: an element of a list or column, one jet of a set, a row of a table; with a
/// range (`jets[0:1000]`) or a mask (`jets[jets.jet_mass > 60]`) the elements it selects.
/// Negative positions count from the end (`jets[-1]`).
enum Indexing {
    static func element(of value: Value, at index: Value) throws(ScriptError) -> Value {
        if case .column(let mask) = index, mask.isMask {
            return try select(value, positions: mask.values.indices.filter { mask.values[$0] != 0 },
                              expected: mask.count, what: "the mask has \(Format.count(mask.count)) entries")
        }
        if case .range(let lower, let upper) = index {
            return try slice(of: value, from: lower, to: upper)
        }
        guard case .number(let x) = index else {
            throw ScriptError.runtime("an index must be a whole number, a range or a mask, got \(index.typeWithArticle)", at: nil)
        }
        guard x == x.rounded(), abs(x) < 1e15 else {
            throw ScriptError.runtime("an index must be a whole number, got \(NumberFormat.plain(x))", at: nil)
        }
        let count = try length(of: value)
        let p = Int(x) < 0 ? count + Int(x) : Int(x)
        guard p >= 0, p < count else {
            let range = count == 0 ? "it is empty" : "positions run from 0 to \(count - 1)"
            throw ScriptError.runtime("index \(Int(x)) is out of range for \(describe(value, count)); \(range)", at: nil)
        }
        switch value {
        case .list(let items): return items[p]
        case .column(let column): return .number(column.values[p])
        case .jets(let set): return .jet(Jet(of: set, at: p))
        case .table(let table): return .record(row(table, p))
        default: throw notIndexable(value)
        }
    }

    /// `value[from:to]`, an end left out (nil) meaning the start or the end: `jets[10:]`.
    static func slice(of value: Value, from lower: Int?, to upper: Int?) throws(ScriptError) -> Value {
        let count = try length(of: value)
        let first = lower ?? 0, end = upper ?? count
        guard first <= count, end <= count else {
            throw ScriptError.runtime("the range \(written(lower, upper)) goes past the end of \(describe(value, count))", at: nil)
        }
        return try select(value, positions: Array(first..<max(first, end)), expected: count, what: "")
    }

    /// A range as written, its ends left out where they were: "10:", ":5", "0:100".
    static func written(_ lower: Int?, _ upper: Int?) -> String {
        "\(lower.map(String.init) ?? ""):\(upper.map(String.init) ?? "")"
    }

    private static func length(of value: Value) throws(ScriptError) -> Int {
        switch value {
        case .list(let items): return items.count
        case .column(let column): return column.count
        case .jets(let set): return set.count
        case .table(let table): return table.rows.count
        default: throw notIndexable(value)
        }
    }

    private static func describe(_ value: Value, _ count: Int) -> String {
        switch value {
        case .jets: "a set of \(Format.count(count, "jet"))"
        case .column: "a column of \(Format.count(count, "value"))"
        case .table: "a table of \(Format.count(count)) rows"
        default: "a list of \(Format.count(count)) items"
        }
    }

    private static func notIndexable(_ value: Value) -> ScriptError {
        ScriptError.runtime("\(value.typeWithArticle) cannot be indexed; lists, columns, jet sets and tables can", at: nil)
    }

    /// The elements at `positions`; `expected` is the length a mask must match.
    private static func select(_ value: Value, positions: [Int], expected: Int, what: String) throws(ScriptError) -> Value {
        let count = try length(of: value)
        guard count == expected else {
            throw ScriptError.runtime("\(what) but \(describe(value, count)) is indexed", at: nil)
        }
        switch value {
        case .jets(let set): return .jets(set.subset(positions))
        case .column(let column):
            return .column(Column(name: column.name, values: positions.map { column.values[$0] }, isMask: column.isMask, unit: column.unit))
        case .list(let items): return .list(positions.map { items[$0] })
        case .table(let table): return .table(Table(title: table.title, columns: table.columns, rows: positions.map { table.rows[$0] }, note: table.note))
        default: throw notIndexable(value)
        }
    }

    private static func row(_ table: Table, _ index: Int) -> Record {
        Record(kind: "row", fields: zip(table.columns, table.rows[index]).map { name, cell in
            switch cell {
            case .number(let x), .fixed(let x, _): Record.Field(name, .number(x))
            case .count(let n): Record.Field(name, .number(Double(n)))
            case .text(let t): Record.Field(name, .string(t))
            }
        })
    }
}
