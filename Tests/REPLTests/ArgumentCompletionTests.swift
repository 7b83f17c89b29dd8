import Foundation
import Testing
import TestSupport

/// Tab at the prompt completes an argument's choices inside their quotes, closing them, and
/// offers only the arguments not yet given, in order or by name; on a continuation line it
/// knows the command opened on an earlier line.
@Suite(.serialized) struct ArgumentCompletionTests {
    @Test func choicesCompleteInsideTheirQuotes() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // A file starting with t: file names are not what a choice offers.
        _ = FileManager.default.createFile(atPath: dir.path + "/table.csv", contents: Data())
        let t = try Terminal(directory: dir, history: dir.path + "/history")
        #expect(t.wait(for: "jnb>"))

        // After `name=` the quote comes first, then the choices are listed without quotes.
        try t.type("ae = autoencoder [625, 625] activation=")
        try t.press("Tab")
        #expect(t.wait(for: "activation=\""))
        try t.press("Tab")
        #expect(t.wait { $0.split(separator: "\n").contains { $0.split(separator: " ") == ["leakyrelu", "linear", "relu", "tanh"] } })
        try t.type("t")
        try t.press("Tab")
        #expect(t.wait(for: "activation=\"tanh\""))
        // The string is closed: the statement runs instead of asking for more.
        try t.press("Enter")
        try t.type("print 1 + 1")
        try t.press("Enter")
        #expect(t.wait(for: "\n2\n"))
        #expect(!t.screen.contains("...>"))

        try t.type("fit ae jets schedule=\"c")
        try t.press("Tab")
        #expect(t.wait(for: "jnb> fit ae jets schedule=\"constant\""))
    }

    @Test func argumentsGivenInOrderAreNotOfferedAgain() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let t = try Terminal(directory: dir, history: dir.path + "/history")
        #expect(t.wait(for: "jnb>"))
        try t.type("bg = 1; parts = 2")
        try t.press("Enter")

        // split takes one argument in order: after it only the named ones, no variables.
        try t.type("split bg ")
        try t.press("Tab")
        try t.press("Tab")
        #expect(t.wait { $0.split(separator: "\n").contains { $0.split(separator: " ") == ["seed=", "test=", "train="] } })
        try t.press("C-u")

        try t.type("fit ae parts ")
        try t.press("Tab")
        try t.press("Tab")
        #expect(t.wait(for: "valid="))
        let listed = t.lines.filter { $0.contains("=") && !$0.hasPrefix("jnb>") }.flatMap { $0.split(separator: " ") }
        #expect(listed.contains("epochs=") && listed.contains("valid="))
        #expect(!listed.contains("model=") && !listed.contains("data="))
        #expect(listed.allSatisfy { $0.hasSuffix("=") })
    }

    @Test func aContinuationLineCompletesTheCommandOfEarlierLines() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let t = try Terminal(directory: dir, history: dir.path + "/history")
        #expect(t.wait(for: "jnb>"))

        /// Types `first`, Enter, then `typed` and Tab on the continuation line.
        func complete(_ first: String, then typed: String, showing expected: String) throws {
            try t.type(first)
            try t.press("Enter")
            #expect(t.wait(for: "...>"))
            try t.type(typed)
            try t.press("Tab")
            #expect(t.wait(for: "...> " + expected))
        }
        try complete("ae = autoencoder [625, 300, 100,", then: "300, 625] act", showing: "300, 625] activation=")
        try t.type("\"t")
        try t.press("Tab")
        #expect(t.wait(for: "...> 300, 625] activation=\"tanh\""))
        try t.press("Enter")
        #expect(t.wait { $0.split(separator: "\n").last == "jnb>" })

        try complete("fit(ae,", then: "parts.train, ep", showing: "parts.train, epochs=")
        try t.press("C-c")
        #expect(t.wait { $0.split(separator: "\n").last == "jnb>" })

        // A command inside brackets: `se` is its argument, not the command select.
        try complete("x = (autoencoder [625, 625]", then: "se", showing: "seed=")
    }
}
