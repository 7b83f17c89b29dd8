import Foundation
import HDF5
import Testing
import TestSupport

@Suite struct DatasetRoundTripTests {
    @Test func chunkedGzipDatasetReadsBackRowRanges() throws {
        let dir = try Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("rows.h5").path
        let values = (0..<(10 * 3 * 2)).map { Float($0) * 0.5 }
        try H5File.writeAtomically(path) { file in
            try file.write(values, to: "grid", shape: [10, 3, 2], chunks: [4, 3, 2], deflateLevel: 4)
        }
        let file = try H5File.open(path)
        let dataset = try file.dataset("grid")
        #expect(dataset.shape == [10, 3, 2])
        #expect(dataset.chunkShape == [4, 3, 2])
        #expect(dataset.filters == ["deflate"])
        #expect(dataset.element == .float(bits: 32))
        #expect(try dataset.read(Float.self) == values)
        #expect(try dataset.read(Float.self, rows: 3..<7) == Array(values[18..<42]))
        // The same data converted to double by HDF5.
        #expect(try dataset.read(Double.self, rows: 9..<10) == values[54..<60].map(Double.init))
    }

    @Test func readingOutsideTheRowsIsAnError() throws {
        let dir = try Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("small.h5").path
        try H5File.writeAtomically(path) { try $0.write([1, 2, 3] as [Float], to: "x") }
        let dataset = try H5File.open(path).dataset("x")
        #expect(throws: HDF5Error.self) { try dataset.read(Float.self, rows: 2..<5) }
    }

    @Test func missingDatasetNamesFileAndDataset() throws {
        let dir = try Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("one.h5").path
        try H5File.writeAtomically(path) { try $0.write([1] as [Int64], to: "a") }
        let file = try H5File.open(path)
        #expect(file.contains("a"))
        #expect(!file.contains("b"))
        #expect(!file.contains("b/c"))
        let error = try #require(throws: HDF5Error.self) { try file.dataset("b") }
        #expect(error.description == "\(path): dataset 'b': not found in the file")
        #expect(try file.rootNames() == ["a"])
    }

    @Test func nestedDatasetPathsCreateTheirGroups() throws {
        let dir = try Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("nested.h5").path
        try H5File.writeAtomically(path) { file in
            try file.write([1, 2, 3, 4] as [Double], to: "layers/0/weight", shape: [2, 2])
        }
        let file = try H5File.open(path)
        #expect(file.contains("layers/0/weight"))
        #expect(try file.dataset("layers/0/weight").read(Double.self) == [1, 2, 3, 4])
        #expect(try file.rootNames() == ["layers"])
    }
}
