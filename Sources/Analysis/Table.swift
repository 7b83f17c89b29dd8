/// A small titled table of results (the thesis's Tables 5.1 and 5.2, threshold summaries),
/// rendered as aligned text for the prompt, Markdown for documents and CSV for other tools.
public struct Table: Sendable, Equatable {
    public enum Cell: Sendable, Equatable {
        case text(String)
        case number(Double)
        case count(Int)
        /// A number with the same digits after the point on every row (seconds to the
        /// millisecond), so a column of them does not vary in precision; in full in CSV.
        case fixed(Double, decimals: Int)

        /// How the cell reads in text and Markdown.
        public var rendered: String {
            switch self {
            case let .text(s): s
            // Whole numbers in full (a count given as a number, 123456789), others to four
            // significant digits.
            case let .number(x): isExactWhole(x) ? String(Int64(x)) : Format.number(x)
            case let .count(n): String(n)
            case let .fixed(x, decimals): x.isFinite ? Format.fixed(x, decimals) : Format.number(x)
            }
        }

        /// How the cell reads in CSV: full precision, no thousands separators.
        var csv: String {
            switch self {
            case let .text(s): s
            case let .number(x), let .fixed(x, _): isExactWhole(x) ? String(Int64(x)) : x.isFinite ? "\(x)" : Format.number(x)
            case let .count(n): String(n)
            }
        }

        public var isNumeric: Bool { if case .text = self { false } else { true } }

        /// A whole number that a double holds exactly (up to 2⁵³), shown with all its digits.
        private func isExactWhole(_ x: Double) -> Bool { x == x.rounded() && abs(x) <= 9_007_199_254_740_992 }
    }

    public var title: String
    public var columns: [String]
    public var rows: [[Cell]]
    /// A line printed under the table (sources, definitions).
    public var note: String?

    public init(title: String, columns: [String], rows: [[Cell]], note: String? = nil) {
        self.title = title
        self.columns = columns
        self.rows = rows.map { row in
            row.count >= columns.count ? Array(row.prefix(columns.count))
                : row + Array(repeating: .text(""), count: columns.count - row.count)
        }
        self.note = note
    }

    /// The rows a display of at most `maxRows` rows shows: all of them, or the first ones and
    /// the last five, as pandas prints a frame (`rows.count - shown.count` are left out
    /// between the two). Hiding a single row would save nothing: the line saying so would
    /// take its place.
    public func displayedRows(maxRows: Int? = nil) -> [Int] {
        guard let maxRows, rows.count > maxRows + 1, maxRows > 5 else { return Array(rows.indices) }
        let tail = 5, head = maxRows - tail
        return Array(0..<head) + Array((rows.count - tail)..<rows.count)
    }

    /// Whether every cell of column `c` is a number (or empty): such columns are right-aligned,
    /// headings included.
    public func isNumericColumn(_ c: Int) -> Bool {
        !rows.isEmpty && rows.allSatisfy { $0[c].isNumeric || $0[c] == .text("") }
    }

    /// The cells of rows `shown` as displayed: text as it is, numbers with their decimal
    /// points in line down each column (a number with fewer decimals is padded with spaces on
    /// the right, so 0.564 stands over 0.6274 digit for digit, and no digit is invented).
    public func displayedCells(_ shown: [Int]) -> [[String]] {
        var cells = shown.map { rows[$0].map(\.rendered) }
        for c in columns.indices {
            // One notation per column: when a value needs an exponent, every number of the
            // column gets one, so the decimal points still stand in line.
            let scientific = shown.indices.contains { k in
                rows[shown[k]][c].isNumeric && cells[k][c].contains("e") && !cells[k][c].contains("n")
            }
            if scientific {
                for k in shown.indices {
                    switch rows[shown[k]][c] {
                    case .number(let x) where x.isFinite: cells[k][c] = String(format: "%.3e", x)
                    case .count(let n): cells[k][c] = String(format: "%.3e", Double(n))
                    default: break
                    }
                }
                continue
            }
            // Digits after the decimal point of a plain decimal (not 1.2e+08, nan or inf).
            func decimals(_ k: Int) -> Int? {
                guard rows[shown[k]][c].isNumeric else { return nil }
                let text = cells[k][c]
                guard !text.contains("e"), !text.contains("n"), !text.contains("i") else { return nil }
                return text.firstIndex(of: ".").map { text.distance(from: $0, to: text.endIndex) - 1 } ?? 0
            }
            let widest = shown.indices.compactMap(decimals).max() ?? 0
            guard widest > 0 else { continue }
            for k in shown.indices {
                guard let d = decimals(k), d < widest else { continue }
                cells[k][c] += String(repeating: " ", count: widest - d + (d == 0 ? 1 : 0))
            }
        }
        return cells
    }

    /// The line that stands for the rows a display leaves out.
    public static func omissionLine(_ omitted: Int) -> String {
        "… \(Format.count(omitted)) more row\(omitted == 1 ? "" : "s") …"
    }

    /// The table as aligned text, numbers right-aligned and text left-aligned. With
    /// `maxRows`, a longer table shows the rows of `displayedRows(maxRows:)`.
    public func text(maxRows: Int? = nil) -> String {
        let shown = displayedRows(maxRows: maxRows)
        let omitted = rows.count - shown.count
        let rendered = displayedCells(shown)
        let widths = columns.indices.map { c in
            ([columns[c]] + rendered.map { $0[c] }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String], numeric: [Bool]) -> String {
            cells.indices.map { c in
                let pad = String(repeating: " ", count: widths[c] - cells[c].count)
                return numeric[c] ? pad + cells[c] : cells[c] + pad
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let numericColumns = columns.indices.map(isNumericColumn)
        var out = [title, line(columns, numeric: numericColumns),
                   widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ")]
        for (k, r) in shown.enumerated() {
            if omitted > 0, k > 0, r != shown[k - 1] + 1 {
                out.append(Self.omissionLine(omitted))
            }
            out.append(line(rendered[k], numeric: rows[r].map(\.isNumeric)))
        }
        if let note { out.append(note) }
        return out.joined(separator: "\n") + "\n"
    }

    public func markdown() -> String {
        func escape(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        var out = ["**\(escape(title))**", "",
                   "| " + columns.map(escape).joined(separator: " | ") + " |",
                   "|" + columns.indices.map { c in
                       isNumericColumn(c) ? " ---: |" : " --- |"
                   }.joined()]
        out += rows.map { "| " + $0.map { escape($0.rendered) }.joined(separator: " | ") + " |" }
        if let note { out += ["", escape(note)] }
        return out.joined(separator: "\n") + "\n"
    }

    /// RFC 4180 CSV: a header line, then one line per row.
    public func csv() -> String {
        func quote(_ s: String) -> String {
            s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
                ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
        }
        let lines = [columns.map(quote).joined(separator: ",")] + rows.map { $0.map { quote($0.csv) }.joined(separator: ",") }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var s = self
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
