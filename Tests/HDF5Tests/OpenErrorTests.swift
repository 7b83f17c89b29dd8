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

    /// What cannot be reached says why, in the system's terms, not "no such file".
    @Test func unreachableNamesSayWhy() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let loop = dir.appendingPathComponent("loop.h5").path
        try FileManager.default.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        #expect(try message(opening: loop) == "\(loop): too many levels of symbolic links (a link that loops?)")
        let dangling = dir.appendingPathComponent("dangling.h5").path
        try FileManager.default.createSymbolicLink(atPath: dangling, withDestinationPath: dir.appendingPathComponent("gone.h5").path)
        #expect(try message(opening: dangling) == "\(dangling): a symbolic link to a file that does not exist")
        let long = dir.appendingPathComponent(String(repeating: "j", count: 300) + ".h5").path
        #expect(try message(opening: long) == "\(long): file name too long")
        let under = dir.appendingPathComponent("loop.h5/jets.h5").path
        #expect(try message(opening: under).hasPrefix("\(under): too many levels of symbolic links"))
        let notFolder = dir.appendingPathComponent("plain")
        try Data("x".utf8).write(to: notFolder)
        let inFile = notFolder.appendingPathComponent("jets.h5").path
        #expect(try message(opening: inFile) == "\(inFile): a part of the path is a file, not a folder")
    }

    /// Special files are named as such, not read (a named pipe would block) nor called empty.
    @Test func specialFilesAreNotRegularFiles() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fifo = dir.appendingPathComponent("pipe.h5").path
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect(try message(opening: fifo) == "\(fifo): not a regular file (a named pipe), expected an HDF5 file")
        #expect(try message(opening: "/dev/zero") == "/dev/zero: not a regular file (a character device), expected an HDF5 file")
        #expect(try message(opening: "/proc/self/status") == "/proc/self/status: not a regular file (a file of the kernel, as in /proc), expected an HDF5 file")
    }
}
