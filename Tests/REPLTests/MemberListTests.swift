import Foundation
import Testing
import TestSupport

/// Tab twice after a `.` lists the members by name, as bash lists the files of a folder and
/// IPython the members of a value: the same list after a variable (`jets.`), an element
/// (`jets[0].`), a slice (`jets[0:10].`) or a command's call (`mass(jets).`), never the
/// expression before the dot (`jets.count`) nor a bare dot (`.index`).
@Suite(.serialized) struct MemberListTests {
    static let jetVariables = ["jet_delta_R", "jet_eta", "jet_mass", "jet_phi", "jet_pt", "tau_1", "tau_2", "tau_21", "tau_3", "tau_32"]
    static let jetSetMembers = Set(["count", "nbackground", "nsignal", "origin", "signal"] + jetVariables)
    static let jetMembers = Set(["index", "signal"] + jetVariables)

    @Test func membersAreListedByName() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let t = try Terminal(directory: dir, history: dir.path + "/history")
        #expect(t.wait(for: "jnb>"))
        try t.type("jets = simulate n=20 seed=1")
        try t.press("Enter")
        #expect(t.wait { $0.split(separator: "\n").last == "jnb>" })

        /// Types `typed`, presses Tab twice and returns the words listed under the line, once
        /// `expected` are; the line is then cleared.
        func listed(after typed: String, expected: Set<String>) throws -> Set<String> {
            try t.press("C-l")
            #expect(t.wait { $0.split(separator: "\n").first == "jnb>" })
            try t.type(typed)
            try t.press("Tab")
            try t.press("Tab")
            var words: Set<String> = []
            _ = t.wait { screen in
                let lines = screen.split(separator: "\n").map(String.init)
                // The list stands between the line typed and the prompt drawn again below it.
                guard let start = lines.firstIndex(where: { $0.hasPrefix("jnb> ") }),
                      let end = lines.lastIndex(where: { $0.hasPrefix("jnb> ") }), end > start else { return false }
                words = Set(lines[(start + 1)..<end].flatMap { $0.split(separator: " ").map(String.init) })
                return words == expected
            }
            try t.press("C-u")
            return words
        }

        #expect(try listed(after: "jets.", expected: Self.jetSetMembers) == Self.jetSetMembers)
        #expect(try listed(after: "jets[0].", expected: Self.jetMembers) == Self.jetMembers)
        #expect(try listed(after: "jets[0:10].", expected: Self.jetSetMembers) == Self.jetSetMembers)
        #expect(try listed(after: "x = jets[-1].", expected: Self.jetMembers) == Self.jetMembers)
        let partial = Set(Self.jetVariables.filter { $0.hasPrefix("jet_") })
        #expect(try listed(after: "print jets[jets.jet_mass > 60].jet_", expected: partial) == partial)
        let means: Set = ["mean", "mean_error", "median"]
        #expect(try listed(after: "mass(jets).me", expected: means) == means)
    }
}
