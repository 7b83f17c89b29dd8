/// `value[index]`: an element of a list or column, one jet of a set, or, with a mask, the
/// elements where the mask is true. Negative positions count from the end (`jets[-1]`).
enum Indexing {
    static func element(of value: Value, at index: Value) throws(ScriptError) -> Value {
        if case .column(let mask) = index, mask.isMask {
            return try masked(value, mask)
        }
        guard case .number(let x) = index else {
            throw ScriptError.runtime("an index must be a whole number or a mask, got \(index.typeWithArticle)", at: nil)
        }
        guard x == x.rounded(), abs(x) < 1e15 else {
            throw ScriptError.runtime("an index must be a whole number, got \(NumberFormat.plain(x))", at: nil)
        }
        switch value {
        case .list(let items):
            return items[try position(Int(x), count: items.count, of: "a list of \(items.count) items")]
        case .column(let column):
            return .number(column.values[try position(Int(x), count: column.count, of: "a column of \(NumberFormat.count(column.count)) values")])
        case .jets(let set):
            return .jet(Jet(of: set, at: try position(Int(x), count: set.count, of: "a set of \(NumberFormat.count(set.count)) jets")))
        case .table(let table):
            let row = table.rows[try position(Int(x), count: table.rows.count, of: "a table of \(table.rows.count) rows")]
            return .record(Record(kind: "row", fields: zip(table.columns, row).map { name, cell in
                switch cell {
                case .number(let n): Record.Field(name, .number(n))
                case .text(let t): Record.Field(name, .string(t))
                }
            }))
        default:
            throw ScriptError.runtime("\(value.typeWithArticle) cannot be indexed; lists, columns, jet sets and tables can", at: nil)
        }
    }

    private static func position(_ i: Int, count: Int, of what: String) throws(ScriptError) -> Int {
        let p = i < 0 ? count + i : i
        guard p >= 0, p < count else {
            let range = count == 0 ? "it is empty" : "positions run from 0 to \(count - 1)"
            throw ScriptError.runtime("index \(i) is out of range for \(what); \(range)", at: nil)
        }
        return p
    }

    private static func masked(_ value: Value, _ mask: Column) throws(ScriptError) -> Value {
        let keep = mask.values.indices.filter { mask.values[$0] != 0 }
        func check(_ count: Int, _ what: String) throws(ScriptError) {
            guard count == mask.count else {
                throw ScriptError.runtime("the mask has \(NumberFormat.count(mask.count)) entries but \(what) has \(NumberFormat.count(count))", at: nil)
            }
        }
        switch value {
        case .jets(let set):
            try check(set.count, "the jet set")
            return .jets(set.subset(keep))
        case .column(let column):
            try check(column.count, "the column")
            return .column(Column(name: column.name, values: keep.map { column.values[$0] }, isMask: column.isMask))
        case .list(let items):
            try check(items.count, "the list")
            return .list(keep.map { items[$0] })
        default:
            throw ScriptError.runtime("a mask selects from jet sets, columns and lists, not from \(value.typeWithArticle)", at: nil)
        }
    }
}
