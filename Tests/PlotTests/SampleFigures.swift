import Foundation
import Plot

/// Seeded pseudo-random numbers (SplitMix64) so that every sample figure is the same on
/// every run and machine.
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    mutating func uniform() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// Standard normal (Box–Muller).
    mutating func normal() -> Double {
        let u = max(uniform(), 1e-300), v = uniform()
        return (-2 * log(u)).squareRoot() * cos(2 * .pi * v)
    }

    mutating func normal(mean: Double, sigma: Double) -> Double { mean + sigma * normal() }

    mutating func exponential(scale: Double) -> Double { -scale * log(max(1 - uniform(), 1e-300)) }
}

/// One representative figure of each kind the thesis draws, from synthetic but realistic data.
enum SampleFigures {
    /// Name (the golden file's name) and figure.
    static func all() throws -> [(name: String, figure: Figure)] {
        [
            ("distributions-grid", try distributionsGrid()),
            ("input-output-overlay", try inputOutputOverlay()),
            ("residual-textbox", try residual()),
            ("average-images-log", averageImages()),
            ("image-pair", imagePair()),
            ("loss-distribution-log", try lossDistribution()),
            ("loss-curves", lossCurves()),
            ("threshold-scan", thresholdScan()),
            ("roc-curve", rocCurve()),
            ("scatter-reference", scatter()),
            ("confusion-matrix", confusionMatrix()),
            ("density-errors", try densityWithErrors()),
            ("image-grid", imageGrid()),
        ]
    }

    /// Fig 4.2: m, pT, φ, η of signal (left) and background (right); each row shares its bin edges.
    static func distributionsGrid() throws -> Figure {
        var random = SeededRandom(seed: 42)
        let n = 4000
        let signal: [[Double]] = [
            (0..<n).map { _ in random.normal(mean: 80, sigma: 7) },
            (0..<n).map { _ in 250 + 50 * random.uniform().squareRoot() },
            (0..<n).map { _ in 2 * .pi * random.uniform() },
            (0..<n).map { _ in random.normal(mean: 0, sigma: 1.1) },
        ]
        let background: [[Double]] = [
            (0..<n).map { _ in 60 + random.exponential(scale: 18) },
            (0..<n).map { _ in 250 + random.exponential(scale: 30) },
            (0..<n).map { _ in 2 * .pi * random.uniform() },
            (0..<n).map { _ in random.normal(mean: 0, sigma: 1.3) },
        ]
        let labels = ["$m$ [GeV]", "$p_\\mathrm{T}$ [GeV]", "$\\phi$", "$\\eta$"]
        let ranges: [(Double, Double)] = [(60, 100), (250, 300), (0, 2 * .pi), (-3, 3)]
        var panels: [Axes] = []
        for row in 0..<4 {
            let edges = try Bins.edges(from: ranges[row].0, to: ranges[row].1, count: 50)
            for (column, values) in [signal[row], background[row]].enumerated() {
                var axes = Axes(title: row == 0 ? (column == 0 ? "Signal (W)" : "Background (QCD)") : nil,
                                xLabel: labels[row], yLabel: "Number of jets")
                axes.addHistogram(try Bins.counts(values, edges: edges), edges: edges,
                                  colour: Colour.tab10[column == 0 ? 1 : 0])
                panels.append(axes)
            }
        }
        return Figure(rows: 4, columns: 2, panels: panels, width: 560, height: 760)
    }

    /// Fig 5.3: m of input vs output images with shared bin edges.
    static func inputOutputOverlay() throws -> Figure {
        var random = SeededRandom(seed: 7)
        let input = (0..<20000).map { _ in 60 + random.exponential(scale: 15) }
        let output = input.map { $0 + random.normal(mean: 2, sigma: 3) }
        let edges = try Bins.edges(from: 50, to: 110, count: 100)
        var axes = Axes(xLabel: "$m$ [GeV]", yLabel: "Number of jets")
        axes.addHistogram(try Bins.counts(input, edges: edges), edges: edges, label: "Input")
        axes.addHistogram(try Bins.counts(output, edges: edges), edges: edges, label: "Output")
        return Figure(axes, title: "Background, setup 3")
    }

    /// Fig 5.4: the m residual (in − out)/in with μ ± …, σ ± … placed automatically.
    static func residual() throws -> Figure {
        var random = SeededRandom(seed: 11)
        let values = (0..<43633).map { _ in
            random.uniform() < 0.85 ? random.normal(mean: -0.01, sigma: 0.04) : random.exponential(scale: 0.1)
        }
        let n = Double(values.count)
        let mean = values.reduce(0, +) / n
        let sigma = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / n).squareRoot()
        let range = try requireRange(values)
        let edges = try Bins.edges(from: range.lowerBound, to: range.upperBound, count: 200)
        var axes = Axes(xLabel: "$(m_\\mathrm{in} - m_\\mathrm{out}) / m_\\mathrm{in}$", yLabel: "Number of jets")
        axes.addHistogram(try Bins.counts(values, edges: edges), edges: edges, colour: Colour.tab10[9])
        axes.textBoxes.append(.meanAndWidth(mean: mean, meanError: sigma / n.squareRoot(),
                                            sigma: sigma, sigmaError: sigma / (2 * n).squareRoot()))
        return Figure(axes)
    }

    /// Fig 4.1: average signal and background images, log colour scale.
    static func averageImages() -> Figure {
        Figure(rows: 1, columns: 2, panels: [
            .jetImage(jetImage(seed: 1, events: 400, signal: true), title: "Average signal image", colourScale: .log),
            .jetImage(jetImage(seed: 2, events: 400, signal: false), title: "Average background image", colourScale: .log),
        ], width: 640, height: 270)
    }

    /// Fig B.2: one jet's input and output image on a common colour scale.
    static func imagePair() -> Figure {
        let input = jetImage(seed: 3, events: 1, signal: true)
        var random = SeededRandom(seed: 4)
        let output = input.map { max(0, $0 + Float(random.normal(mean: 0, sigma: 0.6))) * (random.uniform() < 0.7 ? 1 : 0) }
        let top = Double(max(input.max() ?? 1, output.max() ?? 1))
        return Figure(rows: 1, columns: 2, panels: [
            .jetImage(input, title: "Input (largest loss)", range: 0...top),
            .jetImage(output, title: "Output", range: 0...top),
        ], width: 640, height: 270)
    }

    /// Fig B.1: per-image loss, signal vs background, log y with empty bins.
    static func lossDistribution() throws -> Figure {
        var random = SeededRandom(seed: 5)
        let background = (0..<20000).map { _ in exp(random.normal(mean: -3.2, sigma: 0.9)) }
        let signal = (0..<20000).map { _ in exp(random.normal(mean: -3.8, sigma: 0.8)) }
        let edges = try Bins.edges(from: 0, to: 0.6, count: 120)
        var axes = Axes(xLabel: "per-image loss [GeV$^2$]", yLabel: "Number of jets", yScale: .log)
        axes.addHistogram(try Bins.counts(background, edges: edges), edges: edges, label: "Background (QCD)", style: .step)
        axes.addHistogram(try Bins.counts(signal, edges: edges), edges: edges, label: "Signal (W)", style: .step)
        return Figure(axes)
    }

    /// Training and validation loss per epoch (the published 20-epoch log), log y.
    static func lossCurves() -> Figure {
        let train = [1.873599, 0.671721, 0.456818, 0.359627, 0.273386, 0.225037, 0.196969, 0.168350, 0.145541, 0.127045,
                     0.111084, 0.101139, 0.090521, 0.084183, 0.080006, 0.077558, 0.073996, 0.072664, 0.073021, 0.071481]
        let valid = [1.703672, 0.693230, 0.464950, 0.374019, 0.322025, 0.362660, 0.201216, 0.231674, 0.179670, 0.129482,
                     0.121738, 0.106042, 0.097863, 0.087796, 0.083339, 0.078606, 0.076406, 0.074491, 0.073689, 0.073418]
        let epochs = (1...train.count).map(Double.init)
        var axes = Axes(xLabel: "epoch", yLabel: "loss (MSE) [GeV$^2$]", yScale: .log, grid: true)
        axes.x.integerTicks = true
        axes.addLine(x: epochs, y: train, label: "training", markerSize: 4)
        axes.addLine(x: epochs, y: valid, label: "validation", markerSize: 4)
        return Figure(axes)
    }

    /// Classifier scores of two classes, for the threshold and ROC samples.
    static func scores() -> (normal: [Double], anomalous: [Double]) {
        var random = SeededRandom(seed: 6)
        return ((0..<3000).map { _ in exp(random.normal(mean: -3.2, sigma: 0.9)) },
                (0..<3000).map { _ in exp(random.normal(mean: -3.6, sigma: 0.8)) })
    }

    /// Accuracy, TPR and FPR of "loss > threshold means anomalous" against the threshold.
    static func thresholdScan() -> Figure {
        let (normal, anomalous) = scores()
        let thresholds = (0...200).map { 0.002 * Double($0) }
        var accuracy: [Double] = [], tpr: [Double] = [], fpr: [Double] = []
        for t in thresholds {
            let tp = Double(anomalous.filter { $0 > t }.count), fp = Double(normal.filter { $0 > t }.count)
            tpr.append(tp / Double(anomalous.count))
            fpr.append(fp / Double(normal.count))
            accuracy.append((tp + Double(normal.count) - fp) / Double(normal.count + anomalous.count))
        }
        var axes = Axes(xLabel: "threshold on the loss [GeV$^2$]", yLabel: "fraction", grid: true)
        axes.y.limits = 0...1.02
        axes.addLine(x: thresholds, y: accuracy, label: "accuracy")
        axes.addLine(x: thresholds, y: tpr, label: "true positive rate")
        axes.addLine(x: thresholds, y: fpr, label: "false positive rate", dash: .dashed)
        return Figure(axes)
    }

    /// ROC curve with its AUC in the legend and the diagonal of a random guess.
    static func rocCurve() -> Figure {
        let (normal, anomalous) = scores()
        let thresholds = (normal + anomalous).sorted(by: >)
        var fpr: [Double] = [0], tpr: [Double] = [0]
        let sortedNormal = normal.sorted(by: >), sortedAnomalous = anomalous.sorted(by: >)
        var i = 0, j = 0
        for t in thresholds {
            while i < sortedAnomalous.count, sortedAnomalous[i] >= t { i += 1 }
            while j < sortedNormal.count, sortedNormal[j] >= t { j += 1 }
            tpr.append(Double(i) / Double(anomalous.count))
            fpr.append(Double(j) / Double(normal.count))
        }
        var auc = 0.0
        for k in 1..<fpr.count { auc += (fpr[k] - fpr[k - 1]) * (tpr[k] + tpr[k - 1]) / 2 }
        var axes = Axes(xLabel: "false positive rate", yLabel: "true positive rate", legend: .lowerRight, grid: true)
        axes.x.limits = 0...1
        axes.y.limits = 0...1
        axes.addLine(x: fpr, y: tpr, label: "loss score (AUC = \(String(format: "%.3f", auc)))")
        axes.addReferenceLine(label: "random guess")
        return Figure(axes, width: 360, height: 340)
    }

    /// Fig 5.1: m computed from the image against the original jet mass, with y = x.
    static func scatter() -> Figure {
        var random = SeededRandom(seed: 8)
        let original = (0..<5000).map { _ in 60 + 40 * random.uniform() }
        let image = original.map { $0 + random.normal(mean: -0.5, sigma: 2) }
        var axes = Axes(xLabel: "original $m$ [GeV]", yLabel: "$m$ from the image [GeV]")
        axes.x.limits = 60...100
        axes.y.limits = 55...105
        axes.addScatter(x: original, y: image, size: 2, opacity: 0.6)
        axes.addReferenceLine(label: "$y = x$")
        return Figure(axes, width: 380, height: 360)
    }

    /// Fig 2.17: the confusion matrix (the published counts of the notebook).
    static func confusionMatrix() -> Figure {
        Figure(.confusionMatrix(truePositive: 45034, falseNegative: 0, falsePositive: 42232, trueNegative: 1,
                                title: "threshold = 0.0031 GeV$^2$"),
               width: 340, height: 300)
    }

    /// A density-normalised histogram with √N errors and small values (a ×10ⁿ factor).
    static func densityWithErrors() throws -> Figure {
        var random = SeededRandom(seed: 9)
        let values = (0..<2000).map { _ in random.normal(mean: 2000, sigma: 300) }
        let edges = try Bins.edges(from: 1000, to: 3000, count: 40)
        let counts = try Bins.counts(values, edges: edges)
        var axes = Axes(xLabel: "$E$ [GeV]", yLabel: "density [1/GeV]")
        axes.addHistogram(try Bins.density(counts, edges: edges), edges: edges,
                          errors: try Bins.densityErrors(counts, edges: edges), label: "η ≤ 2.5, σ² ≈ 9×10⁴", style: .step)
        return Figure(axes)
    }

    /// A 2×2 grid of image panels (the benchmark's second figure), linear scale.
    static func imageGrid() -> Figure {
        Figure(rows: 2, columns: 2, panels: (0..<4).map { k in
            .jetImage(jetImage(seed: UInt64(20 + k), events: 1, signal: k % 2 == 0), title: "jet \(k + 1)")
        })
    }

    /// A jet image following DESIGN.md: leading subjet at pixel (12, 12), the subleading one
    /// straight below it (more negative φ, larger row), more pT on the right; averaged over
    /// `events` jets.
    static func jetImage(seed: UInt64, events: Int, signal: Bool) -> [Float] {
        var random = SeededRandom(seed: seed)
        var pixels = [Float](repeating: 0, count: 625)
        for _ in 0..<events {
            let leadingPT = signal ? random.normal(mean: 150, sigma: 20) : random.normal(mean: 220, sigma: 25)
            pixels[12 * 25 + 12] += Float(leadingPT)
            let subRow = 12 + (signal ? 4 + Int(random.uniform() * 3) : 2 + Int(random.uniform() * 6))
            pixels[min(24, subRow) * 25 + 12] += Float(signal ? random.normal(mean: 70, sigma: 15) : random.normal(mean: 25, sigma: 10))
            for _ in 0..<(signal ? 8 : 14) {
                let r = max(0, min(24, 12 + Int(random.normal(mean: 1.5, sigma: 4))))
                let c = max(0, min(24, 12 + Int(random.normal(mean: 0.8, sigma: 3.5))))
                pixels[r * 25 + c] += Float(random.exponential(scale: 3))
            }
        }
        return pixels.map { max(0, $0) / Float(events) }
    }
}

/// The range of values, or an error when there is none.
func requireRange(_ values: [Double]) throws -> ClosedRange<Double> {
    guard let range = Bins.range(of: values) else { throw PlotError("no finite values") }
    return range
}
