import Foundation
import Testing
import TestSupport

/// The examples in docs/NOTEBOOKS.md are what `jnb run` does and prints.
@Suite struct NotebookDocsExampleTests {
    static let docs = Fixtures.packageRoot.appendingPathComponent("docs/NOTEBOOKS.md")

    private func run(_ arguments: [String], in directory: URL) throws -> Tools.Result {
        try Tools.run(CommandLineTests.jnb, arguments, environment: ["JNB_HISTORY": "/dev/null"], currentDirectory: directory)
    }

    /// The text with times taken out ("failed 0.00 s" → "failed").
    private func untimed(_ text: String) -> String {
        text.replacingOccurrences(of: #" [0-9]+\.[0-9]+ s"#, with: "", options: .regularExpression)
    }

    /// The notebook at the top of the page replays on the fixture's jets.
    @Test func theExampleNotebookRuns() throws {
        let text = try String(contentsOf: Self.docs, encoding: .utf8)
        let notebook = try #require(text.components(separatedBy: "```\n").dropFirst().first)
        #expect(notebook.hasPrefix("# %% [markdown]\n"))
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try notebook.write(to: dir.appendingPathComponent("process.jnb"), atomically: true, encoding: .utf8)
        let result = try run(["run", "process.jnb", "--set", "data=" + Fixtures.pythia4k.path], in: dir)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("process.jnb: 2 code cells: 2 ok in "))
        #expect(FileManager.default.fileExists(atPath: dir.path + "/figures/average_background.svg"))
    }

    /// The failed replay of step 3 and the summary of it: the error's place, line and caret.
    @Test func theFailedReplayAndItsSummaryAreWhatJnbPrints() throws {
        #expect(!FileManager.default.fileExists(atPath: "/data/jet-images.hdf5"))
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let notebook = "# %% [markdown]\n# # Training\n\n# %% load\njets = load data\nprint jets\n\n# %% split\nparts = split jets\n"
            + "# %% model\nae = autoencoder [625, 10, 625]\n# %% train\nfit ae parts.train epochs=1\n"
        try notebook.write(to: dir.appendingPathComponent("train.jnb"), atomically: true, encoding: .utf8)
        let result = try run(["run", "train.jnb", "--set", "data=/data/jet-images.hdf5", "--summary", "s.json"], in: dir)
        #expect(result.status == 74)
        let text = try String(contentsOf: Self.docs, encoding: .utf8)
        #expect(untimed(text).contains("```\n[1/4] load\n" + untimed(result.stderr)))
        #expect(result.stderr.hasPrefix("error: train.jnb:5:13: load: /data/jet-images.hdf5: no such file\n"))
        let summary = try String(contentsOf: dir.appendingPathComponent("s.json"), encoding: .utf8)
        let error = try #require(summary.range(of: "      \"error\" : {").map { start in
            summary[start.lowerBound...].prefix { $0 != "}" }
        })
        #expect(error.contains("\"column\" : 13,"))
        #expect(text.contains(error))
    }
}
