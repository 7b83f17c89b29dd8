import Foundation
import JetData
import Testing
import TestSupport

/// Files the HDF5 fuzz target made that once stopped the loader (docs/FUZZING.md): each is
/// replayed through `inspect` and `read` (on two threads, as the fuzz target reads) and must
/// give a one-line error that names the file.
@Suite struct CorruptFileTests {
    @Test(arguments: [
        // A link name in the root group's local heap that runs past the heap's end.
        "link-name-past-local-heap.h5",
        // The root group's heap claims a data size of about 110 TB.
        "huge-metadata-size.h5",
        // Counting the root group's links (H5Gget_info) dereferences NULL inside HDF5.
        "group-count-segfault.h5",
    ])
    func fuzzRegressionInputGivesAnError(name: String) throws {
        let path = Fixtures.file("fuzz-regressions/hdf5/\(name)").path
        #expect(FileManager.default.fileExists(atPath: path))
        let inspected = #expect(throws: JetDataError.self) { try JetFile.inspect(path) }
        let read = #expect(throws: JetDataError.self) { try JetFile.read(path, threads: 2) }
        for error in [inspected, read].compactMap({ $0 }) {
            let text = error.description
            #expect(text.hasPrefix(path))
            // One short line, even where HDF5 hands back names read from damaged bytes.
            #expect(text.count < 1000, "\(text.count) characters")
            #expect(!text.unicodeScalars.contains { $0.properties.generalCategory == .control }, "\(text)")
        }
    }
}
