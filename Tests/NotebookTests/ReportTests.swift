import Foundation
import Testing
import Notebook
import Script
import TestSupport

@Suite struct ReportTests {
    /// Replays `text` (in a fresh folder, so files it writes land there) and returns the result.
    private func replay(_ text: String, in dir: URL) throws -> ReplayResult {
        let session = Session(output: CapturedOutput())
        try session.define("dir", .string(dir.path))
        let document = try NotebookReader.parse(text, file: "report.jnb")
        return try Replay(session: session, terminal: CapturedOutput()).run(document, options: ReplayOptions(continueAfterFailure: true))
    }

    static let notebook = """
        # %% [markdown]
        # # Jet images <b>not bold</b>
        # Some *emphasis*, **strong** and `code`; a [link](https://example.org) and [bad](javascript:alert(1)).
        #
        # - one
        # - two
        #
        # | setup | m |
        # | --- | --- |
        # | 1 | 0.84 |
        # %% table
        t = table x=[1, 2]
        save t dir + "/t.csv"
        print "x < 3 & fine"
        # %% broken
        y = t + 1
        """

    @Test func summaryListsEveryCodeCell() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try replay(Self.notebook, in: dir)
        let json = try #require(try JSONSerialization.jsonObject(with: ReplaySummary.json(result)) as? [String: Any])
        #expect(json["notebook"] as? String == "report.jnb")
        #expect(json["status"] as? String == "failed")
        #expect(json["exit_code"] as? Int == 70)
        let cells = try #require(json["cells"] as? [[String: Any]])
        #expect(cells.map { $0["name"] as? String } == ["table", "broken"])
        #expect(cells.map { $0["status"] as? String } == ["ok", "failed"])
        #expect(cells[0]["files"] as? [String] == [dir.path + "/t.csv"])
        #expect(cells[0]["figures"] as? [String] == [])
        let error = try #require(cells[1]["error"] as? [String: Any])
        #expect(error["line"] as? Int == 16)
        #expect(error["column"] as? Int == 5)
        #expect(error["category"] as? String == "runtime")
        #expect((cells[0]["seconds"] as? Double).map { $0 >= 0 } == true)
    }

    @Test func reportRendersMarkdownEscapesTextAndIsWellFormed() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try replay(Self.notebook, in: dir)
        let html = ReplayReport.html(result)
        #expect(html.contains("<h1>Jet images &lt;b&gt;not bold&lt;/b&gt;</h1>"))
        #expect(html.contains("<em>emphasis</em>, <strong>strong</strong> and <code>code</code>"))
        #expect(html.contains("<a href=\"https://example.org\">link</a>"))
        #expect(html.contains("[bad](javascript:alert(1))"))
        #expect(html.contains("<ul><li>one</li><li>two</li></ul>"))
        #expect(html.contains("<table><thead><tr><th>setup</th><th>m</th></tr></thead><tbody><tr><td>1</td><td>0.84</td></tr></tbody></table>"))
        #expect(html.contains("<pre class=\"output\">wrote \(dir.path)/t.csv\nx &lt; 3 &amp; fine</pre>"))
        #expect(html.contains("<span class=\"status failed\">failed</span>"))
        #expect(html.contains("cannot apply '+' to a table and a number"))

        let path = dir.appendingPathComponent("report.html").path
        try ReplayReport.write(result, to: path)
        let lint = try Tools.run("xmllint", ["--noout", path])
        #expect(lint.status == 0, "xmllint: \(lint.stderr)")
    }

    @Test func theSetValuesAreRecordedInTheReportAndSummary() throws {
        let session = Session(output: CapturedOutput())
        try session.define("epochs", .number(3))
        try session.define("out", .string("run1"))
        let document = try NotebookReader.parse("# %% [parameters]\nepochs = 30\nout = \"out\"\n# %% use\nprint epochs\n", file: "p.jnb")
        let result = try Replay(session: session, terminal: CapturedOutput()).run(document)
        let html = ReplayReport.html(result)
        // The parameters cell shows what the terminal showed, and the header the values.
        #expect(html.contains("<pre class=\"output\">parameters from --set: epochs = 3, out = &quot;run1&quot;</pre>"))
        #expect(html.contains("<p class=\"meta parameters\">values from --set: <code>epochs = 3</code>, <code>out = &quot;run1&quot;</code></p>"))
        let json = try #require(try JSONSerialization.jsonObject(with: ReplaySummary.json(result)) as? [String: Any])
        let parameters = try #require(json["parameters"] as? [String: Any])
        #expect(parameters["epochs"] as? Double == 3)
        #expect(parameters["out"] as? String == "run1")
        #expect(parameters.count == 2)
        let none = try Replay(session: Session(output: CapturedOutput()), terminal: CapturedOutput()).run(document)
        #expect(!ReplayReport.html(none).contains("values from --set"))
        let noneJSON = try #require(try JSONSerialization.jsonObject(with: ReplaySummary.json(none)) as? [String: Any])
        #expect((noneJSON["parameters"] as? [String: Any])?.isEmpty == true)
    }

    @Test func longLinesWrapAndWideTablesFitInPrint() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let html = ReplayReport.html(try replay("# %% a\nprint 1\n", in: dir))
        let rules = html.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        // Code and output wrap (long words too) instead of scrolling out of sight.
        let pre = try #require(rules.first { $0.hasPrefix("pre {") })
        #expect(pre.contains("white-space: pre-wrap;") && pre.contains("overflow-wrap: anywhere;") && !pre.contains("overflow-x"))
        // In print, a wide table's cells wrap, so every column shows.
        let print = try #require(html.range(of: "@media print {")).upperBound
        #expect(html[print...].contains("div.result { overflow: visible; }"))
        #expect(html[print...].contains("table.result th, table.result td, table.result td.number { white-space: normal; overflow-wrap: anywhere;"))
    }

    @Test func figuresWrittenByACellAreEmbedded() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let svgPath = dir.appendingPathComponent("f.svg").path
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>"
        try svg.write(toFile: svgPath, atomically: true, encoding: .utf8)
        var result = try replay("# %% plot\nx = 1\n", in: dir)
        result.cells[0].filesWritten = [svgPath, dir.path + "/gone.svg"]
        result.cells[0].figureFiles = [svgPath: Data(svg.utf8)]
        let html = ReplayReport.html(result)
        #expect(html.contains("<img src=\"data:image/svg+xml;base64,\(Data(svg.utf8).base64EncodedString())\""))
        #expect(html.contains("figure file not found when the cell ended"))
    }

    @Test func eachFigureIsShownAsItsCellLeftIt() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // Both cells save to one file; the report shows each its own figure.
        let result = try replay("""
            # %% mass
            hist [1, 2, 2, 3] bins=3 title="MASS" save=(dir + "/same.svg")
            # %% pt
            hist [1, 2, 2, 3] bins=3 title="PT" save=(dir + "/same.svg")
            """, in: dir)
        let html = ReplayReport.html(result)
        let embedded = html.components(separatedBy: "data:image/svg+xml;base64,").dropFirst().map { part in
            String(decoding: Data(base64Encoded: String(part.prefix { $0 != "\"" })) ?? Data(), as: UTF8.self)
        }
        #expect(embedded.count == 2)
        #expect(embedded.first?.contains(">MASS<") == true)
        #expect(embedded.last?.contains(">PT<") == true)
    }

    @Test func figuresShownWithoutSavingAreEmbeddedToo() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try replay("# %% plot\nhist [1, 2, 2, 3] bins=3\n", in: dir)
        #expect(result.cells[0].shownFigures.count == 1)
        let svg = try #require(result.cells[0].shownFigures.first)
        let html = ReplayReport.html(result)
        #expect(html.contains("<img src=\"data:image/svg+xml;base64,\(Data(svg.utf8).base64EncodedString())\" alt=\"figure\" /><figcaption>not saved</figcaption>"))
    }

    @Test func tablesAreLaidOutAsHTMLTablesInTheOrderTheyCame() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = """
            # %% tables
            t = table title="Table 5.2 & more" setup=[1, 2] name=["a<b", "c"]
            print "before"
            print t
            print "between"
            t
            # %% long
            j = simulate n=60 seed=1
            table title="masses" m=mass(j)
            # %% broken
            print t
            y = t + 1
            """
        let result = try replay(text, in: dir)
        let cell = try #require(result.cells.first { $0.cell.name == "tables" })
        #expect(cell.output.contains("setup  name\n─────  ────\n    1  a<b"), "the terminal keeps the aligned text")
        #expect(cell.segments.count == 4)
        let html = ReplayReport.html(result)
        let table = "<div class=\"result\"><table class=\"result\">\n<caption>Table 5.2 &amp; more</caption>\n"
            + "<thead><tr><th class=\"number\">setup</th><th>name</th></tr></thead>\n<tbody>\n"
            + "<tr><td class=\"number\">1</td><td>a&lt;b</td></tr>\n<tr><td class=\"number\">2</td><td>c</td></tr>\n</tbody></table></div>"
        #expect(html.contains("<pre class=\"output\">before</pre>\n" + table + "\n<pre class=\"output\">between</pre>\n" + table + "\n</section>"))
        #expect(!html.contains("─────"), "no text rendering of a table in the report")

        let long = try #require(result.cells.first { $0.cell.name == "long" })
        #expect(long.segments.count == 1)
        #expect(html.components(separatedBy: "<td class=\"number\">").count - 1 == 3 * 2 + ReplayReport.maxTableRows, "t three times, 40 rows of the long one")
        #expect(html.contains("<td class=\"omitted\" colspan=\"1\">… 20 more rows … (every row: save the table to a .csv file)</td>"))

        // The error comes after the table, in the failed output.
        #expect(html.contains(table + "\n<pre class=\"output failed\">"))

        let path = dir.appendingPathComponent("report.html").path
        try ReplayReport.write(result, to: path)
        let lint = try Tools.run("xmllint", ["--noout", path])
        #expect(lint.status == 0, "xmllint: \(lint.stderr)")
    }

    /// A training history prints as a table, so the report shows it as one; the terminal
    /// keeps its text.
    @Test func aHistoryIsAnHTMLTable() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try replay("""
            # %% fit
            j = simulate n=100 seed=1
            ae = autoencoder [625, 8, 625] seed=1
            fit ae j epochs=2 valid=j threads=1 batch=50
            print ae.history
            ae.history
            """, in: dir)
        let cell = try #require(result.cells.first { $0.cell.name == "fit" })
        #expect(cell.error == nil)
        #expect(cell.output.contains("epoch  train"), "the terminal keeps the aligned text: \(cell.output)")
        let html = ReplayReport.html(result)
        #expect(html.components(separatedBy: "<caption>training history: 2 epochs").count - 1 == 2)
        #expect(html.contains("<th class=\"number\">epoch</th><th class=\"number\">train</th><th class=\"number\">valid</th>"))
        #expect(!html.contains("epoch  train"), "no text rendering of the history in the report")
    }

    /// A confusion matrix prints as a table too: its counts under their classes, its rates
    /// as the note under them; the terminal keeps its text.
    @Test func aConfusionMatrixIsAnHTMLTable() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try replay("""
            # %% matrix
            normal = table s=[0.1, 0.2, 0.6]
            anomalous = table s=[0.7, 0.9, 0.3, 0.8]
            c = confusion normal=normal.s anomalous=anomalous.s threshold=0.5
            print c
            c
            """, in: dir)
        let cell = try #require(result.cells.first { $0.cell.name == "matrix" })
        #expect(cell.error == nil, "\(cell.output)")
        #expect(cell.output.contains("  true anomalous"), "the terminal keeps the aligned text: \(cell.output)")
        let html = ReplayReport.html(result)
        let table = "<div class=\"result\"><table class=\"result\">\n<caption>confusion matrix at threshold 0.5</caption>\n"
            + "<thead><tr><th></th><th class=\"number\">pred. anomalous</th><th class=\"number\">pred. normal</th></tr></thead>\n<tbody>\n"
            + "<tr><td>true anomalous</td><td class=\"number\">3</td><td class=\"number\">1</td></tr>\n"
            + "<tr><td>true normal</td><td class=\"number\">1</td><td class=\"number\">2</td></tr>\n</tbody></table></div>\n"
            + "<p class=\"note\">accuracy 0.7143, balanced accuracy"
        #expect(html.components(separatedBy: table).count - 1 == 2, "\(html)")
        #expect(!html.contains("  true anomalous"), "no text rendering of the matrix in the report")
    }
}
