import Foundation
import HDF5
import Testing
import TestSupport

@Suite struct ParallelChunkReadTests {
    /// The Pythia fixture is chunked (500, 4, 4): 25 is not a multiple of 4, so edge chunks
    /// are partly outside the dataset, which is what the scatter must get right.
    @Test(arguments: [0..<4000, 0..<1, 730..<1777, 3999..<4000, 499..<501])
    func agreesWithHDF5sOwnRead(rows: Range<Int>) throws {
        let dataset = try H5File.open(Fixtures.pythia4k.path).dataset("image")
        #expect(dataset.supportsParallelRead)
        let expected = try dataset.read(Float.self, rows: rows)
        var parallel = [Float](repeating: -1, count: expected.count)
        try parallel.withUnsafeMutableBufferPointer { try dataset.readInParallel(rows: rows, into: $0, threads: 2) }
        #expect(parallel == expected)
    }

    @Test func gzipFileWrittenByJnbWithWholeChunks() throws {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("g.h5").path
        let values = (0..<(37 * 5 * 3)).map { Float($0 % 11) * 0.25 }
        try H5File.writeAtomically(path) { file in
            try file.write(values, to: "x", shape: [37, 5, 3], chunks: [8, 5, 3], deflateLevel: 6)
        }
        let dataset = try H5File.open(path).dataset("x")
        var out = [Float](repeating: 0, count: 20 * 15)
        try out.withUnsafeMutableBufferPointer { try dataset.readInParallel(rows: 17..<37, into: $0, threads: 3) }
        #expect(out == Array(values[17 * 15..<37 * 15]))
    }

    @Test func otherLayoutsFallBackToAnOrdinaryRead() throws {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("c.h5").path
        let values = (0..<60).map { Float($0) }
        try H5File.writeAtomically(path) { try $0.write(values, to: "x", shape: [12, 5]) }
        let dataset = try H5File.open(path).dataset("x")
        #expect(!dataset.supportsParallelRead)
        var out = [Float](repeating: 0, count: 60)
        try out.withUnsafeMutableBufferPointer { try dataset.readInParallel(rows: 0..<12, into: $0, threads: 2) }
        #expect(out == values)
    }
}
