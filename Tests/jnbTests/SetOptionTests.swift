import Foundation
import Testing
import TestSupport

/// `--set` given twice for one name is refused; a name one slip away from a parameter is
/// warned about with the parameter it probably means.
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
}
