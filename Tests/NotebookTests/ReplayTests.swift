import Foundation
import Testing
import Notebook
import Script
import TestSupport

@Suite struct ReplayTests {
    private func replay(_ text: String, _ options: ReplayOptions = ReplayOptions(), set: [String: Value] = [:])
        throws -> (result: ReplayResult, terminal: String, session: Session) {
        let terminal = CapturedOutput()
        let session = Session(output: terminal)
        for (name, value) in set { try session.define(name, value) }
        let document = try NotebookReader.parse(text, file: "n.jnb")
        let result = try Replay(session: session, terminal: terminal).run(document, options: options)
        return (result, terminal.text, session)
    }

    private func statuses(_ result: ReplayResult) -> [CellResult.Status] {
        result.cells.filter { $0.cell.kind == .code }.map(\.status)
    }

    /// The terminal text with the times taken out ("ok 0.00 s" → "ok").
    private func untimed(_ text: String) -> String {
        text.replacingOccurrences(of: #" [0-9]+\.[0-9]+ s"#, with: "", options: .regularExpression)
    }

    static let notebook = """
        # %% [markdown]
        # # A notebook
        # %% first
        a = 1
        print "a is" a
        # %% second
        b = a + [1]
        # %% third
        c = 3
        """

    @Test func stopsAtTheFirstFailingCell() throws {
        let r = try replay(Self.notebook)
        #expect(r.result.exitCode == 70)
        #expect(statuses(r.result) == [.ok, .failed, .notRun])
        #expect(untimed(r.terminal) == """
            [1/3] first
            a is 1
            ok
            [2/3] second
            error: n.jnb:7:5: cannot apply '+' to a number and a list
              b = a + [1]
                  ^^^^^^^
            failed  n.jnb:7 (cell "second")
            n.jnb: 3 code cells: 1 ok, 1 failed, 1 not run in

            """)
        #expect(r.session.value("c") == nil)
        #expect(r.result.cells[2].output == "error: n.jnb:7:5: cannot apply '+' to a number and a list\n  b = a + [1]\n      ^^^^^^^\n")
    }

    @Test func continueRunsEveryCell() throws {
        let r = try replay(Self.notebook, ReplayOptions(continueAfterFailure: true))
        #expect(r.result.exitCode == 70)
        #expect(statuses(r.result) == [.ok, .failed, .ok])
        #expect(r.session.value("c") != nil)
    }

    @Test func allowedErrorsDoNotFailTheReplay() throws {
        let r = try replay(Self.notebook.replacingOccurrences(of: "# %% second", with: "# %% second allow_error=true"))
        #expect(r.result.exitCode == 0)
        #expect(statuses(r.result) == [.ok, .allowedError, .ok])
        #expect(r.terminal.contains("failed as allowed (allow_error=true)"))
    }

    @Test func skippedCellsDoNotRun() throws {
        let r = try replay(Self.notebook.replacingOccurrences(of: "# %% second", with: "# %% second skip=true"))
        #expect(r.result.exitCode == 0)
        #expect(statuses(r.result) == [.ok, .skipped, .ok])
        // The headers count the skipped cell, as the closing line does.
        #expect(r.terminal.contains("[1/3] first") && r.terminal.contains("[2/3] second skipped (skip=true)") && r.terminal.contains("[3/3] third"))
        #expect(r.terminal.contains("n.jnb: 3 code cells: 2 ok, 1 skipped in "))
    }

    @Test func anInvalidCellStopsEverythingBeforeItStarts() throws {
        let text = "# %% one\nx = 1\n# %% two\nfti x epochs=3\n"
        let r = try replay(text)
        #expect(r.result.exitCode == 65)
        #expect(statuses(r.result) == [.notRun, .failed])
        #expect(r.session.value("x") == nil)
        #expect(r.terminal.contains("error: n.jnb:4:1: unknown command 'fti'; did you mean 'fit'?"))
        #expect(r.terminal.contains("nothing ran: a cell has an error that stops the notebook before it starts"))
        let continued = try replay(text, ReplayOptions(continueAfterFailure: true))
        #expect(continued.result.exitCode == 65)
        #expect(statuses(continued.result) == [.ok, .failed])
    }

    @Test func theCheckErrorsAreAttachedToTheirCells() throws {
        let r = try replay("# %% one\nx = 1\n# %% two\nfti x epochs=3\n# %% three\nprint (1 +\n")
        #expect(r.result.exitCode == 65)
        #expect(statuses(r.result) == [.notRun, .failed, .failed])
        let error = try #require(r.result.cells[1].error)
        #expect(error.category == .syntax && error.span?.line == 4 && error.span?.column == 1)
        #expect(r.result.cells[1].output == "error: n.jnb:4:1: unknown command 'fti'; did you mean 'fit'?\n  fti x epochs=3\n  ^^^\n")
        #expect(r.result.cells[2].error?.span?.line == 6)
        // The summary and the report carry them.
        let json = try #require(try JSONSerialization.jsonObject(with: ReplaySummary.json(r.result)) as? [String: Any])
        let cells = try #require(json["cells"] as? [[String: Any]])
        #expect(cells.map { $0["status"] as? String } == ["not_run", "failed", "failed"])
        let failure = try #require(cells[1]["error"] as? [String: Any])
        #expect(failure["category"] as? String == "syntax" && failure["line"] as? Int == 4 && failure["column"] as? Int == 1)
        #expect(ReplayReport.html(r.result).contains("<pre class=\"output failed\">error: n.jnb:4:1: unknown command 'fti'; did you mean 'fit'?\n  fti x epochs=3\n  ^^^</pre>"))
    }

    @Test func everyBadCellOptionIsReportedInOnePass() throws {
        let text = "# %% a timeout=5\nprint 1\n# %% b timeout=-1\nprint 2\n# %% c timeout=nan allow_error=true\nprint 3\n# %% d\nfti 4\n"
        for options in [ReplayOptions(), ReplayOptions(continueAfterFailure: true), ReplayOptions(cells: ["a"])] {
            let r = try replay(text, options)
            #expect(r.result.exitCode == 65)
            #expect(statuses(r.result) == [.notRun, .failed, .failed, options.cells == nil ? .failed : .notRun])
            #expect(!r.terminal.contains("[1/"), "nothing ran")
            #expect(r.terminal.contains("""
                error: n.jnb:3:8: cell option timeout must be a number of seconds > 0, got '-1'
                  # %% b timeout=-1
                         ^^^^^^^^^^
                error: n.jnb:5:8: cell option timeout must be a number of seconds > 0, got 'nan'
                  # %% c timeout=nan allow_error=true
                         ^^^^^^^^^^^
                """))
        }
    }

    @Test func selectingCells() throws {
        #expect(statuses(try replay(Self.notebook, ReplayOptions(cells: ["first", "3"])).result) == [.ok, .notRun, .ok])
        #expect(statuses(try replay(Self.notebook, ReplayOptions(from: "third"), set: ["a": .number(1)]).result) == [.notRun, .notRun, .ok])
        #expect(throws: ReplayUsageError.self) { try replay(Self.notebook, ReplayOptions(cells: ["fourth"])) }
        #expect(throws: ReplayUsageError(description: "--cells names no cell; give cell names or numbers, comma-separated")) {
            try replay(Self.notebook, ReplayOptions(cells: []))
        }
        let document = try NotebookReader.parse(Self.notebook, file: "n.jnb")
        #expect(throws: ReplayUsageError(description: "no cell '4' in n.jnb; its code cells are 1 \"first\", 2 \"second\", 3 \"third\"")) {
            try Replay.selection(document, ReplayOptions(from: "4"))
        }
        // --cells and --from together: the cells of --cells from --from on; none left is refused.
        #expect(try Replay.selection(document, ReplayOptions(cells: ["1", "3"], from: "2")) == [3])
        #expect(throws: ReplayUsageError(description: "--cells selects cell 1, all before --from third (cell 3): no cell is left to run")) {
            try Replay.selection(document, ReplayOptions(cells: ["first"], from: "third"))
        }
    }

    /// A whole number is a code cell's number, even when another cell is named like it: the
    /// duplicate-name warning's advice (the numbers) selects the cells it means.
    @Test func aNumberSelectsThatCellEvenWhereACellIsNamedLikeIt() throws {
        let document = try NotebookReader.parse("# %% a\nprint 1\n# %% train\nprint 2\n# %% train\nprint 3\n# %% 2\nprint 4\n", file: "n.jnb")
        #expect(try Replay.selection(document, ReplayOptions(cells: ["2"])) == [2])
        #expect(try Replay.selection(document, ReplayOptions(from: "2")) == [2, 3, 4])
        #expect(throws: ReplayUsageError(description: "no cell '5' in n.jnb; its code cells are 1 \"a\", 2 \"train\", 3 \"train\", 4 \"2\"")) {
            try Replay.selection(document, ReplayOptions(cells: ["5"]))
        }
        let empty = try NotebookReader.parse("# %% [markdown]\n# text\n", file: "e.jnb")
        #expect(throws: ReplayUsageError(description: "no cell '1' in e.jnb; it has no code cells")) {
            try Replay.selection(empty, ReplayOptions(cells: ["1"]))
        }
    }

    @Test func aNameOfTwoCellsSelectsNeither() throws {
        let document = try NotebookReader.parse("# %% a\n# %% b\nx = 1\n# %% a\nprint 1\n", file: "n.jnb")
        let error = ReplayUsageError(description: "'a' names 2 cells in n.jnb: 1 (line 1) and 3 (line 4); give the number of the one to run")
        #expect(throws: error) { try Replay.selection(document, ReplayOptions(cells: ["a"])) }
        #expect(throws: error) { try Replay.selection(document, ReplayOptions(from: "a")) }
        #expect(try Replay.selection(document, ReplayOptions(cells: ["3"])) == [3])
    }

    @Test func definitionsComeBeforeTheFirstCell() throws {
        let r = try replay("# %% a\nprint data\n", set: ["data": .string("jets.h5")])
        #expect(r.result.cells[0].output == "jets.h5\n")
    }

    @Test func setValuesOverrideTheParametersCell() throws {
        let text = "# %% [parameters]\ndata = \"builtin\"\nn = 100\n# %% use\nprint data n\n"
        let given = try replay(text, set: ["n": .number(7)])
        #expect(given.result.cells[1].output == "builtin 7\n")
        #expect(given.result.cells[0].output == "parameters from --set: n = 7\n")
        #expect(given.result.cells[0].cell.options.parameters)
        // A --set name the cell does not declare (a typo, or one meant for another notebook)
        // is said apart, and still defined.
        let stray = try replay(text, set: ["n": .number(7), "epohcs": .number(3)])
        #expect(stray.result.cells[0].output
                == "parameters from --set: n = 7\n--set names that are not parameters of this notebook (its parameters: data, n), defined all the same: epohcs\n")
        let defaults = try replay(text)
        #expect(defaults.result.cells[1].output == "builtin 100\n")
        #expect(defaults.result.cells[0].output.isEmpty)
        // A plain cell that assigns the same name keeps its own value.
        let plain = try replay("# %% defaults\nn = 100\n# %% use\nprint n\n", set: ["n": .number(7)])
        #expect(plain.result.cells[1].output == "100\n")
    }

    @Test func setValuesTakeTheTypeOfTheirLiteralDefault() throws {
        let terminal = CapturedOutput()
        let session = Session(output: terminal)
        let given = ["out": "007", "n": "6_000", "seed": " 1e3 ", "shift": "-2_0", "data": "builtin ", "k": "007", "label": "'a b'", "fast": "true"]
        for (name, text) in given { try session.define(name, literal: text) }
        let document = try NotebookReader.parse("""
            # %% [parameters]
            out = "out"
            n = 100
            seed = 1
            shift = -1
            data = "x"
            k = 2 * 3
            label = "l"
            fast = false
            # %% use
            print 1
            """, file: "n.jnb")
        _ = try Replay(session: session, terminal: terminal).run(document)
        let values = Dictionary(uniqueKeysWithValues: given.keys.map { ($0, session.value($0)?.summary ?? "missing") })
        #expect(values == ["out": "\"007\"", "n": "6000", "seed": "1000", "shift": "-20", "data": "\"builtin\"",
                           "k": "7", "label": "\"a b\"", "fast": "true"])
    }

    @Test func aNotebookWithoutCodeCellsSaysSo() throws {
        for text in ["", "# %% [markdown]\n# # Only text\n"] {
            let r = try replay(text)
            #expect(r.result.exitCode == 0)
            #expect(r.terminal == "n.jnb: no code cells, nothing to run\n")
        }
    }

    @Test func quitEndsTheReplay() throws {
        let r = try replay("# %% a\nquit\n# %% b\nx = 1\n")
        #expect(statuses(r.result) == [.ok, .notRun])
    }

    @Test func aTimeoutStopsALongCell() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A cell that runs a file of a thousand statements twenty thousand times takes a minute.
        let step = dir.appendingPathComponent("step.jnb").path
        try String(repeating: "n = n + 1\n", count: 1000).write(toFile: step, atomically: true, encoding: .utf8)
        let cell = String(repeating: "run \"\(step)\"\n", count: 20_000)
        let start = Date()
        let r = try replay("# %% setup\nn = 0\n# %% long timeout=0.3\n" + cell + "# %% after\nx = 1\n", ReplayOptions(continueAfterFailure: true))
        #expect(Date().timeIntervalSince(start) < 10) // the whole cell would take a minute or more
        #expect(statuses(r.result) == [.ok, .failed, .notRun])
        #expect(r.result.exitCode == 130)
        #expect(r.result.cells[1].error?.message == "the cell ran longer than its timeout of 0.30 s and was stopped")
        // Statements before the stop kept their effect; the session is intact.
        if case .number(let n)? = r.session.value("n") { #expect(n >= 0 && n < 20_000_000) } else { Issue.record("n is gone") }
    }
}
