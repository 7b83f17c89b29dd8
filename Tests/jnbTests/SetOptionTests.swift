import Foundation
import Testing
import TestSupport

/// `--set` given twice for one name is refused; a name one slip away from a parameter is
/// warned about with the parameter it probably means; a `--set` value that a script or an
/// ordinary cell assigns over is warned about at that assignment.
@Suite struct SetOptionTests {
    private func run(_ arguments: [String], in directory: URL) throws -> Tools.Result {
        let jnb = CommandLineTests.jnb
        return try Tools.run(jnb, arguments, environment: ["JNB_HISTORY": "/dev/null"], currentDirectory: directory)
    }

    @Test func aNameGivenTwiceIsAUsageError() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "# %% [parameters]\nn = 1\n# %% a\nprint n\n".write(to: dir.appendingPathComponent("p.jnb"), atomically: true, encoding: .utf8)
        let twice = try run(["run", "p.jnb", "--set", "n=5", "--set", "n=7"], in: dir)
        #expect(twice.status == 64)
        #expect(twice.stderr == "error: --set n is given twice (n=5 and n=7); give it once\n")
        let typo = try run(["run", "p.jnb", "--set", "nn=5"], in: dir)
        #expect(typo.status == 0)
        #expect(typo.stderr.contains("warning: --set nn is not a parameter of p.jnb; did you mean 'n'?"), "\(typo.stderr)")
        #expect(typo.stdout.contains("defined all the same: nn"))
    }

    private static let replaced = "is replaced by this assignment; only a notebook's [parameters] cell takes --set values in place of its own"

    @Test func aScriptThatAssignsASetNameIsWarnedAboutOnce() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // format is assigned twice (one warning), n is read before it is assigned (none).
        try "print \"start\"\nformat = \"svg\"\nn = n * 2\nformat = \"pdf\"\nprint format n\n"
            .write(to: dir.appendingPathComponent("sc.jnb"), atomically: true, encoding: .utf8)
        let script = try run(["run", "sc.jnb", "--set", "format=jpg", "--set", "n=3"], in: dir)
        #expect(script.status == 0)
        #expect(script.stderr == "warning: sc.jnb:2:1: --set format=jpg \(Self.replaced)\n", "\(script.stderr)")
        #expect(script.stdout.contains("pdf 6"), "what runs is unchanged: \(script.stdout)")

        let command = try run(["-c", "format = \"svg\"; print format", "--set", "format=jpg"], in: dir)
        #expect(command.status == 0)
        #expect(command.stderr == "warning: <command line>:1:1: --set format=jpg \(Self.replaced)\n", "\(command.stderr)")
        #expect(command.stdout == "svg\n")
        let reading = try run(["-c", "print format", "--set", "format=jpg"], in: dir)
        #expect(reading.stderr.isEmpty && reading.stdout == "jpg\n")
    }

    @Test func anOrdinaryCellThatAssignsASetNameIsWarnedAbout() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        // n is a parameter, assigned again later (its value used as the notebook says): no
        // warning; out is not one, and the cell "b" throws its --set value away.
        try "# %% [parameters]\nn = 1\n# %% a\nn = n + 1\nprint n\n# %% b\nout = \"figs\"\nprint out\n"
            .write(to: dir.appendingPathComponent("p.jnb"), atomically: true, encoding: .utf8)
        let replay = try run(["run", "p.jnb", "--set", "n=5", "--set", "out=plots"], in: dir)
        #expect(replay.status == 0)
        #expect(replay.stderr == "warning: p.jnb:7:1: --set out=plots \(Self.replaced)\n", "\(replay.stderr)")
        #expect(replay.stdout.contains("6\n") && replay.stdout.contains("figs\n"))
        // Left out by --cells, cell b assigns nothing.
        let partial = try run(["run", "p.jnb", "--cells", "1,2", "--set", "out=plots"], in: dir)
        #expect(partial.status == 0)
        #expect(!partial.stderr.contains("replaced"), "\(partial.stderr)")
    }
}
