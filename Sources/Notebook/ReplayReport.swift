import Foundation
import Analysis
import Script

/// `jnb run --report FILE.html`: one self-contained page with the markdown cells rendered,
/// each code cell with its source, output, status and time, and the figures it wrote (or
/// showed without saving) inline. Long lines of code and output wrap, and in print wide
/// tables wrap their cells, so nothing is cut off in a PDF or on paper. Figures are embedded as data URIs of their SVG (not pasted into the page), so
/// figures cannot clash over element ids and any script in an SVG file stays inert. The page is
/// also well-formed XML, so `xmllint` can check it.
public enum ReplayReport {
    public static func html(_ result: ReplayResult, generated: Date = Date()) -> String {
        let document = result.document
        let code = result.cells.filter { $0.cell.kind == .code }
        let title = Markdown.escape(URL(fileURLWithPath: document.file).lastPathComponent)
        var body: [String] = []
        body.append("<header><h1>\(title)</h1>")
        body.append("<p class=\"meta\">\(Markdown.escape(Replay.summaryLine(result))) · exit status \(result.exitCode) · "
                    + "replayed \(timestamp(generated)) by jnb</p>")
        if !result.parameters.isEmpty {
            body.append("<p class=\"meta parameters\">values from --set: "
                        + result.parameters.map { "<code>\(Markdown.escape("\($0.name) = \($0.value.summary)"))</code>" }.joined(separator: ", ") + "</p>")
        }
        body.append("<table class=\"cells\"><thead><tr><th>cell</th><th>status</th><th>time</th></tr></thead><tbody>")
        for r in code {
            body.append("<tr><td><a href=\"#cell-\(r.cell.number)\">[\(r.cell.number)] \(Markdown.escape(r.cell.name ?? ""))</a></td>"
                        + "<td class=\"\(r.status.rawValue)\">\(statusText(r.status))</td><td>\(r.status == .notRun || r.status == .skipped ? "" : Replay.duration(r.seconds))</td></tr>")
        }
        body.append("</tbody></table></header>")
        for r in result.cells {
            switch r.cell.kind {
            case .markdown:
                body.append("<section class=\"markdown\">\n" + Markdown.html(r.cell.source) + "\n</section>")
            case .code:
                body.append(codeCell(r))
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="en" xmlns="http://www.w3.org/1999/xhtml">
            <head>
            <meta charset="utf-8" />
            <meta name="viewport" content="width=device-width, initial-scale=1" />
            <title>\(title) — jnb report</title>
            <style>
            \(style)
            </style>
            </head>
            <body>
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    public static func write(_ result: ReplayResult, to path: String) throws(ScriptError) {
        try FileWriting.writeAtomically(Data(html(result).utf8), to: path)
    }

    private static func codeCell(_ r: CellResult) -> String {
        let source = r.cell.source.trimmingCharacters(in: .newlines)
        var parts = ["<section class=\"code \(r.status.rawValue)\" id=\"cell-\(r.cell.number)\">"]
        parts.append("<div class=\"head\"><span class=\"label\">[\(r.cell.number)] \(Markdown.escape(r.cell.name ?? ""))</span>"
                     + "<span class=\"status \(r.status.rawValue)\">\(statusText(r.status))</span>"
                     + (r.status == .notRun || r.status == .skipped ? "" : "<span class=\"time\">\(Replay.duration(r.seconds))</span>")
                     + "<span class=\"line\">line \(r.cell.markerLine)</span></div>")
        parts.append("<pre class=\"source\"><code>\(Markdown.escape(source))</code></pre>")
        let lastText = r.segments.lastIndex { if case .text = $0 { true } else { false } }
        for (k, segment) in r.segments.enumerated() {
            switch segment {
            case .text(let text):
                let output = text.trimmingCharacters(in: .newlines)
                guard !output.isEmpty else { continue }
                // The error message, when there is one, is the last thing the cell wrote.
                let failed = r.error != nil && k == lastText
                parts.append("<pre class=\"output\(failed ? " failed" : "")\">\(Markdown.escape(output))</pre>")
            case .table(let table, _):
                parts.append(TableHTML.html(table, maxRows: Self.maxTableRows))
            }
        }
        for path in r.filesWritten where path.lowercased().hasSuffix(".svg") {
            parts.append(figure(path, r.figureFiles[path]))
        }
        for svg in r.shownFigures {
            parts.append("<figure><img src=\"data:image/svg+xml;base64,\(Data(svg.utf8).base64EncodedString())\" alt=\"figure\" /><figcaption>not saved</figcaption></figure>")
        }
        parts.append("</section>")
        return parts.joined(separator: "\n")
    }

    /// Longer tables show their first and last rows, as at the prompt; the whole table is a
    /// `save` to CSV away.
    public static let maxTableRows = 40

    private static func figure(_ path: String, _ svg: Data?) -> String {
        // The file's name: the folder is the notebook's out parameter, often a path of the
        // machine that ran it.
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let caption = "<figcaption>\(Markdown.escape(name))</figcaption>"
        guard let data = svg else {
            return "<figure class=\"missing\"><p>figure file not found when the cell ended</p>\(caption)</figure>"
        }
        return "<figure><img src=\"data:image/svg+xml;base64,\(data.base64EncodedString())\" alt=\"\(Markdown.escape(path))\" />\(caption)</figure>"
    }

    private static func statusText(_ status: CellResult.Status) -> String {
        switch status {
        case .ok: "ok"
        case .failed: "failed"
        case .allowedError: "failed (allowed)"
        case .skipped: "skipped"
        case .notRun: "not run"
        }
    }

    private static func timestamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        return formatter.string(from: date)
    }

    private static let style = """
        body { font: 15px/1.5 -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: #1d1d1f; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
        h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
        .meta { color: #666; margin-top: 0; }
        table { border-collapse: collapse; margin: 0.8rem 0; }
        th, td { border-bottom: 1px solid #ddd; padding: 0.2rem 0.8rem 0.2rem 0; text-align: left; }
        table.cells a { color: inherit; text-decoration: none; }
        td.ok, .status.ok { color: #1a7f37; }
        td.failed, .status.failed { color: #c62828; font-weight: bold; }
        td.allowed_error, .status.allowed_error { color: #b26a00; }
        td.not_run, td.skipped, .status.not_run, .status.skipped { color: #888; }
        section { margin: 1.4rem 0; }
        section.code { border-left: 3px solid #ccd; padding-left: 0.8rem; }
        section.code.failed { border-left-color: #c62828; }
        section.code.not_run, section.code.skipped { opacity: 0.6; }
        .head { display: flex; gap: 1rem; font-size: 0.85rem; color: #555; }
        .head .label { font-weight: bold; color: #1d1d1f; }
        .head .line { margin-left: auto; }
        pre { background: #f6f8fa; padding: 0.6rem 0.8rem; white-space: pre-wrap; overflow-wrap: anywhere; border-radius: 4px; font: 13px/1.4 "DejaVu Sans Mono", Menlo, monospace; }
        pre.output { background: #fff; border: 1px solid #e3e3e3; }
        pre.output.failed { border-color: #e5a0a0; }
        figure { margin: 0.8rem 0; }
        figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
        figcaption { font-size: 0.8rem; color: #666; }
        code { font-family: "DejaVu Sans Mono", Menlo, monospace; font-size: 0.92em; }
        div.result { overflow-x: auto; margin: 0.8rem 0; }
        table.result { font-size: 0.9rem; font-variant-numeric: tabular-nums; margin: 0; }
        table.result th, table.result td { padding: 0.15rem 0.6rem; }
        table.result caption { text-align: left; font-weight: bold; padding-bottom: 0.3rem; white-space: nowrap; }
        table.result th.number, table.result td.number { text-align: right; }
        table.result td.number { white-space: pre; font-family: "DejaVu Sans Mono", Menlo, monospace; font-size: 0.85rem; }
        table.result td.omitted { color: #666; font-style: italic; }
        div.result + p.note { font-size: 0.85rem; color: #555; margin-top: -0.4rem; }
        blockquote { border-left: 3px solid #ddd; margin-left: 0; padding-left: 1rem; color: #555; }
        @media print {
          body { max-width: none; margin: 0; }
          div.result { overflow: visible; }
          table.result { font-size: 0.7rem; max-width: 100%; }
          table.result th, table.result td, table.result td.number { white-space: normal; overflow-wrap: anywhere; padding: 0.1rem 0.3rem; }
        }
        """
}
