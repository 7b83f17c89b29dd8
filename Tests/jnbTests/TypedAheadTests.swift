import Foundation
import Testing
import TestSupport

/// Keys typed while a command runs, on a real pseudo-terminal (tmux): between prompts the
/// terminal is in its line-by-line mode, where Ctrl-D is held as an end-of-input mark rather
/// than as a key, so it has to be read before libedit takes the terminal over again.
@Suite(.serialized) struct TypedAheadTests {
    @Test func aLineAndCtrlDTypedDuringACommandRunAfterIt() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let t = try Terminal(directory: dir, history: "/dev/null", afterExit: "echo status=$?; sleep 60")
        #expect(t.wait(for: "jnb>"))
        try t.type("x = simulate n=40000 seed=1")
        try t.press("Enter")
        // Typed while the progress bar shows, so surely while the command runs.
        #expect(t.wait(60) { $0.contains("ETA") })
        try t.type("print 6 * 7")
        try t.press("Enter")
        try t.press("C-d")
        #expect(t.wait(120) { $0.contains("status=") })
        #expect(t.screen.contains("jnb> print 6 * 7\n42\n"))
        #expect(t.screen.contains("status=0"))
    }
}
