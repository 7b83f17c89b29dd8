import Foundation
import Testing
import TestSupport

/// A setting from the environment that jnb cannot use is not ignored silently: jnb says so in
/// one line on standard error when it starts, once, and carries on without it.
@Suite(.serialized) struct EnvironmentWarningTests {
    static let memoryWarning = "warning: JNB_AVAILABLE_MEMORY=abc is not a size (expected a number of bytes, or a number followed by k, M, G or T, powers of 1000, e.g. 500M or 1.5G); ignored\n"

    private func run(_ arguments: [String], memory: String, stdin: String? = nil, in directory: URL? = nil) throws -> Tools.Result {
        try Tools.run(CommandLineTests.jnb, arguments, stdin: stdin,
                      environment: ["JNB_HISTORY": "/dev/null", "JNB_AVAILABLE_MEMORY": memory], currentDirectory: directory)
    }

    @Test func aMemoryOverrideThatIsNotASizeIsNamedOnceAndIgnored() throws {
        // simulate checks its allocation against the machine's figure instead.
        let statements = try run(["-c", "jets = simulate n=10\nprint jets.count"], memory: "abc")
        #expect(statements.status == 0)
        #expect(statements.stdout == "10\n")
        #expect(statements.stderr == Self.memoryWarning)

        let script = try run([], memory: "abc", stdin: "print 1\n")
        #expect(script.stdout == "1\n")
        #expect(script.stderr == Self.memoryWarning)

        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "# %% one\nprint 2\n".write(to: dir.appendingPathComponent("n.jnb"), atomically: true, encoding: .utf8)
        let notebook = try run(["run", "n.jnb"], memory: "abc", in: dir)
        #expect(notebook.status == 0)
        #expect(notebook.stderr == Self.memoryWarning)
    }

    @Test func aSizeOrAnEmptyValueGivesNoWarning() throws {
        for memory in ["5M", "1.5G", "123456", ""] {
            let result = try run(["-c", "print 1"], memory: memory)
            #expect(result.stdout == "1\n")
            #expect(result.stderr.isEmpty, "\(memory): \(result.stderr)")
        }
    }

    @Test func aHistoryFileThatCannotBeWrittenIsNamedAtThePrompt() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("not a folder".utf8).write(to: dir.appendingPathComponent("notes"))
        let t = try Terminal(directory: dir, history: "notes/history")
        #expect(t.wait(for: "jnb>"))
        #expect(t.lines.contains("warning: the history will not be saved: cannot write notes/history: notes is a file, not a folder"),
                "\(t.screen)")
        #expect(t.screen.components(separatedBy: "warning:").count == 2)
        try t.type("print 6 * 7")
        try t.press("Enter")
        #expect(t.wait(for: "\n42\n"))
        #expect(try String(contentsOf: dir.appendingPathComponent("notes"), encoding: .utf8) == "not a folder")
    }

    @Test func aWritableHistoryOrDevNullGivesNoWarning() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for history in ["new/folder/history", "/dev/null"] {
            let t = try Terminal(directory: dir, history: history)
            #expect(t.wait(for: "jnb>"))
            try t.type("print 1")
            try t.press("Enter")
            #expect(t.wait(for: "\n1\njnb>"))
            #expect(!t.screen.contains("warning"), "\(history): \(t.screen)")
        }
        // The trial write left nothing behind; the first line made the folders and the file.
        #expect(FileManager.default.fileExists(atPath: dir.path + "/new/folder/history"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path + "/new/folder") == ["history"])
    }
}
