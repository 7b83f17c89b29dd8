import Foundation
import Testing
import TestSupport

/// Ctrl-C on a half-typed line drops it, and the line stays on the screen marked `^C` after
/// its last character (wherever the cursor was), as bash shows it, before a fresh prompt.
@Suite(.serialized) struct CtrlCMarkTests {
    @Test func aDroppedLineIsMarked() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let t = try Terminal(directory: dir, history: dir.path + "/history")
        #expect(t.wait(for: "jnb>"))
        try t.type("x = 12345")
        // Each key once the last has been handled: keys still queued when ^C arrives are
        // discarded by the terminal.
        #expect(t.wait(for: "jnb> x = 12345"))
        // The cursor in the middle of the line: the mark still goes after the whole line.
        try t.press("Left")
        try t.press("Left")
        #expect(t.wait(20) { _ in t.cursorColumn == 12 })
        try t.press("C-c")
        #expect(t.wait { $0.contains("jnb> x = 12345^C\njnb>") }, "\(t.screen)")
        // The line was dropped, not run, and the next one runs as typed.
        try t.type("print 6 * 7")
        try t.press("Enter")
        #expect(t.wait(for: "jnb> print 6 * 7\n42\njnb>"))
        try t.type("x")
        try t.press("Enter")
        #expect(t.wait(for: "unknown name 'x'"))
        // On an empty line too, as bash.
        #expect(t.wait { $0.hasSuffix("\njnb>\n") || $0.split(separator: "\n").last == "jnb>" })
        try t.press("C-c")
        #expect(t.wait { $0.contains("\njnb> ^C\njnb>") }, "\(t.screen)")
    }
}
