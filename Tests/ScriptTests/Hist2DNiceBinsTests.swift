import Foundation
import Testing
import Plot
import Script
import TestSupport

/// hist2d bins a range the data chose as hist does, on each axis: a nice width (1, 2, 2.5 or
/// 5 × 10ⁿ) on its multiples, about bins= of them; a given range= is kept exactly. The odd
/// data hist handles (one repeated value, huge values, NaN and infinite values) gets the same
/// bins on each axis as hist gives that column alone.
@Suite struct Hist2DNiceBinsTests {
    private func session() throws -> Session {
        let session = Session(output: CapturedOutput())
        try #require(session.execute("jets = simulate n=400 seed=1\nm = jets.jet_mass\nt = jets.tau_21").succeeded)
        return session
    }

    private func figure(_ session: Session, _ command: String) throws -> Axes {
        let result = session.execute("f = " + command)
        try #require(result.succeeded, "\(command): \(result.error?.description ?? "")")
        guard case .figure(let figure)? = session.value("f") else {
            Issue.record("\(command) gives a figure")
            throw CancellationError()
        }
        return figure.figure.panels[0]
    }

    /// The x and y edges of a 2D histogram, from its image (equal cells).
    private func edges(_ session: Session, _ command: String) throws -> (x: [Double], y: [Double], image: ImageSeries, boxes: [[String]]) {
        let panel = try figure(session, command)
        guard case .image(let image)? = panel.series.first else {
            Issue.record("\(command) draws an image")
            throw CancellationError()
        }
        func spread(_ range: ClosedRange<Double>, _ bins: Int) -> [Double] {
            (0...bins).map { range.lowerBound + (range.upperBound - range.lowerBound) / Double(bins) * Double($0) }
        }
        return (spread(image.extent.x, image.columns), spread(image.extent.y, image.rows), image, [panel.notes].filter { !$0.isEmpty } + panel.textBoxes.map(\.lines))
    }

    /// The edges hist gives `column` alone.
    private func histEdges(_ session: Session, _ column: String, bins: Int) throws -> [Double] {
        guard case .histogram(let h)? = try figure(session, "hist \(column) bins=\(bins)").series.first else {
            Issue.record("hist \(column) draws a histogram")
            throw CancellationError()
        }
        return h.edges
    }

    private func sameEdges(_ a: [Double], _ b: [Double]) -> Bool {
        let span = (b.last ?? 0) - (b.first ?? 0)
        return a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= 1e-9 * span }
    }

    private func isNice(_ edges: [Double]) -> Bool {
        let width = (edges[edges.count - 1] - edges[0]) / Double(edges.count - 1)
        let mantissa = width / pow(10, log10(width).rounded(.down))
        let onMultiples = abs(edges[0] / width - (edges[0] / width).rounded()) < 1e-6
        return onMultiples && [1, 2, 2.5, 5, 10].contains { abs(mantissa - $0) < 1e-9 }
    }

    @Test func theDataRangeGetsNiceBinsOnEachAxis() throws {
        let s = try session()
        let h = try edges(s, "hist2d m t bins=30")
        #expect(isNice(h.x) && isNice(h.y), "\(h.x) \(h.y)")
        let (histM, histT) = (try histEdges(s, "m", bins: 30), try histEdges(s, "t", bins: 30))
        #expect(sameEdges(h.x, histM) && sameEdges(h.y, histT))
        // The nice edges cover the data: every jet is in a cell, none counted outside.
        #expect(h.image.pixels.reduce(0, +) == 400 && h.boxes.isEmpty)
        // Each axis chooses its own count: the image has as many columns and rows as bins.
        #expect(h.image.pixels.count == h.image.rows * h.image.columns)
        let mass = try edges(s, "hist2d m m bins=40")
        #expect(sameEdges(mass.x, mass.y) && mass.image.keepsAspect)
    }

    @Test func aGivenRangeIsKeptExactly() throws {
        let s = try session()
        let h = try edges(s, "hist2d m t range=[61.3, 97.1, 0.11, 0.93] bins=17")
        #expect(h.image.extent == ImageExtent(x: 61.3...97.1, y: 0.11...0.93))
        #expect(h.image.columns == 17 && h.image.rows == 17)
    }

    /// One repeated value, values near the largest number, and NaN or infinite values: each
    /// axis has hist's bins of its column, and every jet is in a cell or counted in the box.
    @Test func oddDataGetsTheBinsHistGivesIt() throws {
        let s = try session()
        for value in ["5", "1e17", "-1e300"] {
            let column = "m * 0 + \(value)"
            let h = try edges(s, "hist2d (\(column)) t")
            let x = try #require(Double(value))
            #expect(h.x[0] < x && x < h.x[h.x.count - 1], "\(value): \(h.x)")
            let hist = try histEdges(s, "(\(column))", bins: 50)
            #expect(sameEdges(h.x, hist), "\(value)")
            #expect(h.image.pixels.reduce(0, +) == 400, "\(value)")
        }
        // Masses of 60 to 100 GeV times 1.79e306 come near the largest number, 1.8e308.
        let huge = try edges(s, "hist2d t (m * 1.79e306)")
        #expect(huge.y.allSatisfy { $0.isFinite } && huge.image.pixels.reduce(0, +) == 400)
        let hugeHist = try histEdges(s, "(m * 1.79e306)", bins: 50)
        #expect(sameEdges(huge.y, hugeHist))
        // NaN and infinite values: the bins are the finite values', the others are counted.
        try #require(s.execute("n = (m <= 65).sum").succeeded)
        guard case .number(let notFinite)? = s.value("n") else { throw CancellationError() }
        #expect(notFinite > 0)
        let cut = try edges(s, "hist2d (m / (m > 65)) t")
        let cutHist = try histEdges(s, "(m / (m > 65))", bins: 50)
        #expect(isNice(cut.x) && sameEdges(cut.x, cutHist))
        #expect(cut.image.pixels.reduce(0, +) == 400 - notFinite)
        #expect(cut.boxes == [["\(Int(notFinite)) with a NaN or infinite value"]])
    }

    /// One quantity two ways (diagonal=true): both axes get the same nice bins, over both
    /// columns' values, as hist gives the two columns overlaid; so the cells are square and
    /// y = x runs at 45°. A given range= stays as given.
    @Test func theDiagonalGetsTheSameBinsOnBothAxes() throws {
        let s = try session()
        try #require(s.execute("w = m * 0.8 + 20").succeeded)
        let apart = try edges(s, "hist2d m w")
        #expect(!sameEdges(apart.x, apart.y) && !apart.image.keepsAspect)
        let h = try edges(s, "hist2d m w diagonal=true bins=30")
        #expect(sameEdges(h.x, h.y) && h.image.keepsAspect, "\(h.x) \(h.y)")
        let overlaid = try histEdges(s, "m w", bins: 30)
        #expect(isNice(h.x) && sameEdges(h.x, overlaid))
        #expect(h.image.pixels.reduce(0, +) == 400 && h.boxes.isEmpty)
        // The union also holds when one column is a single repeated value.
        let flat = try edges(s, "hist2d (m * 0 + 5) m diagonal=true")
        #expect(sameEdges(flat.x, flat.y) && flat.x[0] <= 5 && flat.image.pixels.reduce(0, +) == 400)
        let given = try edges(s, "hist2d m w range=[61.3, 97.1, 70, 90] bins=17 diagonal=true")
        #expect(given.image.extent == ImageExtent(x: 61.3...97.1, y: 70...90))
    }
}
