import Foundation
import Plot
import Testing
import TestSupport

@Suite struct FontMetricsTests {
    /// The committed table is exactly what scripts/gen-font-metrics makes from the installed
    /// DejaVu Sans (Debian fonts-dejavu-core), so widths cannot drift from the font.
    @Test func tableMatchesTheFontFile() throws {
        let font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
        try #require(FileManager.default.fileExists(atPath: font), "install fonts-dejavu-core")
        let folder = try Fixtures.temporaryDirectory("plot-font")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("FontMetricsTable.swift")
        let script = Fixtures.packageRoot.appendingPathComponent("scripts/gen-font-metrics").path
        let result = try Tools.run(Tools.systemPython, [script, font, output.path])
        #expect(result.status == 0, "\(result.stderr)")
        let generated = try String(contentsOf: output, encoding: .utf8)
        let committed = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("Sources/Plot/FontMetricsTable.swift"),
                                   encoding: .utf8)
        #expect(generated == committed)
    }

    @Test func widthsFollowTheFont() {
        // DejaVu Sans digits share one advance (1303 of 2048 units), so numbers of equal
        // length have equal width; 'i' is narrower than 'W'.
        #expect(abs(FontMetrics.width(of: "0123456789", size: 10) - 10 * 1303.0 / 2048 * 10) < 1e-9)
        #expect(FontMetrics.width(of: "8888", size: 10) == FontMetrics.width(of: "1111", size: 10))
        #expect(FontMetrics.width(of: "i", size: 10) < FontMetrics.width(of: "W", size: 10))
        #expect(FontMetrics.width(of: "ηφμσ²≤−", size: 10) > 0)
        #expect(abs(FontMetrics.width(of: "ab", size: 20) - 2 * FontMetrics.width(of: "ab", size: 10)) < 1e-9)
    }
}
