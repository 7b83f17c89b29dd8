import Foundation
import Testing
import Notebook
import Script

/// `allow_error=true` also covers errors found when the notebook is checked before it runs
/// (an unknown argument name): the cell fails as allowed when its turn comes, the others run.
@Suite struct AllowedCheckErrorTests {
    static let notebook = "# %% a\nprint 1\n# %% b allow_error=true\nx = 2\nsplit x trian=0.8\n# %% c\nprint 3\n"
    static let diagnostic = """
        error: n.jnb:5:9: split has no argument 'trian'; did you mean 'train'? (its arguments are jets, train, test, seed)
          split x trian=0.8
                  ^^^^^
        """

    private func replay(_ text: String) throws -> (result: ReplayResult, terminal: String) {
        let terminal = CapturedOutput()
        let document = try NotebookReader.parse(text, file: "n.jnb")
        let result = try Replay(session: Session(output: terminal), terminal: terminal).run(document)
        return (result, terminal.text.replacingOccurrences(of: #" [0-9]+\.[0-9]+ s"#, with: "", options: .regularExpression))
    }

    @Test func theCellFailsAsAllowedInItsTurnAndTheReplayGoesOn() throws {
        let r = try replay(Self.notebook)
        #expect(r.result.exitCode == 0)
        #expect(r.result.cells.map(\.status) == [.ok, .allowedError, .ok])
        #expect(r.terminal == """
            [1/3] a
            1
            ok
            [2/3] b
            \(Self.diagnostic)
            failed as allowed (allow_error=true)  n.jnb:5 (cell "b")
            [3/3] c
            3
            ok
            n.jnb: 3 code cells: 2 ok, 1 failed as allowed in

            """)
    }

    @Test func theSummaryAndReportShowItsError() throws {
        let result = try replay(Self.notebook).result
        let json = try #require(try JSONSerialization.jsonObject(with: ReplaySummary.json(result)) as? [String: Any])
        #expect(json["status"] as? String == "ok")
        let cells = try #require(json["cells"] as? [[String: Any]])
        #expect(cells[1]["status"] as? String == "allowed_error")
        let error = try #require(cells[1]["error"] as? [String: Any])
        #expect(error["category"] as? String == "syntax")
        #expect(error["line"] as? Int == 5)
        #expect(error["column"] as? Int == 9)
        let html = ReplayReport.html(result)
        #expect(html.contains("<span class=\"status allowed_error\">failed (allowed)</span>"))
        #expect(html.contains("<pre class=\"output failed\">\(Self.diagnostic)</pre>"))
    }

    @Test func aCellWithoutAllowErrorStillStopsEverything() throws {
        let r = try replay(Self.notebook + "# %% d\nfti x\n")
        #expect(r.result.exitCode == 65)
        #expect(r.result.cells.map(\.status) == [.notRun, .notRun, .notRun, .notRun])
        #expect(r.terminal.contains("error: n.jnb:9:1: unknown command 'fti'"))
        #expect(!r.terminal.contains("trian"))
        #expect(r.terminal.contains("nothing ran: a cell has an error that stops the notebook before it starts"))
    }
}
