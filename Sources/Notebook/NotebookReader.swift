import Foundation
import Script

/// Splits a `.jnb` text into cells at its `# %%` (or `#%%`) lines:
///
///     # %% [markdown]
///     # # Processing jet images
///     # %% train allow_error=true timeout=600
///     fit ae parts.train epochs=30
///
/// A marker line holds `# %%`, then any of: a name (the words that are not options),
/// `[markdown]` or `[parameters]`, and options `allow_error=true|false`, `skip=true|false`, `timeout=SECONDS`.
/// Unknown options are warnings; a known option with a bad value is an error of its code cell
/// (every one is kept, so a replay lists them all), and a warning on a markdown cell.
public enum NotebookReader {
    public static func read(_ path: String) throws(ScriptError) -> NotebookDocument {
        try parse(try SourceFile.read(path), file: path)
    }

    public static func parse(_ text: String, file: String) throws(ScriptError) -> NotebookDocument {
        // Split on scalars: in Swift "\r\n" is one Character, which a split on "\n" would miss.
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(String.UnicodeScalarView(line.last == "\r" ? line.dropLast() : line[...]))
        }
        if lines.last == "" { lines.removeLast() }
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = String(first.dropFirst()) }

        var document = NotebookDocument(file: file, cells: [], warnings: [])
        var marker: (line: Int, text: String, name: String?, kind: NotebookDocument.Cell.Kind, options: CellOptions, errors: [ScriptError])?
        var body: [String] = []
        var bodyStart = 1
        var codeNumber = 0

        func finish() throws(ScriptError) {
            let kind = marker?.kind ?? .code
            if marker == nil {
                // Text before the first marker is a cell only if it holds code.
                let code = body.contains { line in
                    let trimmed = line.trimmingCharacters(in: .whitespaces)
                    return !trimmed.isEmpty && !trimmed.hasPrefix("#")
                }
                guard code else { return }
            }
            if kind == .code { codeNumber += 1 }
            if kind == .markdown, let marker, let offset = body.firstIndex(where: { !isComment($0) }) {
                let number = bodyStart + offset
                throw ScriptError(.syntax, "the markdown cell of line \(marker.line) holds only comment lines: put '# ' in front of this one, "
                                  + "or '# %%' above it to start a code cell (run would run it as code, and a replay would not)",
                                  at: SourceSpan(file: file, line: number, column: 1, length: max(body[offset].count, 1)))
            }
            let source = kind == .markdown ? body.map(markdownLine).joined(separator: "\n") : body.joined(separator: "\n")
            let errors = marker?.errors ?? []
            if kind == .markdown {
                // A markdown cell never runs, so its options do nothing.
                document.warnings += errors.map { .init(line: $0.span?.line ?? 0, message: $0.message + " (ignored: the cell is markdown)", file: file) }
            }
            document.cells.append(NotebookDocument.Cell(
                number: kind == .code ? codeNumber : 0, name: marker?.name, kind: kind,
                options: marker?.options ?? CellOptions(), source: source,
                markerLine: marker?.line ?? 0, firstLine: bodyStart, marker: marker?.text ?? "",
                optionErrors: kind == .code ? errors : []))
        }

        for (index, line) in lines.enumerated() {
            let number = index + 1
            guard isMarker(line) else {
                body.append(line)
                continue
            }
            try finish()
            let parsed = parseMarker(line, line: number, file: file)
            document.warnings += parsed.warnings
            marker = (number, line, parsed.name, parsed.kind, parsed.options, parsed.errors)
            body = []
            bodyStart = number + 1
        }
        try finish()
        document.warnings += nameWarnings(document)
        return document
    }

    /// Code cell names `--cells` and `--from` cannot select: a name used before (they cannot
    /// tell such cells apart by name), and a whole number, which always means that code cell
    /// number.
    private static func nameWarnings(_ document: NotebookDocument) -> [NotebookDocument.Warning] {
        var first: [String: NotebookDocument.Cell] = [:]
        var warnings: [NotebookDocument.Warning] = []
        for cell in document.codeCells {
            guard let name = cell.name else { continue }
            if let number = Int(name), number != cell.number {
                warnings.append(.init(line: cell.markerLine, message: "cell name '\(name)' is a whole number, which --cells and --from "
                                      + "read as code cell number \(number); select this cell by its number, \(cell.number)", file: document.file))
            }
            guard let earlier = first[name] else {
                first[name] = cell
                continue
            }
            warnings.append(.init(line: cell.markerLine, message: "cell name '\(name)' is already used at line \(earlier.markerLine); "
                                  + "--cells and --from need these cells' numbers (\(earlier.number), \(cell.number))", file: document.file))
        }
        return warnings
    }

    /// `# %%` or `#%%` (as Spyder and VS Code write it) at the start of a line (after optional
    /// spaces), followed by the end of the line or a space.
    static func isMarker(_ line: String) -> Bool {
        guard let rest = afterMarker(line) else { return false }
        return rest.isEmpty || rest.first == " " || rest.first == "\t"
    }

    /// What follows the `# %%` or `#%%` that starts `line`; nil when it does not start so.
    private static func afterMarker(_ line: String) -> Substring? {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        for marker in ["# %%", "#%%"] where trimmed.hasPrefix(marker) {
            return trimmed.dropFirst(marker.count)
        }
        return nil
    }

    /// A blank line or a `#` comment: what a markdown cell holds.
    private static func isComment(_ line: String) -> Bool {
        let trimmed = line.drop { $0 == " " || $0 == "\t" }
        return trimmed.isEmpty || trimmed.hasPrefix("#")
    }

    /// A markdown cell's line without its comment mark: `# text` → `text`, `#` → empty.
    private static func markdownLine(_ line: String) -> String {
        if line.hasPrefix("# ") { return String(line.dropFirst(2)) }
        if line.hasPrefix("#") { return String(line.dropFirst()) }
        return line
    }

    private static func parseMarker(_ line: String, line number: Int, file: String)
        -> (name: String?, kind: NotebookDocument.Cell.Kind, options: CellOptions, warnings: [NotebookDocument.Warning], errors: [ScriptError]) {
        let afterMarker = afterMarker(line) ?? ""
        let column0 = line.count - afterMarker.count
        var words: [String] = []
        var kind = NotebookDocument.Cell.Kind.code
        var options = CellOptions()
        var warnings: [NotebookDocument.Warning] = []
        var errors: [ScriptError] = []
        for (word, column) in tokens(String(afterMarker), offset: column0) {
            if word.hasPrefix("[") && word.hasSuffix("]") {
                let type = word.dropFirst().dropLast().lowercased()
                if type == "markdown" || type == "md" {
                    kind = .markdown
                } else if type == "parameters" {
                    options.parameters = true
                } else {
                    warnings.append(.init(line: number, message: "unknown cell type \(word) (known: [markdown], [parameters]); the cell is code", file: file))
                }
            } else if let equals = word.firstIndex(of: "=") {
                let key = String(word[..<equals])
                var value = String(word[word.index(after: equals)...])
                if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q {
                    value = String(value.dropFirst().dropLast())
                }
                let span = SourceSpan(file: file, line: number, column: column + 1, length: word.count)
                switch key {
                case "allow_error", "skip":
                    guard value == "true" || value == "false" else {
                        errors.append(ScriptError(.syntax, "cell option \(key) must be true or false, got '\(value)'", at: span))
                        continue
                    }
                    if key == "skip" { options.skip = value == "true" } else { options.allowError = value == "true" }
                case "timeout":
                    guard let seconds = Double(value), seconds > 0, seconds.isFinite else {
                        errors.append(ScriptError(.syntax, "cell option timeout must be a number of seconds > 0, got '\(value)'", at: span))
                        continue
                    }
                    options.timeout = seconds
                default:
                    warnings.append(.init(line: number, message: "unknown cell option '\(key)' ignored (known: \(CellOptions.known.joined(separator: ", ")))", file: file))
                }
            } else {
                words.append(word)
            }
        }
        return (words.isEmpty ? nil : words.joined(separator: " "), kind, options, warnings, errors)
    }

    /// Words separated by spaces, with quoted values kept whole; each with its 0-based column.
    private static func tokens(_ text: String, offset: Int) -> [(String, Int)] {
        var result: [(String, Int)] = []
        var current = ""
        var start = 0
        var quote: Character?
        for (i, c) in text.enumerated() {
            if quote == nil, c == " " || c == "\t" {
                if !current.isEmpty { result.append((current, offset + start)) }
                current = ""
                continue
            }
            if current.isEmpty { start = i }
            if c == "\"" || c == "'" { quote = quote == nil ? c : (quote == c ? nil : quote) }
            current.append(c)
        }
        if !current.isEmpty { result.append((current, offset + start)) }
        return result
    }
}
