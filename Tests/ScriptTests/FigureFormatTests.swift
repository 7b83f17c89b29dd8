import Foundation
import Testing
import Plot
import Script
import TestSupport

/// A figure is saved as PDF or PNG when its name says so (`save h "m.pdf"`, `save="m.png"`):
/// made from jnb's SVG by the real rsvg-convert, checked here by Python reading the files,
/// written atomically, and refused with one clear line when the converter is missing or fails.
@Suite struct FigureFormatTests {
    /// A session writing into `dir`, with a histogram of simulated jet masses as `h`.
    private func session(_ output: CapturedOutput = CapturedOutput(), dir: URL) throws -> Session {
        let session = Session(output: output)
        try session.define("dir", .string(dir.path))
        let made = session.execute("j = simulate n=200 seed=1 threads=1\nh = hist j.jet_mass")
        try #require(made.succeeded, "\(made.error?.description ?? "")")
        return session
    }

    /// The size in points an SVG written by jnb states on its root element.
    private func pointSize(ofSVG path: String) throws -> (width: Double, height: Double) {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let match = try #require(text.firstMatch(of: /<svg [^>]*width="([0-9.]+)pt" height="([0-9.]+)pt"/))
        return (try #require(Double(match.1)), try #require(Double(match.2)))
    }

    /// Python's reading of a PDF: the page size in points, the number of pages, of embedded
    /// fonts (text kept as text) and of raster images.
    private static let readPDF = """
        import re, sys
        data = open(sys.argv[1], 'rb').read()
        assert data.startswith(b'%PDF-'), data[:16]
        x0, y0, x1, y1 = map(float, re.search(rb'/MediaBox\\s*\\[\\s*(\\S+)\\s+(\\S+)\\s+(\\S+)\\s+(\\S+)\\s*\\]', data).groups())
        pages = len(re.findall(rb'/Type\\s*/Page\\b', data))
        fonts = len(re.findall(rb'/FontFile[23]?\\b', data))
        images = len(re.findall(rb'/Subtype\\s*/Image\\b', data))
        print(x1 - x0, y1 - y0, pages, fonts, images)
        """

    /// Python's reading of a PNG: every chunk's CRC checked, the pixels inflated and their
    /// amount checked against the size in the IHDR chunk, which it prints.
    private static let readPNG = """
        import struct, sys, zlib
        data = open(sys.argv[1], 'rb').read()
        assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n', data[:8]
        chunks, pos = [], 8
        while pos < len(data):
            length, kind = struct.unpack('>I4s', data[pos:pos + 8])
            body = data[pos + 8:pos + 8 + length]
            assert struct.unpack('>I', data[pos + 8 + length:pos + 12 + length])[0] == zlib.crc32(kind + body), kind
            chunks.append((kind, body))
            pos += 12 + length
        assert chunks[0][0] == b'IHDR' and chunks[-1][0] == b'IEND'
        width, height, depth, colour = struct.unpack('>IIBB', chunks[0][1][:10])
        channels = {0: 1, 2: 3, 4: 2, 6: 4}[colour]
        pixels = zlib.decompress(b''.join(body for kind, body in chunks if kind == b'IDAT'))
        assert len(pixels) == height * (1 + width * channels * depth // 8), len(pixels)
        print(width, height)
        """

    private func python(_ script: String, _ file: String) throws -> [Double] {
        let result = try Tools.run(Tools.systemPython, ["-c", script, file])
        try #require(result.status == 0, "python could not read \(file): \(result.stderr)")
        return result.stdout.split(separator: " ").compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    @Test func aHistogramSavedAsPDFIsAVectorPageOfTheFiguresSize() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = CapturedOutput()
        let session = try session(output, dir: dir)
        let result = session.execute("save h dir + \"/m.svg\"\nsave h dir + \"/m.pdf\"\nimage j save=dir + \"/fig/average.PDF\"")
        #expect(result.succeeded, "\(result.error?.description ?? "")")
        #expect(result.filesWritten == ["m.svg", "m.pdf", "fig/average.PDF"].map { dir.path + "/" + $0 })
        #expect(output.text.contains("wrote \(dir.path)/m.pdf\n"))
        // Nothing but the files: no temporary is left.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["fig", "m.pdf", "m.svg"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path + "/fig") == ["average.PDF"])

        let size = try pointSize(ofSVG: dir.path + "/m.svg")
        let pdf = try python(Self.readPDF, dir.path + "/m.pdf")
        try #require(pdf.count == 5)
        #expect(abs(pdf[0] - size.width) < 0.01 && abs(pdf[1] - size.height) < 0.01, "page \(pdf[0]) × \(pdf[1]) pt")
        #expect(pdf[2] == 1, "one page")
        #expect(pdf[3] >= 1, "the labels are text in an embedded font")
        #expect(pdf[4] == 0, "a histogram has no raster image in it")
        #expect(try python(Self.readPDF, dir.path + "/fig/average.PDF")[2] == 1)
        let mode = try FileManager.default.attributesOfItem(atPath: dir.path + "/m.pdf")[.posixPermissions] as? Int
        #expect(mode.map { $0 & 0o044 } == 0o044, "readable by others like any new file")
    }

    @Test func aFigureSavedAsPNGHas300PixelsPerInch() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = try session(dir: dir)
        let result = session.execute("""
            hist j.jet_mass save=dir + "/fig/m.png"
            hist j.jet_mass save=dir + "/fig/m.svg"
            g = grid h h columns=2 title="two"
            save g dir + "/g.PNG"
            save g dir + "/g.svg"
            """)
        #expect(result.succeeded, "\(result.error?.description ?? "")")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["fig", "g.PNG", "g.svg"])
        for (png, svg) in [("fig/m.png", "fig/m.svg"), ("g.PNG", "g.svg")] {
            let size = try pointSize(ofSVG: dir.path + "/" + svg)
            let pixels = try python(Self.readPNG, dir.path + "/" + png)
            #expect(pixels == [(size.width / 72 * 300).rounded(), (size.height / 72 * 300).rounded()],
                    "\(png): \(pixels) pixels for \(size.width) × \(size.height) pt")
        }
        // matplotlib's default 6.4 × 4.8 inches at 300 dpi.
        #expect(try python(Self.readPNG, dir.path + "/fig/m.png") == [1920, 1440])
    }

    @Test func withoutTheConverterOnPATHNothingIsWritten() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let emptyFolder = dir.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: emptyFolder, withIntermediateDirectories: false)
        var axes = Axes()
        axes.addHistogram([1, 2, 1], edges: [0, 1, 2, 3])
        for name in ["m.pdf", "m.png"] {
            let url = dir.appendingPathComponent(name)
            let format = name.hasSuffix("pdf") ? "PDF" : "PNG"
            #expect(throws: PlotError("cannot write figure to '\(url.path)': a \(format) figure is made from its SVG by rsvg-convert, which is not on PATH; install it (apt-get install librsvg2-bin) or save the figure as .svg")) {
                try Figure(axes).write(to: url, searchPath: emptyFolder.path)
            }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["bin"])
        // The same figure, with rsvg-convert looked up on PATH as jnb does by default.
        try Figure(axes).write(to: dir.appendingPathComponent("m.pdf"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["bin", "m.pdf"])
    }

    @Test func aFailedConversionSaysWhyAndKeepsTheOldFile() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("wide.png")
        try "old".write(to: url, atomically: false, encoding: .utf8)
        // 8000 pt at 300 dpi is 33,334 pixels: more than librsvg renders.
        let wide = Figure(Axes(), width: 8000, height: 100)
        let error = try #require(throws: PlotError.self) { try wide.write(to: url) }
        #expect(error.description.hasPrefix("cannot write figure to '\(url.path)': rsvg-convert failed (exit status 1): The resulting image would be larger than 32767 pixels"),
                "\(error)")
        #expect(!error.description.contains("\n"))
        #expect(try String(contentsOf: url, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["wide.png"])
    }

    @Test func aStopAskedForDuringTheConversionLeavesTheOldFileAndNoTemporary() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("m.png")
        try "old".write(to: url, atomically: false, encoding: .utf8)
        var asked = 0
        #expect(throws: FigureWriteStopped.self) {
            try Figure(Axes()).write(to: url, shouldStop: {
                asked += 1
                return true
            })
        }
        #expect(asked == 1, "asked once, when the conversion was done")
        #expect(try String(contentsOf: url, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["m.png"])
    }

    @Test func aFolderNoOneMayWriteGivesTheErrorAnSVGGets() throws {
        // /sys takes no new files, not even from root (the tests run as root, whom file modes
        // do not stop).
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = try session(dir: dir)
        var messages: [String] = []
        for ext in ["svg", "pdf", "png"] {
            let path = "/sys/jnb-figure-\(UUID().uuidString.prefix(8)).\(ext)"
            try session.define("path", .string(path))
            let result = session.execute("save h path")
            #expect(result.exitCode == 74, "\(ext): \(result.error?.description ?? "written")")
            messages.append(result.error?.message.replacingOccurrences(of: path, with: "FILE") ?? "")
            #expect(!FileManager.default.fileExists(atPath: path))
        }
        #expect(messages == Array(repeating: "save: cannot write figure to 'FILE': Permission denied", count: 3))
    }

    @Test func otherNamesAreRefusedNamingTheFormatsThatWork() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = try session(dir: dir)
        let written = session.execute("hist j.jet_mass save=dir + \"/m.jpg\"")
        #expect(written.error?.message == "hist: argument 'save': expected a file name ending in .svg, .pdf or .png, got \"\(dir.path)/m.jpg\"")
        let saved = session.execute("save h dir + \"/m.csv\"")
        #expect(saved.error?.message == "save: a figure is saved as SVG, PDF or PNG: give a file name ending in .svg, .pdf or .png")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
        // Tables still go to CSV, and only there.
        #expect(session.execute("save (table a=[1, 2]) dir + \"/t.csv\"").succeeded)
        #expect(session.execute("save (table a=[1, 2]) dir + \"/t.pdf\"").error?.message
                == "save: a table is saved as CSV: give a file name ending in .csv")
    }
}
