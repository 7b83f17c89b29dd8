import Foundation
import Plot
import Testing

/// Large inputs give small documents: one path per histogram outline (and one for its fill),
/// deduplicated scatter dots.
@Suite struct CompactnessTests {
    @Test func millionEntriesInThousandBinsIsOneFillAndOneOutline() throws {
        var random = SeededRandom(seed: 21)
        let values = (0..<1_000_000).map { _ in random.normal(mean: 80, sigma: 10) }
        let edges = try Bins.edges(from: 40, to: 120, count: 1000)
        let counts = try Bins.counts(values, edges: edges)
        #expect(counts.reduce(0, +) > 999_000)
        var axes = Axes(xLabel: "$m$ [GeV]", yLabel: "jets")
        axes.addHistogram(counts, edges: edges, label: "1,000,000 jets")
        let text = try Figure(axes).svg()
        let svg = try SVGInspector(text)
        let drawn = svg.elements.filter { $0.name == "path" && $0.groups.contains { $0["clip-path"] != nil } }
        #expect(drawn.count == 2)
        #expect(text.utf8.count < 70_000, "\(text.utf8.count) bytes")
    }

    @Test func emptyLogBinsLeaveNoNaNAndNoGap() throws {
        let edges = try Bins.edges(from: 0, to: 10, count: 10)
        var axes = Axes(yScale: .log)
        axes.addHistogram([5, 0, 0, 100, 0, 3, 0, 0, 0, 1], edges: edges, errors: Bins.poissonErrors([5, 0, 0, 100, 0, 3, 0, 0, 0, 1]))
        let text = try Figure(axes).svg()
        #expect(!text.lowercased().contains("nan") && !text.contains("inf"))
        let svg = try SVGInspector(text)
        let outline = try #require(svg.elements.first { $0.name == "path" && $0.groups.contains { $0["clip-path"] != nil } })
        let d = try #require(outline.attributes["d"])
        #expect(d.filter { $0 == "M" }.count == 1, "the outline is one unbroken path: \(d)")
    }

    @Test func scatterDotsOnTheSameSpotAreDrawnOnce() throws {
        var axes = Axes()
        axes.addScatter(x: [Double](repeating: 0.5, count: 10000) + [0.1], y: [Double](repeating: 0.5, count: 10000) + [0.9])
        let text = try Figure(axes).svg()
        let svg = try SVGInspector(text)
        let dots = try #require(svg.elements.first { $0.name == "path" && $0.attributes["stroke-linecap"] == "round" })
        #expect(dots.attributes["d"]?.filter { $0 == "M" }.count == 2)
    }

    @Test func denseLinesAreThinnedButKeepTheirEnds() throws {
        let x = (0...100_000).map { Double($0) / 100_000 }
        var axes = Axes()
        axes.addLine(x: x, y: x.map { $0 * $0 })
        let svg = try SVGInspector(try Figure(axes).svg())
        let line = try #require(svg.elements.first { $0.name == "path" && $0.attributes["stroke-linejoin"] == "round" })
        let d = try #require(line.attributes["d"])
        #expect(d.utf8.count < 40_000, "\(d.utf8.count) bytes")
        let frame = try #require(svg.frames[1])
        // The curve starts at (0, 0) and ends at (1, 1), wherever the margins put them.
        #expect(d.hasPrefix("M"))
        let last = d.split(separator: "L").last.map(String.init) ?? ""
        let parts = last.split(separator: " ").compactMap { Double($0) }
        #expect(parts.count == 2 && parts[0] > frame.x + frame.width * 0.9 && parts[1] < frame.y + frame.height * 0.1)
    }
}
