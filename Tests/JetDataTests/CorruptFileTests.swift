import Foundation
import HDF5
import JetData
import Testing
import TestSupport

/// Files the HDF5 fuzz target made that once crashed the loader or ran it out of memory
/// (docs/FUZZING.md): each is replayed through `inspect` and `read` (on two threads, as the
/// fuzz target reads) and must give a one-line error that names the file.
@Suite struct CorruptFileTests {
    @Test(arguments: [
        // A link name in the root group's local heap that runs past the heap's end, and a
        // heap free list that HDF5 rejects.
        ("link-name-past-local-heap.h5", "the free list of the root group's name heap is broken"),
        // A heap free list that loops: HDF5 allocated without bound following it.
        ("heap-free-list-loop.h5", "the free list of the root group's name heap is broken"),
        // A heap smaller than one free block: jnb's own check indexed past its buffer.
        ("heap-smaller-than-free-block.h5", "the free list of the root group's name heap is broken"),
        // The root group's heap claims a data size of about 110 TB.
        ("huge-metadata-size.h5", "the root group's name heap claims 110403952670384 bytes"),
        // The root group's heap is not where the superblock says: counting the links
        // (H5Gget_info) dereferenced NULL inside HDF5.
        ("group-count-segfault.h5", "the root group's name heap is not where the file header says"),
        // The root group's B-tree is not where the superblock says: walking the links
        // (H5Literate) dereferenced NULL inside HDF5.
        ("root-tree-missing-1.h5", "the root group's index is not where the file header says"),
        ("root-tree-missing-2.h5", "the root group's index is not where the file header says"),
        // The chunk index says a 10 kB chunk holds 4 GB; the reader allocated that much.
        ("chunk-size-4gb.h5", "claims 4294967216 bytes, more than the whole file"),
        // The layout message says the chunks of a 14 kB file hold 3.6 GB each: the parallel
        // reader took two such buffers per thread (13.6 GB resident) before the first chunk
        // failed to inflate.
        ("chunk-dimensions-3gb.h5", "dataset 'image': damaged HDF5 file: chunks of 3565159680 bytes cannot come from a file of 14469 bytes"),
        // A compact dataset without its data: HDF5's read copied from a NULL pointer.
        ("compact-read-null.h5", "dataset 'image': damaged HDF5 file: the dataset needs 7500 bytes of data but none are stored"),
    ])
    func fuzzRegressionInputGivesAnError(name: String, expected: String) throws {
        let path = Fixtures.file("fuzz-regressions/hdf5/\(name)").path
        #expect(FileManager.default.fileExists(atPath: path))
        // Some damage shows only when the images are read, so inspect may pass.
        var inspected: JetDataError?
        do { _ = try JetFile.inspect(path) } catch { inspected = error }
        let read = #expect(throws: JetDataError.self) { try JetFile.read(path, threads: 2) }
        #expect(read?.description.contains(expected) == true, "\(read?.description ?? "no error")")
        for error in [inspected, read].compactMap({ $0 }) {
            let text = error.description
            #expect(text.hasPrefix(path))
            // One short line, even where HDF5 hands back names read from damaged bytes.
            #expect(text.count < 1000, "\(text.count) characters")
            #expect(!text.unicodeScalars.contains { $0.properties.generalCategory == .control }, "\(text)")
        }
    }

    /// The names a file holds are listed in the message, but at most 12, each cut at 40
    /// characters, with control characters masked.
    @Test func namesInTheMessageAreCappedAndMasked() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("other.h5").path
        let long = "a" + String(repeating: "x", count: 99)
        try H5File.writeAtomically(path) { file in
            try file.write([Float(1)], to: "bell\u{7}\nname")
            try file.write([Float(1)], to: long)
            for i in 0..<20 { try file.write([Float(1)], to: "d\(i)") }
        }
        let error = try #require(throws: JetDataError.self) { try JetFile.inspect(path) }
        let text = error.description
        #expect(text.contains("bell??name"), "\(text)")
        #expect(text.contains("a" + String(repeating: "x", count: 39) + "…,"))
        #expect(!text.contains(String(repeating: "x", count: 40)))
        #expect(text.hasSuffix(" and 10 more"), "\(text)")
    }
}
