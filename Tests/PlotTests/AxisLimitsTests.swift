import Foundation
import Plot
import Testing

/// A histogram's x axis ends at its outer bin edges at every scale, from 1e-300 to 1e300:
/// the ticks at the first and last edge stand on the frame's left and right sides.
@Suite struct AxisLimitsTests {
    @Test(arguments: [1e-300, 1e-15, 1e-13, 1.0, 1e12, 1e300])
    func histogramAxisEndsAtTheBinEdges(scale: Double) throws {
        let edges = (0...8).map { (0.6 + 0.05 * Double($0)) * scale }
        var axes = Axes(xLabel: "x", yLabel: "jets")
        axes.addHistogram([1, 3, 5, 8, 6, 4, 2, 1], edges: edges)
        let svg = try SVGInspector(try Figure(axes).svg())
        let frame = try #require(svg.frames[1])
        let ticks = svg.texts.filter { $0.role == "xtick" }
        let first = try #require(ticks.first), last = try #require(ticks.last)
        #expect(Double(first.text) == 0.6 && Double(last.text) == 1.0, "\(ticks.map(\.text)) at scale \(scale)")
        #expect(abs((first.x0 + first.x1) / 2 - frame.x) < 0.5, "at scale \(scale)")
        #expect(abs((last.x0 + last.x1) / 2 - (frame.x + frame.width)) < 0.5, "at scale \(scale)")
    }

    @Test func aSingleValueStillGetsARangeAroundIt() throws {
        for value in [0.0, 1e-15, 3.0] {
            var axes = Axes(xLabel: "x", yLabel: "y")
            axes.addLine(x: [value, value], y: [1, 2])
            let ticks = try SVGInspector(try Figure(axes).svg()).texts.filter { $0.role == "xtick" }
            #expect(ticks.count >= 2, "\(ticks.map(\.text)) around \(value)")
        }
    }
}
