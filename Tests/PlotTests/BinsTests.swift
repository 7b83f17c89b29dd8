import Plot
import Testing

@Suite struct BinsTests {
    @Test func equalEdgesEndExactlyAtTheUpperLimit() throws {
        let edges = try Bins.edges(from: 0.1, to: 0.7, count: 6)
        #expect(edges.count == 7)
        #expect(edges.first == 0.1)
        #expect(edges.last == 0.7)
        for i in 1..<edges.count { #expect(abs(edges[i] - edges[i - 1] - 0.1) < 1e-12) }
    }

    @Test func valuesOnEdgesGoUpExceptAtTheLastEdge() throws {
        let edges: [Double] = [0, 1, 2, 3]
        let counts = try Bins.counts([0, 0.5, 1, 1.999, 2, 3, -0.1, 3.1, .nan, .infinity], edges: edges)
        // numpy.histogram: [0,1) [1,2) [2,3]; outside values and NaN are not counted.
        #expect(counts == [2, 2, 2])
    }

    @Test func uniformAndIrregularEdgesAgree() throws {
        var random = SeededRandom(seed: 3)
        let values = (0..<20000).map { _ in random.normal(mean: 0.3, sigma: 0.2) }
        let uniform = try Bins.edges(from: 0, to: 0.7, count: 70)
        var irregular = uniform
        irregular[35] += 1e-7  // no longer uniform: the binary search decides every bin
        let a = try Bins.counts(values, edges: uniform)
        let b = try Bins.counts(values, edges: irregular)
        #expect(a.reduce(0, +) == b.reduce(0, +))
        let differences = zip(a, b).filter { $0 != $1 }.count
        #expect(differences <= 2)
        // A brute-force count of one bin agrees.
        let brute = values.filter { $0 >= uniform[10] && $0 < uniform[11] }.count
        #expect(a[10] == Double(brute))
    }

    /// Each cell holds the pairs whose x and y fall in its bins (the last bin of each axis
    /// with its upper edge); pairs outside or with NaN are left out.
    @Test func twoDimensionalCountsMatchABruteForceCount() throws {
        var random = SeededRandom(seed: 8)
        var x = (0..<5000).map { _ in random.normal(mean: 0.5, sigma: 0.3) }
        var y = x.map { $0 + random.normal(mean: 0, sigma: 0.2) }
        x += [0, 1, 1, .nan, 0.5]
        y += [0, 1, 0.5, 0.5, .nan]
        let xEdges = try Bins.edges(from: 0, to: 1, count: 7), yEdges = try Bins.edges(from: 0, to: 1, count: 5)
        let counts = try Bins.counts2D(x: x, y: y, xEdges: xEdges, yEdges: yEdges)
        #expect(counts.count == 5 && counts.allSatisfy { $0.count == 7 })
        for j in 0..<5 {
            for i in 0..<7 {
                let inside = zip(x, y).filter { u, v in
                    u >= xEdges[i] && (u < xEdges[i + 1] || (i == 6 && u == 1)) && v >= yEdges[j] && (v < yEdges[j + 1] || (j == 4 && v == 1))
                }.count
                #expect(counts[j][i] == Double(inside), "cell x \(i), y \(j)")
            }
        }
        #expect(counts[4][6] >= 1 && counts[0][0] >= 1)
        #expect(throws: PlotError.self) { try Bins.counts2D(x: [1, 2], y: [1], xEdges: xEdges, yEdges: yEdges) }
    }

    @Test func floatValuesAreCountedLikeDoubles() throws {
        let edges = try Bins.edges(from: 60, to: 100, count: 40)
        let floats: [Float] = [60, 61.5, 99.99, 100, 59.9]
        #expect(try Bins.counts(floats, edges: edges) == Bins.counts(floats.map(Double.init), edges: edges))
        #expect(Bins.range(of: floats) == 59.900001525878906...100)
    }

    @Test func densityIntegratesToOne() throws {
        let edges: [Double] = [0, 1, 3, 6]
        let counts: [Double] = [10, 20, 30]
        let density = try Bins.density(counts, edges: edges)
        let integral = zip(density, zip(edges, edges.dropFirst())).map { $0 * ($1.1 - $1.0) }.reduce(0, +)
        #expect(abs(integral - 1) < 1e-12)
        #expect(abs(density[0] - 10.0 / 60) < 1e-12)
        let errors = try Bins.densityErrors(counts, edges: edges)
        #expect(abs(errors[1] - 20.0.squareRoot() / (60 * 2)) < 1e-12)
    }

    @Test func poissonErrorsAreRootN() {
        #expect(Bins.poissonErrors([0, 1, 4, 100, -3]) == [0, 1, 2, 10, 0])
    }

    @Test func logEdgesAreEvenInLog10() throws {
        let edges = try Bins.logEdges(from: 1e-4, to: 1, count: 4)
        #expect(edges.count == 5)
        for (e, expected) in zip(edges, [1e-4, 1e-3, 1e-2, 1e-1, 1]) { #expect(abs(e / expected - 1) < 1e-12) }
    }

    @Test func badInputGetsAClearError() {
        #expect(throws: PlotError("bins: count must be at least 1, got 0")) { try Bins.edges(from: 0, to: 1, count: 0) }
        #expect(throws: PlotError("bins: range must be finite with lower < upper, got 2.0 … 1.0")) {
            try Bins.edges(from: 2, to: 1, count: 10)
        }
        #expect(throws: PlotError("bins: edges must be finite and strictly increasing, edge 2 is 1.0 after 2.0")) {
            try Bins.counts([1.0] as [Double], edges: [0, 2, 1])
        }
        #expect(throws: PlotError("bins: 3 counts need 4 edges, got 3")) { try Bins.density([1, 2, 3], edges: [0, 1, 2]) }
        #expect(throws: PlotError("bins: logarithmic bins need a positive range, got 0.0 … 1.0")) {
            try Bins.logEdges(from: 0, to: 1, count: 3)
        }
        #expect(Bins.range(of: [Double.nan]) == nil)
    }
}
