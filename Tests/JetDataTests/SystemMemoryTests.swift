import Foundation
import JetData
import Testing
import TestSupport

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

    @Test func sizesReadAsDecimalUnitsUpToExabytes() {
        #expect(SystemMemory.format(0) == "0 bytes")
        #expect(SystemMemory.format(1) == "1 byte")
        #expect(SystemMemory.format(999) == "999 bytes")
        #expect(SystemMemory.format(2_500) == "2.5 kB")
        #expect(SystemMemory.format(2_544_000) == "2.5 MB")
        #expect(SystemMemory.format(5_000_000) == "5 MB")
        #expect(SystemMemory.format(10_300_000) == "10.3 MB")
        #expect(SystemMemory.format(258_400_000) == "258 MB")
        // Rounding up to 1000 of a unit reads as the next unit.
        #expect(SystemMemory.format(999_960_000) == "1 GB")
        #expect(SystemMemory.format(99_960_000_000) == "100 GB")
        #expect(SystemMemory.format(2_588_000_000_000) == "2.6 TB")
        #expect(SystemMemory.format(24_700_000_000) == "24.7 GB")
        #expect(SystemMemory.format(2_544_000_000_000_000) == "2.5 PB")
        #expect(SystemMemory.format(Int.max) == "9.2 EB")
    }

    @Test func suggestedCountsKeepTwoSignificantDigits() {
        #expect(SystemMemory.roundedDown(0) == 0)
        #expect(SystemMemory.roundedDown(7) == 7)
        #expect(SystemMemory.roundedDown(99) == 99)
        #expect(SystemMemory.roundedDown(1_962) == 1_900)
        #expect(SystemMemory.roundedDown(9_707_547) == 9_700_000)
    }

    /// A file may claim 2^62 jets (its dataspace holds that, its chunks are never written):
    /// the need overflowed and trapped; now it is refused, with the rows that fit in what
    /// this machine has.
    @Test func aFileClaimingTwoToTheSixtySecondJetsIsRefusedWithRowsThatFit() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("huge.h5").path
        let made = try Tools.run(Tools.systemPython, ["-c", """
            import h5py, sys
            n = 2**62
            with h5py.File(sys.argv[1], 'w') as f:
                f.create_dataset('image', shape=(n, 25, 25), dtype='f4', chunks=(1, 25, 25), maxshape=(None, 25, 25))
                for k in ['signal','jet_pt','jet_eta','jet_phi','jet_mass','jet_delta_R','tau_1','tau_2','tau_3','tau_21','tau_32']:
                    f.create_dataset(k, shape=(n,), dtype='f4', chunks=(1024,), maxshape=(None,))
            """, path])
        try #require(made.status == 0, "\(made.stderr)")
        // What is available moves while the test runs: take it before and after.
        let before = try #require(SystemMemory.availableBytes())
        let error = try #require(throws: JetDataError.self) { try JetFile.read(path, threads: 2) }
        let after = try #require(SystemMemory.availableBytes())
        let text = error.description
        #expect(text.hasPrefix("loading 4,611,686,018,427,387,904 jets from \(path) needs about 9.2 EB of memory, but only "), "\(text)")
        let rows = try #require(text.split(separator: "rows=0:").last.flatMap { Int($0) }, "\(text)")
        let bytesPerJet = (625 + 11) * 4
        #expect(rows == SystemMemory.roundedDown(rows), "\(text)")
        #expect(rows * bytesPerJet <= max(before, after), "\(text)")
        // Two significant digits lose at most a tenth.
        #expect(rows * bytesPerJet >= min(before, after) * 8 / 10, "\(text)")
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
