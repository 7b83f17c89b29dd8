import Foundation
import Testing
import Script
import TestSupport

/// `~/` in a file name is the home folder, resolved by one function that every command reading
/// or writing a file and completion inside quotes share. The commands themselves are run with
/// another HOME in jnbTests/HomeFolderTests.swift.
@Suite struct HomePathTests {
    @Test func aLeadingTildeIsTheHomeFolder() throws {
        #expect(try FilePaths.resolve("~/x.h5", home: "/home/me") == "/home/me/x.h5")
        #expect(try FilePaths.resolve("~/fig/m.svg", home: "/home/me/") == "/home/me/fig/m.svg")
        #expect(try FilePaths.resolve("~", home: "/home/me") == "/home/me")
        #expect(try FilePaths.resolve("~/", home: "/home/me") == "/home/me/")
        #expect(try FilePaths.resolve("~/x", home: "/") == "/x")
    }

    @Test func otherPathsStayAsWritten() throws {
        for path in ["x.h5", "/data/x.h5", "a/~/b.svg", "~user/x.h5", "~x", "builtin", "./~/x"] {
            #expect(try FilePaths.resolve(path, home: "/home/me") == path)
        }
    }

    @Test func withoutAHomeATildeIsRefused() throws {
        #expect(throws: ScriptError.self) { try FilePaths.resolve("~/x.h5", home: nil) }
        #expect(try FilePaths.resolve("x.h5", home: nil) == "x.h5")
    }

    @Test func theHomeIsHOME() throws {
        let home = try #require(ProcessInfo.processInfo.environment["HOME"])
        try #require(!home.isEmpty)
        #expect(FilePaths.home() == home)
        #expect(try FilePaths.resolve("~/x.h5") == home + (home.hasSuffix("/") ? "" : "/") + "x.h5")
    }

    @Test func completionListsTheHomeFolderUnderTilde() throws {
        let home = try #require(FilePaths.home())
        let entries = try FileManager.default.contentsOfDirectory(atPath: home).filter { !$0.hasPrefix(".") }
        let completions = Session(output: CapturedOutput()).completions(before: "jets = load \"~/")
        #expect(completions.replacing == "~/")
        #expect(completions.candidates.allSatisfy { $0.hasPrefix("~/") })
        // Folders end in "/"; the names are the home folder's, not "~/" + the home's own name.
        #expect(Set(completions.candidates.map { String($0.dropFirst(2)).trimmingCharacters(in: CharacterSet(charactersIn: "/")) })
                == Set(entries))
    }
}
