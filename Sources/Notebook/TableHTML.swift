import Analysis

/// A result table as an HTML table for the replay report: its title as the caption, number
/// columns right-aligned with their decimal points in line, its note under it, and a long table cut to its first and last rows
/// as the prompt prints it.
enum TableHTML {
    static func html(_ table: Table, maxRows: Int) -> String {
        let shown = table.displayedRows(maxRows: maxRows)
        let omitted = table.rows.count - shown.count
        let numeric = table.columns.indices.map(table.isNumericColumn)
        func cellClass(_ isNumber: Bool) -> String { isNumber ? " class=\"number\"" : "" }
        // A wide table scrolls inside its box rather than widening the page.
        var lines = ["<div class=\"result\"><table class=\"result\">"]
        if !table.title.isEmpty { lines.append("<caption>\(Markdown.escape(table.title))</caption>") }
        lines.append("<thead><tr>" + table.columns.indices.map { c in
            "<th\(cellClass(numeric[c]))>\(Markdown.escape(table.columns[c]))</th>"
        }.joined() + "</tr></thead>")
        lines.append("<tbody>")
        let cells = table.displayedCells(shown)
        for (k, r) in shown.enumerated() {
            if omitted > 0, k > 0, r != shown[k - 1] + 1 {
                lines.append("<tr><td class=\"omitted\" colspan=\"\(max(table.columns.count, 1))\">"
                             + "\(Markdown.escape(Table.omissionLine(omitted))) (every row: save the table to a .csv file)</td></tr>")
            }
            lines.append("<tr>" + table.rows[r].indices.map { c in
                "<td\(cellClass(table.rows[r][c].isNumeric))>\(Markdown.escape(cells[k][c]))</td>"
            }.joined() + "</tr>")
        }
        lines.append("</tbody></table></div>")
        if let note = table.note { lines.append("<p class=\"note\">\(Markdown.escape(note))</p>") }
        return lines.joined(separator: "\n")
    }
}
