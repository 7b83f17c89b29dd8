import Foundation
import HDF5
import Testing
import TestSupport

@Suite struct AtomicWriteTests {
    struct Stop: Error {}

    @Test func failedWriteKeepsThePreviousFileAndLeavesNoTemporary() throws {
        let dir = try Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("model.h5").path
        try H5File.writeAtomically(path) { try $0.write([1, 2, 3] as [Float], to: "v") }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))

        #expect(throws: Stop.self) {
            try H5File.writeAtomically(path) { file in
                try file.write([9, 9, 9, 9] as [Float], to: "v")
                throw Stop()
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["model.h5"])
    }

    @Test func missingFolderIsReportedBeforeWriting() throws {
        let dir = try Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("no/such/folder/x.h5").path
        let error = try #require(throws: HDF5Error.self) {
            try H5File.writeAtomically(path) { try $0.write([1] as [Float], to: "v") }
        }
        #expect(error.description.contains("does not exist"))
    }

    @Test func writingOverADirectoryIsRefused() throws {
        let dir = try Fixtures.temporaryDirectory()
        let target = dir.appendingPathComponent("out.h5")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let error = try #require(throws: HDF5Error.self) {
            try H5File.writeAtomically(target.path) { try $0.write([1] as [Float], to: "v") }
        }
        #expect(error.description == "\(target.path): cannot write: it is a directory")
    }
}
