import Foundation
import Testing
import TestSupport
import Script

/// Files written into folders with one-letter names, relative to the working folder: the
/// folders are made (Foundation's path splitting traps on a one-character path on Linux).
@Suite struct OneLetterFolderTests {
    @Test func savesAndReportsMakeOneLetterFolders() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let jnb = CommandLineTests.jnb
        let save = try Tools.run(jnb, ["-c", "t = table x=[1, 2]; save t \"o/t.csv\"; save t \"x/y/z/t.csv\"; hist t.x save=\"a/b.svg\""],
                                 environment: ["JNB_HISTORY": "/dev/null"], currentDirectory: dir)
        #expect(save.status == 0, "\(save.stderr)")
        for file in ["o/t.csv", "x/y/z/t.csv", "a/b.svg"] {
            #expect(FileManager.default.fileExists(atPath: dir.path + "/" + file), "\(file)")
        }
        try "# %% a\nprint 1\n".write(to: dir.appendingPathComponent("n.jnb"), atomically: true, encoding: .utf8)
        let replay = try Tools.run(jnb, ["run", "n.jnb", "--report", "r/n.html", "--summary", "s/n.json"],
                                   environment: ["JNB_HISTORY": "/dev/null"], currentDirectory: dir)
        #expect(replay.status == 0, "\(replay.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.path + "/r/n.html") && FileManager.default.fileExists(atPath: dir.path + "/s/n.json"))
    }

    @Test func parentFolderOfAPath() {
        let cases = ["o": "", "o/t.csv": "o", "x/y/z": "x/y", "/a": "/", "/": "/", "a//b": "a", "a/b/": "a", "/x/y.svg": "/x", "": ""]
        for (path, parent) in cases { #expect(FilePaths.parent(of: path) == parent, "\(path)") }
    }
}
