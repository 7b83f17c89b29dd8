import Analysis
import Foundation
import JetData
import Simulator
import Testing
import TestSupport

/// The simulator against 4,000 real Pythia 8 + FastJet jets made by the same recipe: the
/// criteria of the simulator's issue, checked on 10,000 simulated jets, and also on the Pythia
/// jets themselves so that each criterion is known to describe real jets. Prints the
/// side-by-side table that docs/SIMULATOR.md shows.
struct SimulatorValidationTests {
    /// What the criteria look at, for one class of one sample.
    struct ClassSummary: Sendable {
        var count = 0
        var nonZeroPixelFraction = 0.0
        var meanImagePtSum = 0.0
        var meanDeltaR = 0.0
        var meanMass = 0.0
        var meanPt = 0.0
        var meanTau21 = 0.0
        var imageMasses: [Double] = []
        var averageImage = [Double](repeating: 0, count: JetImage.pixels)

        init(_ jets: JetSet) {
            count = jets.count
            guard count > 0 else { return }
            var nonZero = 0
            var ptSum = 0.0
            for i in 0..<count {
                jets.withImage(i) { image in
                    for p in 0..<JetImage.pixels where image[p] != 0 {
                        nonZero += 1
                        ptSum += Double(image[p])
                        averageImage[p] += Double(image[p])
                    }
                }
            }
            let n = Double(count)
            nonZeroPixelFraction = Double(nonZero) / (n * Double(JetImage.pixels))
            meanImagePtSum = ptSum / n
            averageImage = averageImage.map { $0 / n }
            func mean(_ v: JetVariable) -> Double { jets.values(v).reduce(0) { $0 + Double($1) } / n }
            meanDeltaR = mean(.deltaR)
            meanMass = mean(.mass)
            meanPt = mean(.pt)
            meanTau21 = mean(.tau21)
            imageMasses = ImageKinematics.masses(jets)
        }

        /// Centre of the most populated 2-GeV bin of the image mass in 50–110 GeV, after a
        /// three-bin running sum against statistical spikes.
        var imageMassPeak: Double {
            var bins = [Double](repeating: 0, count: 30)
            for m in imageMasses where m >= 50 && m < 110 { bins[Int((m - 50) / 2)] += 1 }
            var best = 1
            var bestSum = -1.0
            for b in 1..<29 where bins[b - 1] + bins[b] + bins[b + 1] > bestSum {
                bestSum = bins[b - 1] + bins[b] + bins[b + 1]
                best = b
            }
            return 50 + 2 * Double(best) + 1
        }

        /// Jets per 10-GeV bin of image mass across the 60–100 GeV window.
        var imageMassWindowCounts: [Int] {
            (0..<4).map { b in imageMasses.filter { $0 >= 60 + 10 * Double(b) && $0 < 70 + 10 * Double(b) }.count }
        }

        var centre: Double { averageImage[12 * JetImage.side + 12] }

        /// Row, column and value of the brightest pixel of the average image outside the
        /// central 3 × 3 pixels.
        var secondPeak: (row: Int, column: Int, value: Double) {
            var best = (row: 0, column: 0, value: -1.0)
            for r in 0..<JetImage.side {
                for c in 0..<JetImage.side where abs(r - 12) > 1 || abs(c - 12) > 1 {
                    let v = averageImage[r * JetImage.side + c]
                    if v > best.value { best = (r, c, v) }
                }
            }
            return best
        }

        /// Share of the average image's pT at 0.15 < ΔR < 0.45 from the centre.
        var nearHaloFraction: Double {
            var near = 0.0, total = 0.0
            for r in 0..<JetImage.side {
                for c in 0..<JetImage.side {
                    let v = averageImage[r * JetImage.side + c]
                    let d = 0.1 * Double((r - 12) * (r - 12) + (c - 12) * (c - 12)).squareRoot()
                    total += v
                    if d > 0.15 && d < 0.45 { near += v }
                }
            }
            return near / total
        }

        var brightestIsCentre: Bool { averageImage.max() == centre }
    }

    struct Sample: Sendable {
        let w: ClassSummary
        let qcd: ClassSummary
        let tau21AUC: Double

        init(_ jets: JetSet) throws {
            w = ClassSummary(jets.selecting(signal: true))
            qcd = ClassSummary(jets.selecting(signal: false))
            // W jets are the two-prong ones: lower τ21, so the score is −τ21.
            tau21AUC = try ROCCurve(scores: jets.values(.tau21).map { -Double($0) }, jets: jets).auc
        }
    }

    static let samples: Result<(simulated: Sample, pythia: Sample), any Error> = Result {
        let simulated = try simulateJets(SimulationSettings(count: 10_000, seed: 2024, threads: 2))
        let pythia = try JetFile.read(Fixtures.pythia4k.path)
        return (try Sample(simulated), try Sample(pythia))
    }

    @Test func wMassPeaksNearTheWMassAndQCDFallsAcrossTheWindow() throws {
        let (sim, pythia) = try Self.samples.get()
        for (name, sample) in [("simulated", sim), ("Pythia", pythia)] {
            #expect((75...86).contains(sample.w.imageMassPeak), "\(name) W image mass peaks at \(sample.w.imageMassPeak) GeV")
            let counts = sample.qcd.imageMassWindowCounts
            #expect(zip(counts, counts.dropFirst()).allSatisfy { $0 > $1 }, "\(name) QCD jets per 10 GeV in 60–100: \(counts)")
        }
    }

    @Test func tau21SeparatesLikePythia() throws {
        let (sim, pythia) = try Self.samples.get()
        #expect(pythia.tau21AUC > 0.75)
        #expect(abs(sim.tau21AUC - pythia.tau21AUC) <= 0.08, "τ21 AUC \(sim.tau21AUC) vs Pythia \(pythia.tau21AUC)")
    }

    @Test func imageStatisticsWithinAFactorOneAndAHalfPerClass() throws {
        let (sim, pythia) = try Self.samples.get()
        func within(_ a: Double, _ b: Double) -> Bool { a > 0 && b > 0 && max(a / b, b / a) <= 1.5 }
        for (name, s, p) in [("W", sim.w, pythia.w), ("QCD", sim.qcd, pythia.qcd)] {
            #expect(within(s.nonZeroPixelFraction, p.nonZeroPixelFraction),
                    "\(name) non-zero pixels \(s.nonZeroPixelFraction) vs \(p.nonZeroPixelFraction)")
            #expect(within(s.meanImagePtSum, p.meanImagePtSum), "\(name) image pT sum \(s.meanImagePtSum) vs \(p.meanImagePtSum)")
            #expect(within(s.meanDeltaR, p.meanDeltaR), "\(name) ΔR \(s.meanDeltaR) vs \(p.meanDeltaR)")
        }
    }

    @Test func averageImagesShowTwoProngsForWAndOneCoreWithHaloForQCD() throws {
        let (sim, pythia) = try Self.samples.get()
        for (name, sample) in [("simulated", sim), ("Pythia", pythia)] {
            let w = sample.w, qcd = sample.qcd
            #expect(w.brightestIsCentre && qcd.brightestIsCentre, "\(name): leading subjet at (12, 12)")
            // W: a second prong straight below the centre, a good fraction of the core.
            let prong = w.secondPeak
            #expect(prong.column == 12 && prong.row > 13 && prong.value > 0.1 * w.centre,
                    "\(name) W second peak at row \(prong.row), column \(prong.column), \(prong.value / w.centre) of the core")
            // QCD: no comparable second prong, more radiation spread around the core.
            let qcdRatio = qcd.secondPeak.value / qcd.centre, wRatio = prong.value / w.centre
            #expect(qcdRatio < 0.5 * wRatio, "\(name) QCD second peak \(qcdRatio) of the core vs W \(wRatio)")
            #expect(qcd.nearHaloFraction > 1.2 * w.nearHaloFraction,
                    "\(name) pT near the core: QCD \(qcd.nearHaloFraction), W \(w.nearHaloFraction)")
        }
        print(Self.table(sim, pythia))
    }

    /// The side-by-side table, in Markdown.
    static func table(_ sim: Sample, _ pythia: Sample) -> String {
        func f(_ x: Double, _ digits: Int) -> String { String(format: "%.\(digits)f", x) }
        var rows = ["| quantity | W simulated | W Pythia | QCD simulated | QCD Pythia |", "|---|---|---|---|---|"]
        func row(_ name: String, _ value: (ClassSummary) -> Double, _ digits: Int) {
            rows.append("| \(name) | \(f(value(sim.w), digits)) | \(f(value(pythia.w), digits)) | "
                + "\(f(value(sim.qcd), digits)) | \(f(value(pythia.qcd), digits)) |")
        }
        row("jets", { Double($0.count) }, 0)
        row("image mass peak (GeV)", { $0.imageMassPeak }, 0)
        row("mean jet mass (GeV)", { $0.meanMass }, 1)
        row("mean jet pT (GeV)", { $0.meanPt }, 1)
        row("non-zero pixels (%)", { 100 * $0.nonZeroPixelFraction }, 2)
        row("mean image pT sum (GeV)", { $0.meanImagePtSum }, 1)
        row("mean ΔR of the two leading subjets", { $0.meanDeltaR }, 3)
        row("mean τ21", { $0.meanTau21 }, 3)
        row("average image: second peak / core", { $0.secondPeak.value / $0.centre }, 3)
        row("average image: pT share at 0.15 < ΔR < 0.45", { $0.nearHaloFraction }, 3)
        rows.append("| τ21 AUC (W vs QCD) | \(f(sim.tau21AUC, 3)) | \(f(pythia.tau21AUC, 3)) | | |")
        let counts = { (s: Sample) in s.qcd.imageMassWindowCounts.map(String.init).joined(separator: " / ") }
        rows.append("| QCD jets per 10 GeV of image mass, 60–100 | | | \(counts(sim)) | \(counts(pythia)) |")
        return rows.joined(separator: "\n")
    }
}
