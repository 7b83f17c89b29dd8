import Foundation
import Testing
import TestSupport

/// `--set ans=…` would hide the last shown value for the whole run: it is a usage error
/// wherever `--set` is taken (a notebook or a plain script replayed by `jnb run`, `-c`, a
/// script on standard input), and nothing runs.
@Suite struct SetLastValueTests {
    @Test func ansCannotBeSet() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "# %% [parameters]\nn = 1\n# %% a\nn + 1\n# %% b\nprint ans\n".write(to: dir.appendingPathComponent("p.jnb"), atomically: true, encoding: .utf8)
        try "print \"ran\"\n2 * 3\n".write(to: dir.appendingPathComponent("s.jnb"), atomically: true, encoding: .utf8)
        let cases: [([String], String?)] = [
            (["run", "p.jnb", "--set", "ans=5"], nil),
            (["run", "p.jnb", "--set", "n=2", "--set", "ans=x"], nil),
            (["--set", "ans=5", "run", "s.jnb"], nil),
            (["-c", "print \"ran\"", "--set", "ans=5"], nil),
            (["--set", "ans=5"], "print \"ran\"\n"),
        ]
        for (arguments, stdin) in cases {
            let result = try Tools.run(CommandLineTests.jnb, arguments, stdin: stdin,
                                       environment: ["JNB_HISTORY": "/dev/null"], currentDirectory: dir)
            let definition = try #require(arguments.first { $0.hasPrefix("ans") })
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr == "error: --set \(definition): 'ans' is the last shown value (help ans) and cannot be set\n", "\(arguments)")
            #expect(result.stdout.isEmpty, "\(arguments)")
        }
    }
}
