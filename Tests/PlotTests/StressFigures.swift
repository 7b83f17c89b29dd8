import Foundation
import Plot

/// Figures that push layout to its edges: long labels in small panels, huge and tiny
/// numbers, many decades, every kind of text.
enum StressFigures {
    static func all() throws -> [(name: String, figure: Figure)] {
        [
            ("small-long-labels", try smallWithLongLabels()),
            ("huge-counts", try hugeCounts()),
            ("many-decades", manyDecades()),
            ("tiny-values", tinyValues()),
            ("three-by-three", try threeByThree()),
            ("shared-axes", try sharedAxes()),
            ("special-text", specialText()),
            ("empty-panel", Figure(Axes(title: "nothing to show"))),
            ("far-from-zero", farFromZero()),
            ("noted-2d-histograms", notedHistograms2D()),
        ]
    }

    static func smallWithLongLabels() throws -> Figure {
        let edges = try Bins.edges(from: -123456, to: 987654, count: 30)
        var axes = Axes(title: "A rather long title for such a small panel", xLabel: "reconstructed invariant mass of the jet [MeV]",
                        yLabel: "jets per bin")
        axes.addHistogram(edges.dropLast().map { 1000 + $0 / 100 }, edges: edges, label: "a long legend label")
        return Figure(axes, width: 200, height: 150)
    }

    static func hugeCounts() throws -> Figure {
        let edges = try Bins.edges(from: 0, to: 1, count: 20)
        var axes = Axes(xLabel: "x", yLabel: "entries")
        axes.addHistogram((0..<20).map { 2.5e7 * Double($0 + 1) }, edges: edges, errors: (0..<20).map { _ in 1e6 })
        axes.addTextBox(["$\\mu$ = 1", "$\\sigma$ = 2"])
        return Figure(axes)
    }

    static func manyDecades() -> Figure {
        let x = (0...160).map { pow(10, -8 + 0.1 * Double($0)) }
        var axes = Axes(xLabel: "$E$", yLabel: "$f(E)$", xScale: .log, yScale: .log)
        axes.addLine(x: x, y: x.map { 1 / ($0 * $0 + 1e-12) }, label: "$1/E^2$")
        axes.addLine(x: x, y: x.map { $0 <= 1e-4 ? 0 : $0 }, label: "zero below $10^{-4}$")
        return Figure(axes, width: 300, height: 220)
    }

    /// 2D histograms with notes above their cells, in a grid: titles, a ×10ⁿ on the y axis
    /// and on the colour bar, and lines as long as hist2d writes.
    static func notedHistograms2D() -> Figure {
        let panels = (0..<4).map { k -> Axes in
            let pixels = (0..<100).map { Double(($0 * 37 + k * 11) % 23) * (k % 2 == 0 ? 1 : 1e6) }
            let image = ImageSeries(pixels: pixels, rows: 10, columns: 10,
                                    extent: ImageExtent(x: 260...270, y: (k < 2 ? 0.2...0.3 : 2e-7...3e-7)),
                                    colourBarLabel: "jets per cell", keepsAspect: false)
            var axes = Axes.image(image, title: k == 1 ? nil : "panel \(k + 1)", xLabel: "jet_pt [GeV]", yLabel: "tau_21")
            axes.notes = ["3,807 of 4,000 jets outside the range"] + (k == 3 ? ["12 with a NaN or infinite value"] : [])
            return axes
        }
        return Figure(rows: 2, columns: 2, panels: panels)
    }

    static func tinyValues() -> Figure {
        var axes = Axes(xLabel: "t", yLabel: "v")
        axes.addLine(x: [-3e-5, 0, 4e-5], y: [2e-6, -1e-6, 7e-6], markerSize: 5)
        return Figure(axes, width: 320, height: 240)
    }

    static func threeByThree() throws -> Figure {
        var random = SeededRandom(seed: 13)
        var panels: [Axes] = []
        for k in 0..<8 {
            let values = (0..<500).map { _ in random.normal(mean: Double(k) * 10, sigma: 5 + Double(k)) }
            let edges = try Bins.edges(from: Double(k) * 10 - 30, to: Double(k) * 10 + 30, count: 24)
            var axes = Axes(title: "panel \(k + 1)", xLabel: "value", yLabel: k % 2 == 0 ? "count" : nil,
                            yScale: k == 4 ? .log : .linear)
            axes.addHistogram(try Bins.counts(values, edges: edges), edges: edges, label: k == 0 ? "data" : nil)
            panels.append(axes)
        }
        return Figure(rows: 3, columns: 3, panels: panels, title: "Eight panels in a 3×3 grid", width: 540, height: 480)
    }

    static func sharedAxes() throws -> Figure {
        let edges = try Bins.edges(from: 0, to: 10, count: 10)
        let panels = (0..<4).map { k -> Axes in
            var axes = Axes(xLabel: "x", yLabel: "n")
            axes.addHistogram((0..<10).map { Double(($0 * 7 + k * 3) % 11) * Double(k + 1) }, edges: edges)
            return axes
        }
        return Figure(rows: 2, columns: 2, panels: panels, sharesX: true, sharesY: true)
    }

    /// Values whose span is tiny next to their size have no representable round ticks.
    static func farFromZero() -> Figure {
        var axes = Axes(xLabel: "x", yLabel: "y")
        axes.addLine(x: [0, 1, 2], y: [1e15, 1e15 + 1, 1e15 + 0.5])
        return Figure(axes)
    }

    static func specialText() -> Figure {
        var axes = Axes(title: "<η & φ> \"quoted\" 'single'", xLabel: "$\\Delta\\eta$ ≤ 1.2 − ε, $\\sigma^2$", yLabel: "μ ± σ²")
        axes.addScatter(x: [-1, 0, 1], y: [1, 0, -1], label: "a < b & c > d")
        axes.addTextBox(["$\\mu$ = −0.00814 ± 0.00036", "T&C <ok>"])
        return Figure(axes)
    }
}
