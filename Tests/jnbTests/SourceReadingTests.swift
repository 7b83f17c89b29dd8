import Foundation
import Testing
import TestSupport

/// How jnb reads a script or notebook: a lone CR (old Mac line ends) ends a line, a path that
/// cannot be reached says why, and an endless source (a device, a pipe that never closes) is
/// refused at 64 MiB instead of filling the memory.
@Suite struct SourceReadingTests {
    @Test func loneCarriageReturnsEndLines() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("cr.jnb").path
        try Data("# %% one\rx = 1\rprint x + 1\r# %% two\rprint x + 2\r".utf8).write(to: URL(fileURLWithPath: path))
        let result = try Tools.run(CommandLineTests.jnb, ["run", path], environment: ["JNB_HISTORY": "/dev/null"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\n2\n") && result.stdout.contains("\n3\n"))
        #expect(result.stdout.hasSuffix("cr.jnb: 2 code cells: 2 ok in 0.00 s\n") || result.stdout.contains(": 2 code cells: 2 ok"))
        let piped = try Tools.run(CommandLineTests.jnb, [], stdin: "x = 4\rprint x * 2\r", environment: ["JNB_HISTORY": "/dev/null"])
        #expect(piped.status == 0 && piped.stdout == "8\n", "\(piped.stderr)")
    }

    /// A path that cannot be reached says why, as jet and model files do.
    @Test func anUnreachableSourceSaysWhy() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let loop = dir.appendingPathComponent("loop.jnb").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: "loop.jnb")
        let dangling = dir.appendingPathComponent("gone.jnb").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: "nowhere.jnb")
        for (path, reason) in [(loop, "too many levels of symbolic links (a link that loops?)"),
                               (dangling, "a symbolic link to a file that does not exist")] {
            let result = try Tools.run(CommandLineTests.jnb, ["run", path], environment: ["JNB_HISTORY": "/dev/null"])
            #expect(result.status == 74)
            #expect(result.stderr == "error: \(path): \(reason)\n")
        }
    }

    @Test func anEndlessSourceIsRefused() throws {
        let result = try Tools.run(CommandLineTests.jnb, ["run", "/dev/zero"], environment: ["JNB_HISTORY": "/dev/null"])
        #expect(result.status == 74)
        #expect(result.stderr == "error: /dev/zero: more than 64 MiB; a script or notebook is text of at most that size\n")
    }
}
