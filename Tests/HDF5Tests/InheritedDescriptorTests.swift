import Foundation
import HDF5
import Testing
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// A process started while jnb writes an HDF5 file inherits the file's descriptor (HDF5 opens
/// without close-on-exec). The file must still open once jnb has written it: jnb does not
/// take HDF5's file locks, which the other process would otherwise hold for as long as it runs.
@Suite struct InheritedDescriptorTests {
    @Test func aFileWrittenWhileAProcessStartsOpensAtOnce() throws {
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("jets.h5").path
        var child: pid_t = 0
        try H5File.writeAtomically(path) { file in
            try file.write([1, 2, 3] as [Float], to: "x")
            // A process that outlives the write, holding whatever descriptors were open.
            var argv: [UnsafeMutablePointer<CChar>?] = [strdup("sleep"), strdup("3"), nil]
            defer { argv.forEach { free($0) } }
            #expect(posix_spawnp(&child, "sleep", nil, nil, &argv, environ) == 0)
        }
        defer {
            kill(child, SIGKILL)
            var status: Int32 = 0
            waitpid(child, &status, 0)
        }
        let reopened = try H5File.open(path)
        #expect(try reopened.rootNames() == ["x"])
    }
}
