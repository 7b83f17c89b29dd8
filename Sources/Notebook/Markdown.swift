/// A small Markdown to HTML renderer for notebook cells: headings, paragraphs, emphasis, code
/// spans and blocks, links, lists, block quotes and pipe tables. Everything is escaped; raw
/// HTML in a notebook is shown as text, never passed through (a notebook is data).
enum Markdown {
    static func html(_ text: String) -> String {
        var out: [String] = []
        var lines = text.components(separatedBy: "\n")[...]
        while let line = lines.first {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty {
                lines = lines.dropFirst()
            } else if trimmed.hasPrefix("```") {
                lines = lines.dropFirst()
                var code: [String] = []
                while let next = lines.first, !next.trimmingCharacters(in: .whitespaces).hasPrefix("```") {
                    code.append(next)
                    lines = lines.dropFirst()
                }
                lines = lines.dropFirst()
                out.append("<pre><code>" + escape(code.joined(separator: "\n")) + "</code></pre>")
            } else if let (level, title) = heading(trimmed) {
                out.append("<h\(level)>\(inline(title))</h\(level)>")
                lines = lines.dropFirst()
            } else if trimmed.hasPrefix(">") {
                var quoted: [String] = []
                while let next = lines.first?.trimmingCharacters(in: .whitespaces), next.hasPrefix(">") {
                    quoted.append(String(next.dropFirst()).trimmingCharacters(in: .whitespaces))
                    lines = lines.dropFirst()
                }
                out.append("<blockquote>" + html(quoted.joined(separator: "\n")) + "</blockquote>")
            } else if listItem(trimmed) != nil {
                let ordered = listItem(trimmed)?.ordered ?? false
                var items: [String] = []
                while let next = lines.first?.trimmingCharacters(in: .whitespaces), !next.isEmpty {
                    if let item = listItem(next) {
                        items.append(item.text)
                    } else if !items.isEmpty {
                        items[items.count - 1] += " " + next
                    }
                    lines = lines.dropFirst()
                }
                let tag = ordered ? "ol" : "ul"
                out.append("<\(tag)>" + items.map { "<li>\(inline($0))</li>" }.joined() + "</\(tag)>")
            } else if trimmed.hasPrefix("|"), lines.dropFirst().first.map(isTableRule) ?? false {
                var rows: [[String]] = []
                while let next = lines.first?.trimmingCharacters(in: .whitespaces), next.hasPrefix("|") {
                    if !isTableRule(next) { rows.append(cells(next)) }
                    lines = lines.dropFirst()
                }
                let head = rows.first.map { "<thead><tr>" + $0.map { "<th>\(inline($0))</th>" }.joined() + "</tr></thead>" } ?? ""
                let body = rows.dropFirst().map { "<tr>" + $0.map { "<td>\(inline($0))</td>" }.joined() + "</tr>" }.joined()
                out.append("<table>\(head)<tbody>\(body)</tbody></table>")
            } else {
                var paragraph: [String] = []
                while let next = lines.first?.trimmingCharacters(in: .whitespaces), !next.isEmpty,
                      heading(next) == nil, !next.hasPrefix("```"), !next.hasPrefix(">"),
                      paragraph.isEmpty || listItem(next) == nil {
                    paragraph.append(next)
                    lines = lines.dropFirst()
                }
                out.append("<p>" + inline(paragraph.joined(separator: "\n")) + "</p>")
            }
        }
        return out.joined(separator: "\n")
    }

    private static func heading(_ line: String) -> (Int, String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " else { return nil }
        return (hashes, rest.trimmingCharacters(in: .whitespaces))
    }

    private static func listItem(_ line: String) -> (ordered: Bool, text: String)? {
        for bullet in ["- ", "* ", "+ "] where line.hasPrefix(bullet) {
            return (false, String(line.dropFirst(2)))
        }
        let digits = line.prefix { $0.isNumber }
        if !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") {
            return (true, String(line.dropFirst(digits.count + 2)))
        }
        return nil
    }

    private static func isTableRule(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces)
        return t.hasPrefix("|") && t.contains("-") && t.allSatisfy { "|-: ".contains($0) }
    }

    private static func cells(_ row: String) -> [String] {
        var t = row.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("|") { t.removeFirst() }
        if t.hasSuffix("|") { t.removeLast() }
        return t.components(separatedBy: "|").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    /// Code spans first (their content is literal), then links, bold and italics.
    static func inline(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let tick = rest.firstIndex(of: "`") {
            out += emphasis(String(rest[..<tick]))
            let after = rest[rest.index(after: tick)...]
            guard let close = after.firstIndex(of: "`") else {
                out += emphasis(String(rest[tick...]))
                return out
            }
            out += "<code>" + escape(String(after[..<close])) + "</code>"
            rest = after[after.index(after: close)...]
        }
        return out + emphasis(String(rest))
    }

    private static func emphasis(_ text: String) -> String {
        var s = escape(text)
        s = replacingLinks(s)
        s = wrap(s, "**", "strong")
        s = wrap(s, "__", "strong")
        s = wrap(s, "*", "em")
        return s
    }

    /// `[text](url)` with a web, relative or fragment address; other schemes (javascript:)
    /// stay text.
    private static func replacingLinks(_ s: String) -> String {
        var out = ""
        var rest = Substring(s)
        while let open = rest.firstIndex(of: "[") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "]"), after[after.index(after: close)...].hasPrefix("("),
                  let end = after[after.index(after: close)...].firstIndex(of: ")") else {
                out += rest[...open]
                rest = after
                continue
            }
            let label = after[..<close]
            let url = String(after[after.index(close, offsetBy: 2)..<end])
            let lower = url.lowercased()
            let allowed = lower.hasPrefix("http://") || lower.hasPrefix("https://") || lower.hasPrefix("#")
                || (!lower.contains(":") && !lower.hasPrefix("//"))
            out += rest[..<open]
            out += allowed ? "<a href=\"\(url)\">\(label)</a>" : String(rest[open...end])
            rest = rest[rest.index(after: end)...]
        }
        return out + rest
    }

    /// Pairs of `marker` around text become `<tag>…</tag>`; an unpaired marker stays as is.
    private static func wrap(_ s: String, _ marker: String, _ tag: String) -> String {
        let parts = s.components(separatedBy: marker)
        guard parts.count >= 3 else { return s }
        var out = parts[0]
        var i = 1
        while i < parts.count {
            if i + 1 < parts.count, !parts[i].isEmpty, parts[i].first != " ", parts[i].last != " " {
                out += "<\(tag)>" + parts[i] + "</\(tag)>" + parts[i + 1]
                i += 2
            } else {
                out += marker + parts[i]
                i += 1
            }
        }
        return out
    }
}
