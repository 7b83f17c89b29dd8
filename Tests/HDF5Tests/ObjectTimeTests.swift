import Foundation
import Testing
import HDF5
import TestSupport

/// Files jnb writes carry no object times, so the same content written twice gives the same
/// bytes and a rerun can be checked with `cmp`.
@Suite struct ObjectTimeTests {
    private func write(_ path: String) throws {
        try H5File.writeAtomically(path) { file in
            try file.write([Float(1), 2, 3, 4], to: "layers/0/weight", shape: [2, 2])
            try file.write([Int64(7)], to: "signal", chunks: [1], deflateLevel: 4)
            try file.setAttribute("activation", .string("tanh"))
        }
    }

    @Test func noObjectCarriesATime() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("untimed.h5").path
        try write(path)
        let script = """
        import h5py, sys
        f = h5py.File(sys.argv[1], 'r')
        names = [b'/', b'layers', b'layers/0', b'layers/0/weight', b'signal']
        print(' '.join(str(h5py.h5g.get_objinfo(f.id, n).mtime) for n in names))
        """
        let result = try Tools.run(Tools.systemPython, ["-c", script, path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "0 0 0 0 0\n")
    }

    @Test func theSameContentGivesTheSameBytes() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let first = dir.appendingPathComponent("a.h5").path, second = dir.appendingPathComponent("b.h5").path
        try write(first)
        // Object times count seconds: write the second file in a later second.
        let start = Date().timeIntervalSince1970.rounded(.down)
        while Date().timeIntervalSince1970 < start + 1 { usleep(20_000) }
        try write(second)
        #expect(FileManager.default.contents(atPath: first) == FileManager.default.contents(atPath: second))
    }
}
