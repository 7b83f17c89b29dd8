import Foundation
import HDF5
import ModelFile
import Testing
import TestSupport
@_spi(Internals) import NeuralNet

/// Model files with values the loader once trapped on (found by the HDF5 fuzz target,
/// docs/FUZZING.md).
@Suite struct CorruptModelFileTests {
    /// `training_batch_size` of 9223372036854775807 (Int64.max): converting it through Double
    /// to Int trapped. Now it is an error naming the attribute. The fuzz input that found it
    /// also has a damaged attribute table on which HDF5 itself sometimes crashes, so the test
    /// makes the value in an intact file instead.
    @Test func aBatchSizeBeyondIntIsAnError() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("model.h5").path
        let (model, _) = try ModelFileTests.trainedModel()
        try ModelFile.save(model, to: path)
        let edit = "import h5py, numpy as np, sys\nwith h5py.File(sys.argv[1], 'r+') as f: f.attrs['training_batch_size'] = np.int64(2**63 - 1)"
        let edited = try Tools.run(Tools.systemPython, ["-c", edit, path])
        try #require(edited.status == 0, "\(edited.stderr)")
        let error = try #require(throws: HDF5Error.self) { try ModelFile.load(path) }
        #expect(error.description == "\(path): attribute 'training_batch_size' is missing or not a whole number")
    }

    /// Whole numbers stored as doubles too large for Int64 are not integers (they trapped).
    @Test func hugeWholeDoublesAreNotIntegers() {
        #expect(H5AttributeValue.doubles([1e30]).intValues == nil)
        #expect(H5AttributeValue.doubles([.infinity]).intValues == nil)
        #expect(H5AttributeValue.doubles([3, 4]).intValues == [3, 4])
    }
}
