import Foundation

/// A rectangle in figure points, y down.
struct Rect: Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var maxX: Double { x + width }
    var maxY: Double { y + height }
    var midX: Double { x + width / 2 }
    var midY: Double { y + height / 2 }
}

/// Maps data values along one axis to figure points.
struct AxisMap {
    let lower: Double
    let upper: Double
    let log: Bool
    /// The point of `lower` and of `upper` (for y, `start` is the bottom).
    let start: Double
    let end: Double
    private let low: Double
    private let span: Double

    init(lower: Double, upper: Double, scale: Scale, start: Double, end: Double) {
        self.lower = lower
        self.upper = upper
        self.log = scale == .log
        self.start = start
        self.end = end
        low = log ? log10(lower) : lower
        span = (log ? log10(upper) : upper) - low
    }

    /// Position along the axis as a fraction (0 at `lower`, 1 at `upper`); −∞ for
    /// non-positive values on a log axis.
    func fraction(_ v: Double) -> Double {
        if log {
            return v > 0 ? (log10(v) - low) / span : -.infinity
        }
        return (v - low) / span
    }

    /// The point of `v`; non-finite when `v` has none (NaN, non-positive on a log axis).
    func callAsFunction(_ v: Double) -> Double {
        start + (end - start) * fraction(v)
    }

    /// The data value at `fraction` along the axis.
    func value(atFraction fraction: Double) -> Double {
        let v = low + span * fraction
        return log ? pow(10, v) : v
    }

    /// A point just beyond the `lower` end, where clipped things (empty log bins) go.
    var beyondStart: Double { start + (start < end ? -2 : 2) }

    /// Whether `v` lies within the limits (with a tolerance for rounding).
    func contains(_ v: Double) -> Bool {
        let f = fraction(v)
        return f >= -1e-9 && f <= 1 + 1e-9
    }
}
