import Foundation
import Testing
import Script
import TestSupport

/// Language tests in the Crafting Interpreters style: each Scripts/NAME.jnb runs in a fresh
/// session and its output, the error (if any) and the exit status must equal NAME.expected.
/// Scripts see `here` (this folder), `fixture` (the Pythia file) and `tmp` (a fresh folder);
/// those paths print as <here>, <fixture> and <tmp>. With JNB_SCRIPT_ACTUAL_DIR set, each
/// actual output is also written there, for review.
@Suite struct ScriptFileTests {
    static let folder = Fixtures.packageRoot.appendingPathComponent("Tests/ScriptTests/Scripts")

    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".jnb") }.map { String($0.dropLast(4)) }.sorted()
    }()

    @Test func everyScriptHasItsExpectedOutput() {
        #expect(Self.names.count >= 20)
        for name in Self.names {
            #expect(FileManager.default.fileExists(atPath: Self.folder.appendingPathComponent(name + ".expected").path),
                    "\(name).jnb has no \(name).expected")
        }
    }

    @Test(arguments: names)
    func script(_ name: String) throws {
        let source = try String(contentsOf: Self.folder.appendingPathComponent(name + ".jnb"), encoding: .utf8)
        let expected = try String(contentsOf: Self.folder.appendingPathComponent(name + ".expected"), encoding: .utf8)
        let tmp = try Fixtures.temporaryDirectory("jnb-script")
        defer { try? FileManager.default.removeItem(at: tmp) }

        let output = CapturedOutput()
        let session = Session(output: output)
        try session.define("here", .string(Self.folder.path))
        try session.define("fixture", .string(Fixtures.pythia4k.path))
        try session.define("tmp", .string(tmp.path))
        let origin = SourceOrigin(file: name + ".jnb")
        let result = session.execute(source, origin: origin)

        var actual = output.text
        if let error = result.error {
            actual += session.diagnostic(error, source: source, origin: origin) + "\n"
        }
        actual += "[exit \(session.quitStatus ?? result.exitCode)]\n"
        actual = actual.replacingOccurrences(of: Self.folder.path, with: "<here>")
            .replacingOccurrences(of: Fixtures.pythia4k.path, with: "<fixture>")
            .replacingOccurrences(of: tmp.path, with: "<tmp>")
        if let dump = ProcessInfo.processInfo.environment["JNB_SCRIPT_ACTUAL_DIR"] {
            // For reviewing new scripts: the actual output, to compare and copy by hand.
            try actual.write(toFile: dump + "/" + name + ".expected", atomically: true, encoding: .utf8)
        }
        #expect(actual == expected)
    }
}
