import Foundation
import Testing
import TestSupport

/// The four thesis notebooks take `--set format=pdf` (or png) and then write every figure in
/// that format, under the name the SVG has by default; a format they do not write is refused
/// before any cell runs.
@Suite(.serialized) struct ThesisFigureFormatTests {
    private func replay(_ notebook: String, _ settings: [String], in directory: URL) throws -> Tools.Result {
        let path = Fixtures.packageRoot.appendingPathComponent("notebooks/\(notebook)_jet_images.jnb").path
        return try Tools.run(CommandLineTests.jnb, ["run", path] + settings.flatMap { ["--set", $0] },
                             environment: ["JNB_HISTORY": "/dev/null"], currentDirectory: directory)
    }

    /// The files in `out/figures` of `directory`, by name.
    private func figures(in directory: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("out/figures").path).sorted()
    }

    @Test func formatPdfWritesEveryFigureAsPDF() throws {
        var written: [String: [String]] = [:]
        for format in ["svg", "pdf"] {
            let directory = try Fixtures.temporaryDirectory("jnb-format")
            defer { try? FileManager.default.removeItem(at: directory) }
            // svg is the default: that run gives no --set format.
            let settings = ["n=1200", "epochs=2"] + (format == "svg" ? [] : ["format=\(format)"])
            for notebook in ThesisNotebookTests.notebooks {
                let result = try replay(notebook, settings, in: directory)
                #expect(result.status == 0, "\(notebook): \(result.stderr)")
                try #require(result.status == 0)
            }
            written[format] = try figures(in: directory)
            for name in written[format] ?? [] {
                let data = try Data(contentsOf: directory.appendingPathComponent("out/figures/" + name))
                let start = format == "svg" ? "<?xml" : "%PDF"
                #expect(String(decoding: data.prefix(start.utf8.count), as: UTF8.self) == start, "\(name)")
            }
        }
        let svg = try #require(written["svg"]), pdf = try #require(written["pdf"])
        #expect(svg.count >= 25)
        #expect(svg.allSatisfy { $0.hasSuffix(".svg") })
        #expect(pdf == svg.map { String($0.dropLast(3)) + "pdf" })
    }

    @Test func anotherFormatIsRefusedBeforeAnyCellRuns() throws {
        let directory = try Fixtures.temporaryDirectory("jnb-format")
        defer { try? FileManager.default.removeItem(at: directory) }
        for notebook in ThesisNotebookTests.notebooks {
            let result = try replay(notebook, ["n=1200", "format=jpg"], in: directory)
            let path = Fixtures.packageRoot.appendingPathComponent("notebooks/\(notebook)_jet_images.jnb").path
            #expect(result.status == 64)
            #expect(result.stderr == "error: --set format=jpg: parameter 'format' of \(path): "
                    + "expected one of \"svg\", \"pdf\", \"png\" (its default is \"svg\"); got 'jpg'\n")
            #expect(result.stdout.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("out").path))
    }
}
