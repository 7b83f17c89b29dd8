import Foundation
import Testing
import Script
import TestSupport

/// Folders a write creates for its file are removed again when the write fails, for every
/// kind of file jnb writes: a failed save leaves the disk as it was.
@Suite struct FailedWriteFolderTests {
    /// A file name too long for any file system (NAME_MAX is 255 bytes): the folders before it
    /// can be made, the file cannot, whoever runs the test.
    static let tooLong = String(repeating: "n", count: 300)

    @Test(arguments: [
        "save t dir + \"/new/deeper/\(tooLong).csv\"",
        "save (hist t.a) dir + \"/new/deeper/\(tooLong).svg\"",
        "hist t.a save=dir + \"/new/deeper/\(tooLong).svg\"",
        "save (autoencoder [625, 8, 625]) dir + \"/new/deeper/\(tooLong).h5\"",
        "save (simulate n=20 seed=1 threads=1) dir + \"/new/deeper/\(tooLong).h5\"",
    ])
    func aFailedWriteRemovesTheFoldersItMade(_ statement: String) throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(atPath: dir.path + "/kept", withIntermediateDirectories: true)
        let session = Session(output: CapturedOutput())
        try session.define("dir", .string(dir.path))
        #expect(session.execute("t = table a=[1, 2, 3]").succeeded)
        let result = session.execute(statement)
        #expect(result.exitCode == 74, "\(result.error?.description ?? "succeeded")")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["kept"])
    }

    @Test func foldersThatExistedStay() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(atPath: dir.path + "/old", withIntermediateDirectories: true)
        let session = Session(output: CapturedOutput())
        try session.define("dir", .string(dir.path))
        let result = session.execute("save (table a=[1]) dir + \"/old/new/\(Self.tooLong).csv\"")
        #expect(result.exitCode == 74)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["old"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path + "/old").isEmpty)
    }
}
