import Foundation
import Testing
import TestSupport

/// Tables in docs/RELIABILITY.md that tests fill from real runs: each sits between
/// `<!-- NAME:begin -->` and `<!-- NAME:end -->`. A test checks that the docs hold the table
/// its runs made; with JNB_UPDATE_DOCS=1 it writes the table instead.
enum DocsTable {
    static let file = Fixtures.packageRoot.appendingPathComponent("docs/RELIABILITY.md")

    static func check(_ name: String, _ table: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        var text = try String(contentsOf: file, encoding: .utf8)
        let begin = "<!-- \(name):begin -->\n", end = "<!-- \(name):end -->"
        guard let open = text.range(of: begin), let close = text.range(of: end, range: open.upperBound..<text.endIndex) else {
            Issue.record("docs/RELIABILITY.md has no \(begin.dropLast()) … \(end)", sourceLocation: sourceLocation)
            return
        }
        let range = open.upperBound..<close.lowerBound
        if ProcessInfo.processInfo.environment["JNB_UPDATE_DOCS"] == "1" {
            text.replaceSubrange(range, with: table)
            try text.write(to: file, atomically: true, encoding: .utf8)
        } else {
            #expect(String(text[range]) == table, "docs/RELIABILITY.md is not the table of these runs; JNB_UPDATE_DOCS=1 rewrites it",
                    sourceLocation: sourceLocation)
        }
    }

    /// A Markdown table cell: code, with the characters a table cannot hold shown as symbols.
    static func code(_ text: String) -> String {
        let text = text.hasSuffix("\n") ? String(text.dropLast()) : text
        guard !text.isEmpty else { return "—" }
        let shown = text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\r", with: "␍")
            .replacingOccurrences(of: "\t", with: "⇥").replacingOccurrences(of: "\u{FEFF}", with: "(BOM)")
            .replacingOccurrences(of: "\n", with: "` ↵ `")
        return "`" + shown + "`"
    }
}
