import Foundation
import Plot
import Testing
import TestSupport

/// Snapshot tests: each sample figure must equal its golden file byte for byte.
/// Re-record after an intended change with `JNB_RECORD_GOLDEN=1 swift test --filter GoldenTests`.
@Suite struct GoldenTests {
    static let folder = Fixtures.packageRoot.appendingPathComponent("Tests/PlotTests/Golden")
    static let recording = ProcessInfo.processInfo.environment["JNB_RECORD_GOLDEN"] == "1"

    @Test(arguments: try SampleFigures.all().map(\.name))
    func matchesGolden(name: String) throws {
        let figure = try #require(try SampleFigures.all().first { $0.name == name }).figure
        let svg = try figure.svg()
        let url = Self.folder.appendingPathComponent(name + ".svg")
        if Self.recording {
            try figure.write(to: url)
            return
        }
        let golden = try String(contentsOf: url, encoding: .utf8)
        #expect(svg == golden, "\(name).svg differs from its golden file; re-record with JNB_RECORD_GOLDEN=1 if intended")
    }

    @Test func sameFigureGivesSameBytes() throws {
        for (name, figure) in try SampleFigures.all() {
            #expect(try figure.svg() == figure.svg(), "\(name) is not deterministic")
        }
    }
}
