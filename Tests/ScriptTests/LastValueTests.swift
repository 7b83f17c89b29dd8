import Foundation
import Testing
import Script
import TestSupport

/// `ans`: the value of the last statement that showed one, so a figure or a value shown but
/// not assigned can still be used. Assignments leave it as it is (as in MATLAB), and a
/// variable the user names `ans` takes its place, so scripts that had one keep working.
@Suite struct LastValueTests {
    @Test func aShownFigureCanBeSavedAfterwards() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = Session(output: CapturedOutput())
        let result = session.execute("""
            jets = simulate n=200 seed=1
            hist jets.jet_mass
            save ans "\(dir.path)/m.svg"
            """)
        #expect(result.error == nil)
        let svg = try String(contentsOfFile: dir.path + "/m.svg", encoding: .utf8)
        #expect(svg.contains("<svg"))
    }

    @Test func assignmentsAndFailuresLeaveItAsItIs() {
        let output = CapturedOutput()
        let session = Session(output: output)
        _ = session.execute("2 * 21\nx = 5\nprint ans")
        #expect(output.text == "42\n42\n")
        // print gives no value; a failing statement changes nothing.
        _ = session.execute("[1, 2][5]")
        _ = session.execute("ans + x")
        #expect(output.text.hasSuffix("47\n"))
        _ = session.execute("ans - 1; ans - 1")
        #expect(output.text.hasSuffix("46\n45\n"))
    }

    @Test func beforeAnyValueItSaysWhatItIs() throws {
        let error = try #require(Session(output: CapturedOutput()).execute("x = 1\nans").error)
        #expect(error.message == "'ans' has no value yet: it holds the value of the last statement that showed one (an assignment does not set it)")
        #expect(error.span?.line == 2)
    }

    @Test func aVariableNamedAnsTakesItsPlace() {
        let output = CapturedOutput()
        let session = Session(output: output)
        _ = session.execute("ans = 7\n1 + 1\nprint ans")
        #expect(output.text == "2\n7\n")
        #expect(session.value("ans") != nil)
    }

    @Test func varsHelpAndCompletionKnowIt() {
        let output = CapturedOutput()
        let session = Session(output: output)
        #expect(session.completions(before: "an").candidates.isEmpty)
        _ = session.execute("help ans")
        #expect(output.text.hasPrefix("ans has no value yet.\nans is the value of the last statement"))
        _ = session.execute("[1, 2, 3]")
        #expect(session.completions(before: "an").candidates == ["ans"])
        #expect(session.completions(before: "ans.c").candidates == ["ans.count"])
        _ = session.execute("vars")
        #expect(output.text.hasSuffix("ans  list  [1, 2, 3]\n"))
        _ = session.execute("help ans")
        #expect(output.text.contains("ans is a list: [1, 2, 3]\nans is the value of the last statement"))
        // It is not a variable of the session: a notebook's --set values are only the user's.
        #expect(session.variableNames.isEmpty)
    }
}
