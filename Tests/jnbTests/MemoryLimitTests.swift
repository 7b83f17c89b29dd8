import Foundation
import Testing
import TestSupport

/// Before jnb allocates for a file, a network, training, a reconstruction or simulated jets,
/// it estimates the bytes and refuses what the machine does not have, with a smaller request
/// to try. The tests set what is available with JNB_AVAILABLE_MEMORY (5 MB here) instead of
/// exhausting the machine; the variables made before the refusal survive it.
@Suite struct MemoryLimitTests {
    static let limit = "5M"
    static let prelude = "keep = 1\njets = load \"jets.h5\" rows=0:1000\nae = autoencoder [625, 16, 625]"

    static let cases: [(what: String, statement: String, expect: String)] = [
        ("load a file", "x = load \"jets.h5\"",
         "case.jnb:6:5: load: loading 4,000 jets from jets.h5 needs about 10.3 MB of memory, but only 5 MB is available; load a row range, e.g. rows=0:1900"),
        ("make a network", "x = autoencoder [625, 100000, 625]",
         "case.jnb:6:5: autoencoder: an autoencoder of 125,100,625 parameters needs about 500 MB of memory, but only 5 MB is available; use narrower layers"),
        ("train", "fit ae jets batch=1000 epochs=1",
         "case.jnb:6:1: fit: training with batch 1000 needs about "),
        ("reconstruct", "x = reconstruct ae jets",
         "case.jnb:6:5: reconstruct: reconstructing 1,000 jets needs about "),
        ("simulate", "x = simulate n=1000000",
         "case.jnb:6:5: simulate: simulating 1,000,000 jets needs about 2.6 GB of memory, but only 5 MB is available; simulate at most about 1,900 jets at a time, e.g. n=1900"),
        ("simulate a huge number", "x = simulate n=1e12",
         "case.jnb:6:5: simulate: simulating 1,000,000,000,000 jets needs about 2.6 PB of memory, but only 5 MB is available; simulate at most about 1,900 jets at a time, e.g. n=1900"),
    ]

    @Test func refusedBeforeAllocatingWithASmallerRequest() throws {
        let results = try concurrently(Self.cases.count) { index in
            let c = Self.cases[index]
            let dir = try Fixtures.temporaryDirectory()
            defer { try? FileManager.default.removeItem(at: dir) }
            try FileManager.default.createSymbolicLink(atPath: dir.path + "/jets.h5", withDestinationPath: Fixtures.pythia4k.path)
            try "# %% before\n\(Self.prelude)\n# %% case\n\(c.statement)\n# %% after\nprint \"after:\" keep jets.count ae.parameters\n"
                .write(toFile: dir.path + "/case.jnb", atomically: true, encoding: .utf8)
            return try Tools.run(CommandLineTests.jnb, ["run", "case.jnb", "--continue"],
                                 environment: ["JNB_HISTORY": "/dev/null", "JNB_AVAILABLE_MEMORY": Self.limit], currentDirectory: dir)
        }.map { try $0.get() }
        var rows = ["| allocation | statement | exit | message |", "| --- | --- | --- | --- |"]
        for (c, result) in zip(Self.cases, results) {
            let errors = result.stderr.split(separator: "\n").filter { $0.hasPrefix("error: ") }.map { String($0.dropFirst("error: ".count)) }
            #expect(result.status == 70, "\(c.what): \(result.stderr)")
            #expect(errors.count == 1 && errors[0].hasPrefix(c.expect), "\(c.what): \(errors)")
            #expect(errors.first?.contains("but only 5 MB is available") == true, "\(c.what)")
            #expect(result.stdout.contains("after: 1 1000 20641\n"), "\(c.what): \(result.stdout)")
            rows.append("| \(c.what) | \(DocsTable.code(c.statement)) | \(result.status) | \(DocsTable.code(errors.first ?? "")) |")
        }
        try DocsTable.check("memory-table", rows.joined(separator: "\n") + "\n")
    }
}
