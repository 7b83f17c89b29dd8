import Foundation
import Testing
import TestSupport

/// A statement left unfinished at the `...>` prompt: Ctrl-D ends it where it stands and
/// reports it, as lua and python do; Ctrl-C drops it and leaves nothing of it in the history.
/// Ctrl-D at an empty `jnb>` leaves the shell a line of its own.
@Suite(.serialized) struct UnfinishedStatementTests {
    @Test func ctrlDOnAContinuationLineReportsTheStatementAndGoesOn() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let history = dir.path + "/history"
        let t = try Terminal(directory: dir, history: history)
        #expect(t.wait(for: "jnb>"))
        try t.type("x = (1 +")
        try t.press("Enter")
        #expect(t.wait(for: "...>"))
        try t.press("C-d")
        #expect(t.wait(for: "error: expected a value after '+', found the end of the input; the '(' at 1:5 is not closed\n  x = (1 +\n          ^\njnb>"))
        #expect(!t.hasExited)
        try t.type("print 6 * 7")
        try t.press("Enter")
        #expect(t.wait(for: "\n42\n"))
        try t.type("x")
        try t.press("Enter")
        #expect(t.wait(for: "unknown name 'x'"))
        // Reported, not dropped: the lines are in the history, to be mended.
        let saved = try String(contentsOfFile: history, encoding: .utf8)
        #expect(saved.contains("\nx\\040=\\040(1\\040+\n"))
    }

    @Test func ctrlCOnAContinuationLineLeavesNothingInTheHistory() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let history = dir.path + "/history"
        let t = try Terminal(directory: dir, history: history)
        #expect(t.wait(for: "jnb>"))
        try t.type("l = [1,")
        try t.press("Enter")
        #expect(t.wait(for: "...>"))
        try t.type("2,")
        try t.press("C-c")
        // Type on once the fresh prompt is there (the terminal discards keys typed before it
        // has handled ^C).
        #expect(t.wait { $0.split(separator: "\n").last == "jnb>" })
        try t.type("y = 3")
        try t.press("Enter")
        #expect(t.wait(for: "jnb> y = 3\njnb>"))
        let saved = try String(contentsOfFile: history, encoding: .utf8)
        #expect(saved == "_HiStOrY_V2_\ny\\040=\\0403\n")
    }

    @Test func ctrlDAtAnEmptyPromptEndsTheLine() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let t = try Terminal(directory: dir, history: dir.path + "/history", afterExit: "echo \"exit status $?\"")
        #expect(t.wait(for: "jnb>"))
        try t.press("C-d")
        #expect(t.wait(20) { _ in t.hasExited })
        #expect(t.lines.contains("exit status 0"))
    }
}
