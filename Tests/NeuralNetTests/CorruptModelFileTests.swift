import Foundation
import HDF5
import ModelFile
import Testing
import TestSupport

/// Model files the HDF5 fuzz target made that once crashed the loader (docs/FUZZING.md).
@Suite struct CorruptModelFileTests {
    /// `training_batch_size` is 9223372036854775807 (Int64.max): converting it through Double
    /// to Int trapped. Now it is an error naming the attribute.
    @Test func aBatchSizeBeyondIntIsAnError() throws {
        let path = Fixtures.file("fuzz-regressions/hdf5/model-batch-size-int64-max.h5").path
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
