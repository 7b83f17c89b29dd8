import Foundation
import Testing
import TestSupport

/// `blas` reports the threads per product training will use, whatever ran before it:
/// scoring and reconstructing use one thread per product while they run and put the count back.
@Suite struct BLASReportTests {
    @Test func inferenceLeavesTheThreadCountAsItFoundIt() throws {
        let jnb = CommandLineTests.jnb
        let result = try Tools.run(jnb, ["-c", """
            blas
            jets = load fixture rows=0:300
            ae = autoencoder [625, 16, 625]
            l = loss ae jets
            out = reconstruct ae jets
            blas
            """, "--set", "fixture=\(Fixtures.pythia4k.path)"], environment: ["JNB_HISTORY": "/dev/null"])
        #expect(result.status == 0, "\(result.stderr)")
        let reports = result.stdout.split(separator: "\n").filter { $0.contains("per product") }
        #expect(reports.count == 2 && reports[0] == reports[1], "\(result.stdout)")
    }
}
