import Foundation
import Testing
import TestSupport

/// Characters beyond ASCII typed at the prompt (σ, é, μ, ², −) are edited, run and kept in
/// the history as they are in a file, whether the locale says UTF-8 or nothing at all.
@Suite(.serialized) struct UTF8PromptTests {
    @Test(arguments: [true, false])
    func typedCharactersSurviveEditingRunningAndTheHistory(localeIsUTF8: Bool) throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let history = dir.path + "/history"
        let unsetting = ["LC_ALL", "LC_CTYPE"] + (localeIsUTF8 ? [] : ["LANG"])
        var terminal: Terminal? = try Terminal(directory: dir, history: history,
                                               environment: localeIsUTF8 ? ["LANG": "C.UTF-8"] : [:], unsetting: unsetting)
        guard let t = terminal else { return }
        #expect(t.wait(for: "jnb>"))

        try t.type("s = \"2σ é μ ² −\"")
        try t.press("Enter")
        try t.type("print s s.count")
        try t.press("Enter")
        #expect(t.wait(for: "\n2σ é μ ² − 10\n"))

        // Backspace removes σ whole, and ← steps over μ as one character.
        try t.type("print \"aσ")
        try t.press("BSpace")
        try t.type("b\"")
        try t.press("Enter")
        #expect(t.wait(for: "\nab\n"))
        try t.type("print \"μz\"")
        for _ in 0..<3 { try t.press("Left") }
        try t.type("τ")
        try t.press("Enter")
        #expect(t.wait(for: "\nτμz\n"))

        try t.press("C-d")
        #expect(t.wait(20) { _ in t.hasExited })
        let saved = try String(contentsOfFile: history, encoding: .utf8)
        #expect(saved.contains("\ns\\040=\\040\"2σ\\040é\\040μ\\040²\\040−\"\n"))
        #expect(saved.contains("\nprint\\040\"τμz\"\n"))
        terminal = nil

        // A new session reaches those lines with the up arrow and runs them again.
        let again = try Terminal(directory: dir, history: history,
                                 environment: localeIsUTF8 ? ["LANG": "C.UTF-8"] : [:], unsetting: unsetting)
        #expect(again.wait(for: "jnb>"))
        for _ in 0..<4 { try again.press("Up") }
        #expect(again.wait(for: "jnb> s = \"2σ é μ ² −\""))
        try again.press("Enter")
        try again.type("print s.count")
        try again.press("Enter")
        #expect(again.wait(for: "\n10\n"))
    }
}
