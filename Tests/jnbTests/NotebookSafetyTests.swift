import Foundation
import Testing
import TestSupport

/// A notebook from someone else is data: replay runs jnb statements only (there is no shell
/// escape to switch off) and writes only the files its commands name.
@Suite struct NotebookSafetyTests {
    private func replay(_ notebook: String, in dir: URL, home: URL) throws -> Tools.Result {
        try notebook.write(to: dir.appendingPathComponent("n.jnb"), atomically: true, encoding: .utf8)
        return try Tools.run(CommandLineTests.jnb, ["run", "n.jnb"],
                             environment: ["HOME": home.path, "JNB_HISTORY": home.path + "/history"], currentDirectory: dir)
    }

    /// Every file and folder under `dir`, relative to it.
    private func listing(_ dir: URL) throws -> [String] {
        try FileManager.default.subpathsOfDirectory(atPath: dir.path).sorted()
    }

    @Test func shellEscapesAreNotTheLanguage() throws {
        let dir = try Fixtures.temporaryDirectory(), home = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir); try? FileManager.default.removeItem(at: home) }
        // What other notebooks and shells use to run a command, one per cell: each is an error
        // found before any cell runs, and none creates the file.
        let escapes = ["!touch pwned", "%sx touch pwned", "$(touch pwned)", "`touch pwned`", "x = system \"touch pwned\"",
                       "x = shell(\"touch pwned\")", "x = exec \"touch pwned\""]
        let cells = escapes.enumerated().map { "# %% escape \($0.offset)\n\($0.element)\n" }.joined()
        let result = try replay("# %% one\nprint \"first cell\"\n" + cells, in: dir, home: home)
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").filter { $0.hasPrefix("error: n.jnb:") }.count == escapes.count, "\(result.stderr)")
        #expect(!result.stdout.contains("first cell"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/pwned"))

        // `run` runs jnb files only: a shell script in it is jnb text with an unknown command.
        try "touch pwned\n".write(to: dir.appendingPathComponent("pwned.sh"), atomically: true, encoding: .utf8)
        let script = try replay("# %% one\nrun \"pwned.sh\"\n", in: dir, home: home)
        #expect(script.status == 65, "\(script.stderr)")
        #expect(script.stderr.contains("unknown command 'touch'"), "\(script.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/pwned"))
    }

    @Test func replayWritesOnlyTheFilesItsCommandsName() throws {
        let dir = try Fixtures.temporaryDirectory(), home = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir); try? FileManager.default.removeItem(at: home) }
        let notebook = """
            # %% data
            jets = load "\(Fixtures.pythia4k.path)" rows=0:500
            # %% outputs
            save (table m=jets.jet_mass) "out/m.csv"
            hist jets.jet_mass save="figures/m.svg"
            save (autoencoder [625, 8, 625]) "models/ae.h5"
            save jets "out/jets.h5"

            """
        let result = try replay(notebook, in: dir, home: home)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try listing(dir) == ["figures", "figures/m.svg", "models", "models/ae.h5", "n.jnb", "out", "out/jets.h5", "out/m.csv"])
        // Nothing in the home folder: replay keeps no history and no settings.
        #expect(try listing(home).isEmpty)
    }
}
