import Foundation

/// What an `Axes` draws. Colours left nil take the next entry of `Colour.tab10` in each axes.
public enum Series: Sendable, Equatable {
    case histogram(HistogramSeries)
    case line(LineSeries)
    case scatter(ScatterSeries)
    case reference(ReferenceLine)
    case image(ImageSeries)
    case heatmap(Heatmap)
}

/// How a histogram is drawn.
public enum HistogramStyle: String, Sendable, Equatable {
    /// The outline only.
    case step
    /// The outline over a translucent fill of the same colour.
    case filled
}

/// Counts (or densities) in bins with `edges.count == counts.count + 1` edges.
public struct HistogramSeries: Sendable, Equatable {
    public var edges: [Double]
    public var counts: [Double]
    /// Error bars at bin centres (± this much), e.g. `Bins.poissonErrors(counts)`.
    public var errors: [Double]?
    public var label: String?
    public var colour: Colour?
    public var style: HistogramStyle
    public var lineWidth: Double

    public init(edges: [Double], counts: [Double], errors: [Double]? = nil, label: String? = nil,
                colour: Colour? = nil, style: HistogramStyle = .filled, lineWidth: Double = 1.25) {
        self.edges = edges
        self.counts = counts
        self.errors = errors
        self.label = label
        self.colour = colour
        self.style = style
        self.lineWidth = lineWidth
    }
}

/// Dash patterns of lines.
public enum LineDash: String, Sendable, Equatable {
    case solid, dashed, dotted, dashDot

    /// The SVG stroke-dasharray for a line of width `width`, nil for solid.
    func pattern(width: Double) -> String? {
        let w = max(width, 0.5)
        switch self {
        case .solid: return nil
        case .dashed: return "\(NumberFormat.coordinate(3.7 * w)),\(NumberFormat.coordinate(1.6 * w))"
        case .dotted: return "\(NumberFormat.coordinate(w)),\(NumberFormat.coordinate(1.65 * w))"
        case .dashDot:
            return [6.4, 1.6, 1, 1.6].map { NumberFormat.coordinate($0 * w) }.joined(separator: ",")
        }
    }
}

/// A polyline through (x[i], y[i]); non-finite points (and non-positive ones on a log axis)
/// break the line.
public struct LineSeries: Sendable, Equatable {
    public var x: [Double]
    public var y: [Double]
    public var label: String?
    public var colour: Colour?
    public var width: Double
    public var dash: LineDash
    /// Diameter in points of a dot at every point; nil draws none.
    public var markerSize: Double?

    public init(x: [Double], y: [Double], label: String? = nil, colour: Colour? = nil,
                width: Double = 1.5, dash: LineDash = .solid, markerSize: Double? = nil) {
        self.x = x
        self.y = y
        self.label = label
        self.colour = colour
        self.width = width
        self.dash = dash
        self.markerSize = markerSize
    }
}

/// Dots at (x[i], y[i]); all of them form one SVG path, and dots that fall on the same
/// 0.1 pt position are drawn once.
public struct ScatterSeries: Sendable, Equatable {
    public var x: [Double]
    public var y: [Double]
    public var label: String?
    public var colour: Colour?
    /// Dot diameter in points.
    public var size: Double
    public var opacity: Double

    public init(x: [Double], y: [Double], label: String? = nil, colour: Colour? = nil,
                size: Double = 3, opacity: Double = 1) {
        self.x = x
        self.y = y
        self.label = label
        self.colour = colour
        self.size = size
        self.opacity = opacity
    }
}

/// The line y = slope·x + intercept across the whole axes (y = x, the ROC diagonal). It does
/// not widen automatic limits.
public struct ReferenceLine: Sendable, Equatable {
    public var slope: Double
    public var intercept: Double
    public var label: String?
    public var colour: Colour
    public var dash: LineDash
    public var width: Double

    public init(slope: Double = 1, intercept: Double = 0, label: String? = nil,
                colour: Colour = .grey, dash: LineDash = .dashed, width: Double = 1) {
        self.slope = slope
        self.intercept = intercept
        self.label = label
        self.colour = colour
        self.dash = dash
        self.width = width
    }
}

/// A rows × columns grid of values drawn as coloured cells with a colour bar.
///
/// `pixels` is row-major and row 0 is drawn at the top: for a jet image (DESIGN.md) row 0 is
/// φ = +1.2 and column 0 is η = −1.2, which `ImageExtent.jetImage` maps to the axes.
/// Zero pixels (and, on a log colour scale, non-positive ones) are left in the background
/// colour.
public struct ImageSeries: Sendable, Equatable {
    public var pixels: [Double]
    public var rows: Int
    public var columns: Int
    public var extent: ImageExtent
    public var colourScale: Scale
    /// Values mapped to the ends of the colour map; nil takes them from the pixels
    /// (`automaticRange(of:scale:)`).
    public var range: ClosedRange<Double>?
    public var colourBarLabel: String?
    public var showsColourBar: Bool
    public var colormap: Colormap
    /// Whether the panel keeps the extent's aspect ratio (square cells of a jet image);
    /// false lets a 2D histogram of two different quantities fill its panel.
    public var keepsAspect: Bool

    public init(pixels: [Double], rows: Int, columns: Int, extent: ImageExtent,
                colourScale: Scale = .linear, range: ClosedRange<Double>? = nil,
                colourBarLabel: String? = nil, showsColourBar: Bool = true, colormap: Colormap = .viridis,
                keepsAspect: Bool = true) {
        self.keepsAspect = keepsAspect
        self.pixels = pixels
        self.rows = rows
        self.columns = columns
        self.extent = extent
        self.colourScale = colourScale
        self.range = range
        self.colourBarLabel = colourBarLabel
        self.showsColourBar = showsColourBar
        self.colormap = colormap
    }

    public init(pixels: [Float], rows: Int, columns: Int, extent: ImageExtent,
                colourScale: Scale = .linear, range: ClosedRange<Double>? = nil,
                colourBarLabel: String? = nil, showsColourBar: Bool = true, colormap: Colormap = .viridis) {
        self.init(pixels: pixels.map(Double.init), rows: rows, columns: columns, extent: extent,
                  colourScale: colourScale, range: range, colourBarLabel: colourBarLabel,
                  showsColourBar: showsColourBar, colormap: colormap)
    }
}

extension ImageSeries {
    /// A log colour scale spans at most this many decades below the largest value: the
    /// averages of many jets reach 10⁻⁷ GeV at the borders, and nine decades of colour
    /// would flatten the structure a physicist looks for (smaller values take the lowest colour).
    public static let logDecades = 5.0

    /// The colour range `pixels` get when none is given: from 0 (or the most negative value)
    /// to the largest on a linear scale; on a log scale from the smallest positive value, but
    /// no more than `logDecades` below the largest.
    public static func automaticRange(of pixels: [Double], scale: Scale) -> ClosedRange<Double> {
        var low = Double.infinity, high = -Double.infinity
        for v in pixels where v.isFinite && (scale == .linear || v > 0) {
            low = min(low, v)
            high = max(high, v)
        }
        switch scale {
        case .linear:
            guard low <= high else { return 0...1 }
            low = min(0, low)
            return low...(high > low ? high : low + 1)
        case .log:
            guard low <= high else { return 1...10 }
            low = max(low, high * pow(10, -logDecades))
            return (high > low ? low : high / 10)...high
        }
    }
}

/// The data coordinates an image covers: `x` from its left to its right edge, `y` from its
/// bottom to its top edge.
public struct ImageExtent: Sendable, Equatable {
    public var x: ClosedRange<Double>
    public var y: ClosedRange<Double>

    public init(x: ClosedRange<Double>, y: ClosedRange<Double>) {
        self.x = x
        self.y = y
    }

    /// A 25×25 jet image: pixels of 0.1 centred on −1.2 … +1.2 in η and φ.
    public static let jetImage = ImageExtent(x: -1.25...1.25, y: -1.25...1.25)
}

/// A small table of values shown as coloured cells with text, e.g. a confusion matrix.
/// `values[r][c]` is the cell in row r (from the top) and column c (from the left).
public struct Heatmap: Sendable, Equatable {
    public var values: [[Double]]
    public var rowLabels: [String]
    public var columnLabels: [String]
    /// Text in each cell, same shape as `values`; lines separated by "\n".
    public var cellText: [[String]]
    public var colormap: Colormap
    /// Values mapped to the ends of the colour map.
    public var range: ClosedRange<Double>

    public init(values: [[Double]], rowLabels: [String], columnLabels: [String], cellText: [[String]],
                colormap: Colormap = .blues, range: ClosedRange<Double>) {
        self.values = values
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.cellText = cellText
        self.colormap = colormap
        self.range = range
    }
}
