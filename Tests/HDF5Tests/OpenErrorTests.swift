import Foundation
import HDF5
import Testing
import TestSupport

@Suite struct OpenErrorTests {
    func message(opening path: String) throws -> String {
        let error = try #require(throws: HDF5Error.self) { try H5File.open(path) }
        return error.description
    }

    @Test func missingFile() throws {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("absent.h5").path
        #expect(try message(opening: path) == "\(path): no such file")
    }

    @Test func directory() throws {
        let path = try Fixtures.temporaryDirectory().path
        #expect(try message(opening: path) == "\(path): is a directory, expected an HDF5 file")
    }

    @Test func emptyFile() throws {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("empty.h5").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        #expect(try message(opening: path) == "\(path): empty file (0 bytes), expected an HDF5 file")
    }

    @Test func textFile() throws {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("notes.h5").path
        try "m = 80 GeV\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try message(opening: path) == "\(path): not an HDF5 file (no HDF5 signature)")
    }

    @Test func truncatedFile() throws {
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("cut.h5").path
        let whole = try Data(contentsOf: Fixtures.pythia4k)
        try whole.prefix(whole.count / 3).write(to: URL(fileURLWithPath: path))
        let text = try message(opening: path)
        #expect(text.hasPrefix("\(path): cannot open as HDF5 (damaged or truncated file?)"), "\(text)")
    }

    @Test func unreadableFile() throws {
        // Root reads everything regardless of permissions, so this case only exists for users.
        guard getuid() != 0 else { return }
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("locked.h5").path
        try Data(contentsOf: Fixtures.pythia4k).write(to: URL(fileURLWithPath: path))
        chmod(path, 0)
        #expect(try message(opening: path) == "\(path): permission denied (not readable)")
    }
}
