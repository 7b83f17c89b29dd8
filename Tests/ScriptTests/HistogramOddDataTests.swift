import Testing
import Plot
import Script
import TestSupport

/// hist on data that is not a plain spread of numbers: NaN and infinite values, one value
/// repeated, widths far from 1. The bins and the y label must still say what is drawn.
@Suite struct HistogramOddDataTests {
    /// A session with simulated jets, their masses as `m`, and `f` drawn by `command`.
    private func histogram(_ command: String) throws -> (panel: Axes, session: Session) {
        let session = Session(output: CapturedOutput())
        let result = session.execute("jets = simulate n=400 seed=1\nm = jets.jet_mass\nf = \(command)")
        try #require(result.succeeded, "\(result.error?.description ?? "")")
        guard case .figure(let figure)? = session.value("f") else {
            Issue.record("hist without save= gives a figure")
            throw CancellationError()
        }
        return (figure.figure.panels[0], session)
    }

    private func count(_ expression: String, in session: Session) throws -> Int {
        try #require(session.execute("n = \(expression)").succeeded)
        guard case .number(let x)? = session.value("n") else { return -1 }
        return Int(x)
    }

    /// The jets a histogram leaves out because they are NaN or infinite are counted in a box,
    /// as values outside a given range are, whether the range is the data's or given.
    @Test func valuesThatAreNotFiniteAreCounted() throws {
        let (automatic, session) = try histogram("hist m / (m > 65)")
        let infinite = try count("(m <= 65).sum", in: session)
        #expect(infinite > 0)
        #expect(automatic.textBoxes.map(\.lines) == [["\(infinite) NaN or infinite"]])
        // With range=, an infinite value is not "above the range": it is counted once, as such.
        let given = try histogram("hist m / (m > 65) range=[0, 200]").panel
        #expect(given.textBoxes.map(\.lines) == [["\(infinite) NaN or infinite"]])
        let narrow = try histogram("hist m / (m > 65) range=[70, 90]")
        let below = try count("(m > 65 and m < 70).sum", in: narrow.session)
        let above = try count("(m > 90).sum", in: narrow.session)
        #expect(narrow.panel.textBoxes.map(\.lines) == [["\(below) below, \(above) above the range; \(infinite) NaN or infinite"]])
        // Overlaid columns are named; a column with nothing left out has no line.
        let overlaid = try histogram("hist m m / (m > 65) labels=[\"all\", \"cut\"]").panel
        #expect(overlaid.textBoxes.map(\.lines) == [["cut: \(infinite) NaN or infinite"]])
        #expect(try histogram("hist m").panel.textBoxes.isEmpty)
    }

    /// hist2d counts the jets with a NaN or infinite coordinate too, beside those outside a
    /// given range, in notes above the cells (a box inside would cover cells).
    @Test func hist2dCountsPairsThatAreNotFinite() throws {
        let (automatic, session) = try histogram("hist2d m m / (m > 65)")
        let infinite = try count("(m <= 65).sum", in: session)
        #expect(infinite > 0)
        #expect(automatic.notes == ["\(infinite) with a NaN or infinite value"] && automatic.textBoxes.isEmpty)
        let narrow = try histogram("hist2d m m / (m > 65) range=[70, 90, 70, 90]")
        let outside = try count("(m > 65 and (m < 70 or m > 90)).sum", in: narrow.session)
        let finite = try count("(m > 65).sum", in: narrow.session)
        #expect(narrow.panel.notes == ["\(outside) of \(finite) jets outside the range", "\(infinite) with a NaN or infinite value"])
        #expect(narrow.panel.textBoxes.isEmpty)
        let plain = try histogram("hist2d m m").panel
        #expect(plain.notes.isEmpty && plain.textBoxes.isEmpty)
    }

    /// One value repeated gets bins around it, also where ± 0.5 would be the value again.
    @Test func oneRepeatedValueGetsBinsAroundIt() throws {
        for value in ["5", "1e17", "-1e300"] {
            let panel = try histogram("hist m * 0 + \(value)").panel
            guard case .histogram(let h)? = panel.series.first else {
                Issue.record("a histogram for \(value)")
                continue
            }
            let x = try #require(Double(value))
            let first = try #require(h.edges.first), last = try #require(h.edges.last)
            #expect(first < x && x < last, "\(value): \(first) … \(last)")
            #expect(h.counts.reduce(0, +) == 400, "\(value)")
        }
    }

    /// The y label names the bin width as the bins have it; a tiny or huge width in short
    /// exponent form (1e-09, not 1.000e-09).
    @Test func theWidthInTheLabelIsTheBinWidth() throws {
        for (scale, label) in [("1", "jets / 1 GeV"), ("1e-9", "jets / 1e-09 GeV"), ("1e12", "jets / 1e+12 GeV"),
                               ("3e-9", "jets / 2.5e-09 GeV")] {
            let panel = try histogram("hist m * \(scale)").panel
            #expect(panel.y.label == label, "m * \(scale)")
            guard case .histogram(let h)? = panel.series.first else { continue }
            let width = (h.edges[h.edges.count - 1] - h.edges[0]) / Double(h.edges.count - 1)
            let stated = try #require(Double(label.split(separator: " ")[2]))
            #expect(abs(width - stated) <= 1e-9 * stated, "m * \(scale): width \(width)")
        }
    }
}
