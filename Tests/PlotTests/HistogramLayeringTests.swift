import Foundation
import Plot
import Testing

/// Overlaid filled histograms: every fill is drawn before any outline, so a later fill never
/// tints the outline of an earlier histogram where it lies above it.
@Suite struct HistogramLayeringTests {
    @Test func fillsComeBeforeEveryOutline() throws {
        let edges = try Bins.edges(from: 0, to: 4, count: 4)
        var axes = Axes(xLabel: "m", yLabel: "jets")
        axes.addHistogram([1, 5, 2, 1], edges: edges, label: "signal")
        axes.addHistogram([4, 3, 3, 2], edges: edges, label: "background")
        let svg = try SVGInspector(try Figure(axes).svg())
        let paths = svg.elements.filter { $0.name == "path" && $0.groups.contains { $0["clip-path"] != nil } }
        #expect(paths.count == 4)
        let fills = paths.map { $0.attributes["fill"] != "none" }
        #expect(fills == [true, true, false, false])
        // Each fill and its outline trace the same steps, in the series' colour.
        #expect(paths[0].attributes["d"] == paths[2].attributes["d"])
        #expect(paths[1].attributes["d"] == paths[3].attributes["d"])
        #expect(paths[0].attributes["fill"] == paths[2].attributes["stroke"])
        #expect(paths[0].attributes["stroke"] == "none" && paths[2].attributes["fill"] == "none")
    }
}
