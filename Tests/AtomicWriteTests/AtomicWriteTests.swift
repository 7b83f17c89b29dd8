import AtomicWrite
import Foundation
import Testing
import TestSupport

/// Replacing a file through a temporary file and a rename, on a real file system.
@Suite struct AtomicWriteTests {
    @Test func writesANewFileAndReplacesAnOldOneLeavingNothingElse() throws {
        let dir = try Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("table.csv").path
        try AtomicWrite.write(Data("first\n".utf8), to: path)
        try AtomicWrite.write(Data("second\n".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["table.csv"])
    }

    @Test func emptyDataMakesAnEmptyFile() throws {
        let dir = try Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("empty").path
        try AtomicWrite.write(Data(), to: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).isEmpty)
    }

    @Test func aMissingFolderFailsAtCreatingWithTheSystemsReason() throws {
        let dir = try Fixtures.temporaryDirectory()
        let path = dir.appendingPathComponent("no/such/folder/figure.svg").path
        let failure = try #require(throws: AtomicWrite.Failure.self) {
            try AtomicWrite.write(Data("x".utf8), to: path)
        }
        #expect(failure.step == .creating)
        #expect(failure.reason == "No such file or directory")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func aFailedRenameKeepsTheOldFileAndRemovesTheTemporary() throws {
        let dir = try Fixtures.temporaryDirectory()
        // A folder in the way: rename(2) cannot put a file over a non-empty folder.
        let target = dir.appendingPathComponent("model.h5")
        try FileManager.default.createDirectory(at: target.appendingPathComponent("inside"), withIntermediateDirectories: true)
        let failure = try #require(throws: AtomicWrite.Failure.self) {
            try AtomicWrite.write(Data("x".utf8), to: target.path)
        }
        #expect(failure.step == .renaming)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["model.h5"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path) == ["inside"])
    }

    @Test func temporaryFilesAreHiddenBesideTheTargetAndNeverRepeat() {
        let first = AtomicWrite.temporaryPath(beside: "/data/out/m.svg")
        let second = AtomicWrite.temporaryPath(beside: "/data/out/m.svg")
        #expect(first.hasPrefix("/data/out/.m.svg.tmp-"))
        #expect(first != second)
        #expect(AtomicWrite.temporaryPath(beside: "m.svg").hasPrefix(FileManager.default.currentDirectoryPath + "/.m.svg.tmp-"))
    }
}
