import Foundation

/// Histogramming as pure functions on arrays: bin edges, counts into shared edges, density
/// normalisation and Poisson errors.
public enum Bins {
    /// `count` equal bins from `lower` to `upper`: count + 1 edges, the last exactly `upper`.
    public static func edges(from lower: Double, to upper: Double, count: Int) throws -> [Double] {
        guard count >= 1 else { throw PlotError("bins: count must be at least 1, got \(count)") }
        guard lower.isFinite, upper.isFinite, lower < upper else {
            throw PlotError("bins: range must be finite with lower < upper, got \(lower) … \(upper)")
        }
        let width = (upper - lower) / Double(count)
        var edges = (0..<count).map { lower + Double($0) * width }
        edges.append(upper)
        return edges
    }

    /// Bins for a range the data chose (not the user): a width of 1, 2, 2.5 or 5 × 10ⁿ, edges
    /// on multiples of it, covering `lower…upper`, with the bin count nearest `count` (the
    /// fewer bins on a tie), as ROOT's THLimitsFinder and numpy-style "nice" bins do; so an
    /// axis reads "jets / 1 GeV", not "jets / 0.9956 GeV". Ranges too far from zero for their
    /// span to have such multiples, or too near the largest number for the multiples around
    /// them to be numbers, get `edges(from:to:count:)`.
    ///
    /// (60.2, 99.8, 40) → 60, 61, …, 100; (0.013, 0.92, 50) → 0.01, 0.03, …, 0.93 (width 0.02).
    public static func niceEdges(covering lower: Double, _ upper: Double, about count: Int) throws -> [Double] {
        let plain = try edges(from: lower, to: upper, count: count)
        let raw = (upper - lower) / Double(count)
        let exponent = Int(log10(raw).rounded(.down))
        var best: (step: Ticks.Step, first: Int, bins: Int)?
        for e in (exponent - 1)...(exponent + 1) {
            for tenths in [10, 20, 25, 50] {
                let step = Ticks.Step(tenths: tenths, exponent: e)
                let v = step.value
                guard v.isFinite, abs(lower / v) < 1e12, abs(upper / v) < 1e12 else { continue }
                // Multiples of the step from the last at or below `lower` to the first at or
                // above `upper`, checked on the exact tick values so no value falls outside.
                var first = Int((lower / v).rounded(.down)), last = Int((upper / v).rounded(.up))
                while step.tick(first) > lower { first -= 1 }
                while step.tick(first + 1) <= lower { first += 1 }
                while step.tick(last) < upper { last += 1 }
                while last - first > 1 && step.tick(last - 1) >= upper { last -= 1 }
                // Near the largest number the multiple above `upper` may not be one (2e308).
                guard step.tick(first).isFinite, step.tick(last).isFinite else { continue }
                let bins = last - first
                if let current = best {
                    let (distance, currentDistance) = (abs(bins - count), abs(current.bins - count))
                    guard distance < currentDistance || (distance == currentDistance && bins < current.bins) else { continue }
                }
                best = (step, first, bins)
            }
        }
        guard let best else { return plain }
        return (0...best.bins).map { best.step.tick(best.first + $0) }
    }

    /// `count` bins of equal width in log10 from `lower` to `upper` (both > 0).
    public static func logEdges(from lower: Double, to upper: Double, count: Int) throws -> [Double] {
        guard lower > 0, upper > 0 else {
            throw PlotError("bins: logarithmic bins need a positive range, got \(lower) … \(upper)")
        }
        var edges = try self.edges(from: log10(lower), to: log10(upper), count: count).map { pow(10, $0) }
        edges[0] = lower
        edges[count] = upper
        return edges
    }

    /// The smallest and largest finite value, nil when there is none.
    public static func range(of values: [Double]) -> ClosedRange<Double>? {
        var low = Double.infinity, high = -Double.infinity
        for v in values where v.isFinite {
            low = min(low, v)
            high = max(high, v)
        }
        return low <= high ? low...high : nil
    }

    /// The smallest and largest finite value, nil when there is none.
    public static func range(of values: [Float]) -> ClosedRange<Double>? {
        range(of: values.map(Double.init))
    }

    /// How many values fall in each bin. Bins are [edgeᵢ, edgeᵢ₊₁) except the last, which
    /// includes its upper edge (as numpy); values outside the edges and NaN are not counted.
    public static func counts(_ values: [Double], edges: [Double]) throws -> [Double] {
        try validate(edges)
        var counts = [Double](repeating: 0, count: edges.count - 1)
        let lower = edges[0], upper = edges[edges.count - 1]
        let bins = edges.count - 1
        let width = (upper - lower) / Double(bins)
        let uniform = isUniform(edges, width: width)
        values.withUnsafeBufferPointer { buffer in
            for v in buffer where v >= lower && v <= upper {
                var i: Int
                if uniform {
                    i = min(bins - 1, Int((v - lower) / width))
                    // Rounding can put a value one bin off near an edge: the edges decide.
                    if v < edges[i] { i -= 1 } else if i + 1 < bins && v >= edges[i + 1] { i += 1 }
                } else {
                    i = bin(of: v, in: edges)
                }
                counts[i] += 1
            }
        }
        return counts
    }

    /// How many values fall in each bin (see the `[Double]` version).
    public static func counts(_ values: [Float], edges: [Double]) throws -> [Double] {
        try counts(values.map(Double.init), edges: edges)
    }

    /// Counts divided by (total in range × bin width), so the histogram integrates to 1.
    /// All zero when the counts are.
    public static func density(_ counts: [Double], edges: [Double]) throws -> [Double] {
        try perUnitArea(counts, total: counts.reduce(0, +), edges: edges)
    }

    /// Errors of `density(counts, edges:)`: √N scaled the same way.
    public static func densityErrors(_ counts: [Double], edges: [Double]) throws -> [Double] {
        try perUnitArea(poissonErrors(counts), total: counts.reduce(0, +), edges: edges)
    }

    private static func perUnitArea(_ values: [Double], total: Double, edges: [Double]) throws -> [Double] {
        try validate(edges, counts: values.count)
        guard total > 0 else { return values.map { _ in 0 } }
        return values.indices.map { values[$0] / (total * (edges[$0 + 1] - edges[$0])) }
    }

    /// √N for each count (0 for empty and negative bins).
    public static func poissonErrors(_ counts: [Double]) -> [Double] {
        counts.map { $0 > 0 ? $0.squareRoot() : 0 }
    }

    /// Edges that are finite, at least two, and strictly increasing.
    static func validate(_ edges: [Double], counts: Int? = nil) throws {
        guard edges.count >= 2 else { throw PlotError("bins: need at least 2 edges, got \(edges.count)") }
        if let counts, counts != edges.count - 1 {
            throw PlotError("bins: \(counts) counts need \(counts + 1) edges, got \(edges.count)")
        }
        for i in 1..<edges.count where !(edges[i] > edges[i - 1]) || !edges[i].isFinite || !edges[i - 1].isFinite {
            throw PlotError("bins: edges must be finite and strictly increasing, edge \(i) is \(edges[i]) after \(edges[i - 1])")
        }
    }

    private static func isUniform(_ edges: [Double], width: Double) -> Bool {
        let tolerance = 1e-9 * (edges[edges.count - 1] - edges[0])
        for i in edges.indices where abs(edges[i] - (edges[0] + Double(i) * width)) > tolerance {
            return false
        }
        return true
    }

    /// How many (x, y) pairs fall in each cell of a 2D histogram: `counts[j][i]` for x bin i
    /// and y bin j, bins as in `counts`; pairs with a coordinate outside its edges or NaN are
    /// not counted.
    public static func counts2D(x: [Double], y: [Double], xEdges: [Double], yEdges: [Double]) throws -> [[Double]] {
        try validate(xEdges)
        try validate(yEdges)
        guard x.count == y.count else { throw PlotError("bins: x has \(x.count) values but y has \(y.count)") }
        var counts = [[Double]](repeating: [Double](repeating: 0, count: xEdges.count - 1), count: yEdges.count - 1)
        let xRange = xEdges[0]...xEdges[xEdges.count - 1], yRange = yEdges[0]...yEdges[yEdges.count - 1]
        for (u, v) in zip(x, y) where xRange.contains(u) && yRange.contains(v) {
            counts[bin(of: v, in: yEdges)][bin(of: u, in: xEdges)] += 1
        }
        return counts
    }

    /// The bin of `v` (within the edges) by binary search.
    private static func bin(of v: Double, in edges: [Double]) -> Int {
        var low = 0, high = edges.count - 2
        while low < high {
            let mid = (low + high + 1) / 2
            if edges[mid] <= v { low = mid } else { high = mid - 1 }
        }
        return low
    }
}
