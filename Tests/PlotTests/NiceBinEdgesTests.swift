import Foundation
import Testing
import Plot

/// Bins for a range the data chose: a nice width (1, 2, 2.5 or 5 × 10ⁿ), edges on its
/// multiples, covering the data, the bin count near the one asked.
@Suite struct NiceBinEdgesTests {
    static func isNice(_ width: Double) -> Bool {
        let exponent = (log10(width)).rounded(.down)
        let mantissa = width / pow(10, exponent)
        return [1, 2, 2.5, 5, 10].contains { abs(mantissa - $0) < 1e-9 }
    }

    @Test func aMassRangeGetsWholeGeVBins() throws {
        // 50 bins over 60.22…110.0 were 0.9956 GeV wide.
        let edges = try Bins.niceEdges(covering: 60.22, 110.0, about: 50)
        #expect(edges.first == 60 && edges.last == 110 && edges.count == 51)
        #expect(zip(edges, edges.dropFirst()).allSatisfy { $1 - $0 == 1 })
    }

    @Test func decimalsAreExact() throws {
        let edges = try Bins.niceEdges(covering: 0.013, 0.92, about: 50)
        #expect(edges.first == 0 && edges.count - 1 == 46)
        #expect(edges.contains(0.3) && edges.contains(0.92))
    }

    /// Seeded random ranges over many decades: every edge set is nice, covers the range and
    /// has a bin count within a factor of 1.5 of the one asked (the nearest of the
    /// nice widths around it: 1 and 2 meet at 4/3 of a width of 1).
    @Test func randomRangesAreCoveredWithNiceWidths() throws {
        var state: UInt64 = 12345
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        for _ in 0..<2000 {
            let scale = pow(10, uniform() * 12 - 6)
            let a = (uniform() * 2 - 1) * scale * 10, b = a + uniform() * scale + scale * 1e-3
            let count = 1 + Int(uniform() * 200)
            let edges = try Bins.niceEdges(covering: a, b, about: count)
            let bins = edges.count - 1
            let width = (edges[bins] - edges[0]) / Double(bins)
            #expect(Self.isNice(width), "\(a)…\(b), \(count): width \(width)")
            #expect(edges[0] <= a && edges[bins] >= b, "\(a)…\(b): \(edges[0])…\(edges[bins])")
            #expect(Double(bins) <= Double(count) * 1.5 + 2 && Double(bins) >= Double(count) / 1.5 - 2, "\(a)…\(b), \(count): \(bins) bins")
            // Edges on multiples of the width, and no empty bin past either end of the range.
            #expect(abs(edges[0] / width - (edges[0] / width).rounded()) < 1e-6)
            #expect(edges[1] > a && edges[bins - 1] < b)
        }
    }

    /// Near the largest number a nice width's multiple above the range would be 2e308, which
    /// is no number: such widths are passed over, and where none is left the edges are plain.
    @Test func rangesNearTheLargestNumberGetFiniteEdges() throws {
        for (lower, upper, count) in [(0, 1.79e308, 50), (1.7e308, 1.79e308, 50), (-1.79e308, -1.7e308, 10), (-8e307, 8e307, 1),
                                      (0, 1.79e308, 1)] {
            let edges = try Bins.niceEdges(covering: lower, upper, about: count)
            #expect(edges.allSatisfy { $0.isFinite }, "\(lower)…\(upper), \(count)")
            #expect(edges[0] <= lower && edges[edges.count - 1] >= upper, "\(lower)…\(upper), \(count)")
            #expect(zip(edges, edges.dropFirst()).allSatisfy { $0 < $1 }, "\(lower)…\(upper), \(count)")
        }
    }

    @Test func badRangesAreRefusedAsByEdges() {
        #expect(throws: PlotError.self) { try Bins.niceEdges(covering: 1, 1, about: 10) }
        #expect(throws: PlotError.self) { try Bins.niceEdges(covering: 0, .infinity, about: 10) }
        #expect(throws: PlotError.self) { try Bins.niceEdges(covering: 0, 1, about: 0) }
    }
}
