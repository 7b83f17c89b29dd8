import Foundation
import JetData
import Testing

/// The memory figure jnb checks allocations against, and its override.
@Suite struct SystemMemoryTests {
    @Test func overrideValuesAreBytesWithOptionalUnits() {
        #expect(SystemMemory.parse("12345") == 12345)
        #expect(SystemMemory.parse("500k") == 500_000)
        #expect(SystemMemory.parse("200M") == 200_000_000)
        #expect(SystemMemory.parse(" 1.5G ") == 1_500_000_000)
        #expect(SystemMemory.parse("lots") == nil)
        #expect(SystemMemory.parse("-1G") == nil)
        #expect(SystemMemory.parse("") == nil)
    }

    @Test func loadingCountsTheJetsAndTwoChunkBuffersPerThread() {
        let jets = 400 * (625 + 10 + 1) * 4
        #expect(JetFile.memoryNeeded(jets: 400, chunkBytes: nil, threads: 2) == jets)
        #expect(JetFile.memoryNeeded(jets: 400, chunkBytes: 1_000_000, threads: 2) == jets + 4_000_000)
        #expect(JetFile.memoryNeeded(jets: 400, chunkBytes: 1_000_000, threads: 0) == jets + 2_000_000)
        // Chunk dimensions from a damaged file can multiply past Int.max.
        #expect(JetFile.memoryNeeded(jets: 400, chunkBytes: Int.max / 3, threads: 2) == Int.max)
        // So can the number of jets a file claims.
        #expect(JetFile.memoryNeeded(jets: 1 << 62, chunkBytes: nil, threads: 2) == Int.max)
        #expect(JetFile.memoryNeeded(jets: 1 << 62, chunkBytes: 100_000, threads: 2) == Int.max)
    }

    @Test func theMachineSaysHowMuchIsAvailable() throws {
        // Without the override (the test runner does not set it) the figure is /proc/meminfo's.
        guard ProcessInfo.processInfo.environment[SystemMemory.overrideVariable] == nil else { return }
        let bytes = try #require(SystemMemory.availableBytes())
        #expect(bytes > 0)
        #expect(throws: JetDataError.self) {
            try SystemMemory.check(bytes: Int.max, for: "a test", suggestion: "ask for less")
        }
    }
}
