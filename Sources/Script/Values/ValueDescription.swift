import JetData

/// How values look: a one-line summary (`vars`, lists, records) and a fuller description
/// (`print`, and a statement whose value is shown).
extension Value {
    public var summary: String {
        switch self {
        case .nothing: return "nothing"
        case .number(let x): return NumberFormat.plain(x)
        case .string(let s): return "\"\(s)\""
        case .bool(let b): return b ? "true" : "false"
        case .list(let items):
            let shown = items.prefix(8).map(\.summary).joined(separator: ", ")
            return "[" + shown + (items.count > 8 ? ", … (\(items.count) items)]" : "]")
        case .record(let record):
            return record.kind + ": " + record.fields.map { "\($0.name) \($0.value.summary)" }.joined(separator: ", ")
        case .column(let column):
            return column.summary
        case .jets(let set):
            return set.summary
        case .jet(let jet):
            return jet.summary
        case .table(let table):
            return "table of \(NumberFormat.count(table.rows.count)) rows: " + table.columns.joined(separator: ", ")
        }
    }

    public var description: String {
        switch self {
        case .string(let s): return s
        case .list(let items) where items.count > 8 || items.contains(where: \.isLarge):
            return items.enumerated().map { "[\($0.offset)] \($0.element.summary)" }.joined(separator: "\n")
        case .record(let record):
            let width = record.fields.map(\.name.count).max() ?? 0
            return record.kind + "\n" + record.fields.map {
                "  " + $0.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.value.summary
            }.joined(separator: "\n")
        case .column(let column): return column.description
        case .jets(let set): return set.description
        case .jet(let jet): return jet.description
        case .table(let table): return table.description
        default: return summary
        }
    }

    private var isLarge: Bool {
        switch self {
        case .number, .string, .bool, .nothing: false
        default: true
        }
    }
}

extension Column {
    var summary: String {
        if isMask {
            let on = values.reduce(0) { $0 + ($1 != 0 ? 1 : 0) }
            return "mask \(name): \(NumberFormat.count(on)) of \(NumberFormat.count(count)) true"
        }
        guard count > 0 else { return "column \(name): empty" }
        return "column \(name): \(NumberFormat.count(count)) values, mean \(NumberFormat.plain(mean)), std \(NumberFormat.plain(standardDeviation))"
    }

    var description: String {
        guard !isMask, count > 0 else { return summary }
        let n = Double(finite.count)
        let sd = standardDeviation
        var lines = [
            "column \(name): \(NumberFormat.count(count)) values",
            "  mean  \(NumberFormat.withError(mean, sd / n.squareRoot()))",
            "  std   \(NumberFormat.withError(sd, sd / (2 * n).squareRoot()))",
            "  min   \(NumberFormat.plain(minimum))",
            "  max   \(NumberFormat.plain(maximum))",
        ]
        let nan = nanCount
        if nan > 0 { lines.append("  nan   \(NumberFormat.count(nan)) (left out of the statistics)") }
        return lines.joined(separator: "\n")
    }
}

extension JetSet {
    var summary: String {
        let s = signalCount
        return "\(NumberFormat.count(count)) jets (\(NumberFormat.count(s)) signal, \(NumberFormat.count(count - s)) background) from \(origin)"
    }

    var description: String {
        var lines = ["jet set: \(summary)"]
        for (variable, label) in [(JetVariable.pt, "jet_pt"), (.mass, "jet_mass")] {
            let values = self.values(variable).filter { !$0.isNaN }
            if let low = values.min(), let high = values.max() {
                lines.append("  \(label.padding(toLength: 9, withPad: " ", startingAt: 0)) \(NumberFormat.plain(Double(low))) … \(NumberFormat.plain(Double(high))) GeV")
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension Jet {
    var summary: String {
        let kind = view.isSignal(0) ? "signal" : "background"
        let pt = view.values(.pt)[0], mass = view.values(.mass)[0]
        return "jet \(position) (\(kind)), jet_pt \(NumberFormat.plain(Double(pt))) GeV, jet_mass \(NumberFormat.plain(Double(mass))) GeV"
    }

    var description: String {
        var lines = ["jet \(position) of \(view.origin): \(view.isSignal(0) ? "signal" : "background")"]
        for variable in JetVariable.allCases {
            lines.append("  \(variable.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)) \(NumberFormat.plain(Double(view.values(variable)[0])))")
        }
        return lines.joined(separator: "\n")
    }
}

extension Table.Cell {
    var text: String {
        switch self {
        case .number(let x): NumberFormat.plain(x)
        case .text(let s): s
        }
    }
}

extension Table {
    /// Columns padded to their widest entry; numbers right-aligned, text left-aligned.
    var description: String {
        let cells = rows.map { $0.map(\.text) }
        var widths = columns.map(\.count)
        for row in cells {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        func pad(_ text: String, _ width: Int, right: Bool) -> String {
            let fill = String(repeating: " ", count: max(width - text.count, 0))
            return right ? fill + text : text + fill
        }
        var lines = [zip(columns, widths).map { pad($0, $1, right: false) }.joined(separator: "  ")]
        lines.append(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  "))
        for (r, row) in cells.enumerated() {
            lines.append(row.enumerated().map { i, text in
                let isNumber: Bool
                if case .number = rows[r][i] { isNumber = true } else { isNumber = false }
                return pad(text, i < widths.count ? widths[i] : 0, right: isNumber)
            }.joined(separator: "  "))
        }
        return lines.map { $0.replacingTrailingSpaces() }.joined(separator: "\n")
    }
}

private extension String {
    func replacingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
