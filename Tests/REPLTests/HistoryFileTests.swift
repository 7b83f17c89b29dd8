import Foundation
import Testing
import TestSupport

/// Without JNB_HISTORY the history is `.jnb_history` in `$HOME`, the home folder `~/` means
/// for every file name, not the one in the password database.
@Suite(.serialized) struct HistoryFileTests {
    @Test func theHistoryGoesToTheHomeFolderOfHOME() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let home = dir.appendingPathComponent("home").path
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        // An empty JNB_HISTORY counts as unset.
        var terminal: Terminal? = try Terminal(directory: dir, history: "", environment: ["HOME": home])
        guard let t = terminal else { return }
        #expect(t.wait(for: "jnb>"))
        try t.type("history_probe = 1")
        try t.press("Enter")
        try t.press("C-d")
        #expect(t.wait(20) { _ in t.hasExited })
        let saved = try String(contentsOfFile: home + "/.jnb_history", encoding: .utf8)
        #expect(saved.contains("history_probe\\040=\\0401"))
        terminal = nil
    }
}
