import Foundation
import Testing
import TestSupport

/// `jnb run --summary/--report`: the files are checked before the first cell runs, never
/// the notebook, and always written once the replay has started, so none describes an
/// older run.
@Suite struct ReplayRecordTests {
    private func run(_ arguments: [String], in directory: URL) throws -> Tools.Result {
        try Tools.run(CommandLineTests.jnb, arguments, environment: ["JNB_HISTORY": "/dev/null"], currentDirectory: directory)
    }

    static let notebook = "# %% one\nsave (table x=[1]) \"t.csv\"\n# %% two\nprint 2\n"

    private func folder(_ text: String = Self.notebook) throws -> URL {
        let dir = try Fixtures.temporaryDirectory()
        try text.write(to: dir.appendingPathComponent("n.jnb"), atomically: true, encoding: .utf8)
        return dir
    }

    @Test func theNotebookOrOneFileForBothIsAUsageError() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir.path + "/link.json", withDestinationPath: "n.jnb")
        let cases: [([String], String)] = [
            (["--report", "n.jnb"], "error: --report n.jnb is the notebook itself; give the name of another file"),
            (["--summary", "./sub/../n.jnb"], "error: --summary ./sub/../n.jnb is the notebook itself; give the name of another file"),
            (["--summary", "link.json"], "error: --summary link.json is the notebook itself; give the name of another file"),
            (["--report", "same.out", "--summary", "same.out"], "error: --summary and --report both name same.out; give each its own file"),
        ]
        for (options, message) in cases {
            let result = try run(["run", "n.jnb"] + options, in: dir)
            #expect(result.status == 64, "\(options)")
            #expect(result.stderr == message + "\n", "\(options)")
            #expect(result.stdout.isEmpty, "\(options)")
        }
        #expect(try String(contentsOf: dir.appendingPathComponent("n.jnb"), encoding: .utf8) == Self.notebook)
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/t.csv") && !FileManager.default.fileExists(atPath: dir.path + "/same.out"))
    }

    @Test func aDestinationThatCannotBeWrittenStopsTheReplayBeforeTheFirstCell() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try run(["run", "n.jnb", "--summary", "s.json", "--report", "n.jnb/r.html"], in: dir)
        #expect(result.status == 74)
        #expect(result.stderr == "error: cannot write n.jnb/r.html: n.jnb is a file, not a folder\n")
        #expect(result.stdout.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/t.csv"), "no cell ran")
        // Missing folders are made before the replay, as they would be after it.
        let made = try run(["run", "n.jnb", "--summary", "a/b/s.json"], in: dir)
        #expect(made.status == 0)
        #expect(FileManager.default.fileExists(atPath: dir.path + "/a/b/s.json"))
    }

    @Test func aReplayStoppedByABadCellOptionReplacesTheOldSummaryAndReport() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try run(["run", "n.jnb", "--summary", "s.json", "--report", "r.html"], in: dir).status == 0)
        try Self.notebook.replacingOccurrences(of: "# %% two", with: "# %% two timeout=soon")
            .write(to: dir.appendingPathComponent("n.jnb"), atomically: true, encoding: .utf8)
        #expect(try run(["run", "n.jnb", "--summary", "s.json", "--report", "r.html"], in: dir).status == 65)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: dir.appendingPathComponent("s.json"))) as? [String: Any])
        #expect(json["exit_code"] as? Int == 65)
        let cells = try #require(json["cells"] as? [[String: Any]])
        #expect(cells.map { $0["status"] as? String } == ["not_run", "failed"])
        #expect(try String(contentsOf: dir.appendingPathComponent("r.html"), encoding: .utf8).contains("exit status 65"))
    }
}
