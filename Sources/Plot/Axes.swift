import Foundation

/// Linear or logarithmic mapping of data to an axis or a colour bar.
public enum Scale: String, Sendable, Equatable {
    case linear
    case log
}

/// One axis of a panel: its label, scale and (optionally) fixed limits.
public struct Axis: Sendable, Equatable {
    /// Label text; `$…$` holds TeX-like math (see `docs/PLOT.md`).
    public var label: String?
    public var scale: Scale
    /// Fixed limits; nil chooses them from the data (5 % margins, histogram edges and zero
    /// kept exactly, whole decades on a log axis).
    public var limits: ClosedRange<Double>?
    /// Only integer tick values (epochs, counts).
    public var integerTicks: Bool

    public init(label: String? = nil, scale: Scale = .linear, limits: ClosedRange<Double>? = nil,
                integerTicks: Bool = false) {
        self.label = label
        self.scale = scale
        self.limits = limits
        self.integerTicks = integerTicks
    }
}

/// Where a legend or a text box goes inside the axes.
public enum Placement: String, Sendable, Equatable, CaseIterable {
    /// The candidate position below that covers the least data.
    case best
    case upperRight, upperLeft, lowerLeft, lowerRight
    case centerRight, centerLeft, lowerCenter, upperCenter, center
}

/// Lines of text in a framed box inside the axes, e.g. μ ± …, σ ± … of a residual.
public struct TextBox: Sendable, Equatable {
    public var lines: [String]
    public var placement: Placement

    public init(lines: [String], placement: Placement = .best) {
        self.lines = lines
        self.placement = placement
    }

    /// "μ = m ± e" and "σ = s ± e", each value rounded to the second significant digit of its error.
    public static func meanAndWidth(mean: Double, meanError: Double, sigma: Double, sigmaError: Double,
                                    placement: Placement = .best) -> TextBox {
        TextBox(lines: ["$\\mu$ = " + valueWithError(mean, meanError),
                        "$\\sigma$ = " + valueWithError(sigma, sigmaError)],
                placement: placement)
    }

    /// `value ± error` with the error to two significant digits and the value to the same place.
    public static func valueWithError(_ value: Double, _ error: Double) -> String {
        guard error.isFinite, error > 0 else { return NumberFormat.significant(value, 4) }
        let exponent = Int(log10(error).rounded(.down))
        let decimals = max(0, min(12, 1 - exponent))
        return NumberFormat.label(value, decimals: decimals) + " ± " + NumberFormat.label(error, decimals: decimals)
    }
}

/// One panel: two axes, the series drawn in them, an optional legend and text boxes.
public struct Axes: Sendable, Equatable {
    public var title: String?
    public var x: Axis
    public var y: Axis
    public var series: [Series]
    /// Where the legend of labelled series goes; nil draws no legend.
    public var legend: Placement?
    public var textBoxes: [TextBox]
    /// Lines of small text above the axes, under the title: for what the data area cannot
    /// spare room for (a 2D histogram has no empty corner), so they never cover data.
    public var notes: [String]
    /// Light grid lines at the major ticks.
    public var grid: Bool

    public init(title: String? = nil, xLabel: String? = nil, yLabel: String? = nil,
                xScale: Scale = .linear, yScale: Scale = .linear, series: [Series] = [],
                legend: Placement? = .best, grid: Bool = false) {
        self.title = title
        self.x = Axis(label: xLabel, scale: xScale)
        self.y = Axis(label: yLabel, scale: yScale)
        self.series = series
        self.legend = legend
        self.textBoxes = []
        self.notes = []
        self.grid = grid
    }

    /// Adds a histogram of `counts` in bins with `edges` (counts.count + 1 of them).
    public mutating func addHistogram(_ counts: [Double], edges: [Double], errors: [Double]? = nil,
                                      label: String? = nil, colour: Colour? = nil,
                                      style: HistogramStyle = .filled) {
        series.append(.histogram(HistogramSeries(edges: edges, counts: counts, errors: errors, label: label,
                                                 colour: colour, style: style)))
    }

    /// Adds a line through (x[i], y[i]).
    public mutating func addLine(x: [Double], y: [Double], label: String? = nil, colour: Colour? = nil,
                                 dash: LineDash = .solid, markerSize: Double? = nil) {
        series.append(.line(LineSeries(x: x, y: y, label: label, colour: colour, dash: dash, markerSize: markerSize)))
    }

    /// Adds dots at (x[i], y[i]).
    public mutating func addScatter(x: [Double], y: [Double], label: String? = nil, colour: Colour? = nil,
                                    size: Double = 3, opacity: Double = 1) {
        series.append(.scatter(ScatterSeries(x: x, y: y, label: label, colour: colour, size: size, opacity: opacity)))
    }

    /// Adds the dashed grey line y = slope·x + intercept across the axes.
    public mutating func addReferenceLine(slope: Double = 1, intercept: Double = 0, label: String? = nil) {
        series.append(.reference(ReferenceLine(slope: slope, intercept: intercept, label: label)))
    }

    /// Adds a framed text box, placed where it covers least data unless told otherwise.
    public mutating func addTextBox(_ lines: [String], placement: Placement = .best) {
        textBoxes.append(TextBox(lines: lines, placement: placement))
    }

    /// A panel showing one image with a colour bar.
    public static func image(_ image: ImageSeries, title: String? = nil, xLabel: String? = nil,
                             yLabel: String? = nil) -> Axes {
        Axes(title: title, xLabel: xLabel, yLabel: yLabel, series: [.image(image)], legend: nil)
    }

    /// The colour bar label of jet images.
    public static let pixelPtLabel = "pixel $p_\\mathrm{T}$ [GeV]"

    /// A panel showing a 25×25 jet image (row-major, row 0 at φ = +1.2, column 0 at η = −1.2)
    /// with η and φ axes and a colour bar.
    public static func jetImage(_ pixels: [Float], title: String? = nil, colourScale: Scale = .linear,
                                range: ClosedRange<Double>? = nil,
                                colourBarLabel: String? = Axes.pixelPtLabel) -> Axes {
        jetImage(pixels.map(Double.init), title: title, colourScale: colourScale, range: range,
                 colourBarLabel: colourBarLabel)
    }

    /// A panel showing a 25×25 jet image given as `Double`s.
    public static func jetImage(_ pixels: [Double], title: String? = nil, colourScale: Scale = .linear,
                                range: ClosedRange<Double>? = nil,
                                colourBarLabel: String? = Axes.pixelPtLabel) -> Axes {
        image(ImageSeries(pixels: pixels, rows: 25, columns: 25, extent: .jetImage, colourScale: colourScale,
                          range: range, colourBarLabel: colourBarLabel),
              title: title, xLabel: "$\\eta$", yLabel: "$\\phi$")
    }

    /// The 2×2 confusion matrix of an anomaly tagger: rows are the true class, columns the
    /// predicted one, both in the order anomalous, normal. Each cell shows its count and its
    /// fraction of the true class, and is coloured by that fraction.
    public static func confusionMatrix(truePositive: Int, falseNegative: Int, falsePositive: Int,
                                       trueNegative: Int, title: String? = nil) -> Axes {
        let counts = [[truePositive, falseNegative], [falsePositive, trueNegative]]
        let fractions = counts.map { row -> [Double] in
            let total = row.reduce(0, +)
            return row.map { total > 0 ? Double($0) / Double(total) : 0 }
        }
        let text = zip(counts, fractions).map { row, fraction in
            zip(row, fraction).map { count, f in
                NumberFormat.thousands(count) + "\n" + percentage(f)
            }
        }
        // A fraction that rounds to 0 or 100 % without being it says so.
        func percentage(_ f: Double) -> String {
            if f > 0 && f < 0.0005 { return "< 0.1 %" }
            if f < 1 && f > 0.9995 { return "> 99.9 %" }
            return NumberFormat.label(100 * f, decimals: 1) + " %"
        }
        let map = Heatmap(values: fractions, rowLabels: ["anomalous", "normal"],
                          columnLabels: ["anomalous", "normal"], cellText: text, range: 0...1)
        return Axes(title: title, xLabel: "predicted", yLabel: "true", series: [.heatmap(map)], legend: nil)
    }
}
