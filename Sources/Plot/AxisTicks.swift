import Foundation

/// The ticks of one axis or colour bar as drawn: positions, which are major, their labels,
/// and a common ×10ⁿ factor when the numbers would be long.
struct AxisTicks {
    struct Mark {
        let value: Double
        let major: Bool
        let label: RichText?
    }

    var marks: [Mark]
    /// "×10ⁿ" that every label is to be multiplied by, written at the end of the axis.
    var multiplier: RichText?

    var labels: [RichText] { marks.compactMap(\.label) }

    func maxLabelWidth(size: Double) -> Double {
        labels.map { $0.width(size: size) }.max() ?? 0
    }

    func maxLabelAscent(size: Double) -> Double {
        labels.map { $0.ascent(size: size) }.max() ?? FontMetrics.capHeight * size
    }

    func maxLabelDescent(size: Double) -> Double {
        labels.map { $0.descent(size: size) }.max() ?? 0
    }

    /// The same ticks without labels (inner panels of shared axes).
    var unlabelled: AxisTicks {
        AxisTicks(marks: marks.map { Mark(value: $0.value, major: $0.major, label: nil) }, multiplier: nil)
    }

    /// Category names centred on 0.5, 1.5, … from the lower end of the axis.
    static func categories(_ names: [String]) -> AxisTicks {
        let marks = names.enumerated().map { Mark(value: Double($0.offset) + 0.5, major: true, label: RichText($0.element)) }
        return AxisTicks(marks: marks, multiplier: nil)
    }

    /// Ticks for `map`, as many as fit: labels at least half a font size apart along
    /// `length` points (side by side when `horizontal`, stacked otherwise).
    static func make(_ map: AxisMap, length: Double, horizontal: Bool, integer: Bool, size: Double) -> AxisTicks {
        let room = horizontal ? 3 * size : 2 * size
        let most = max(1, min(9, Int(length / room)))
        if map.log, Ticks.decades(from: map.lower, to: map.upper).count < 2 {
            return narrowLogTicks(map, most: most, integer: integer, length: length, horizontal: horizontal, size: size)
        }
        var best: AxisTicks?
        for intervals in stride(from: most, through: 1, by: -1) {
            let candidate = map.log ? logTicks(map, intervals: intervals, integer: integer)
                : linearTicks(map, intervals: intervals, integer: integer)
            best = candidate
            if fits(candidate, map: map, length: length, horizontal: horizontal, size: size) { break }
        }
        return best ?? AxisTicks(marks: [], multiplier: nil)
    }

    /// A log axis spanning less than two decades: labels at 1-2-5 (or 1-2-3-5, or every
    /// digit) times a power of ten, or nice linear steps, whichever that fits spans the most
    /// of the axis for its number of labels. Linear steps alone crowd the upper end and leave
    /// the lower end bare (a scan over 3.8–73 labelled only 20, 40, 60).
    private static func narrowLogTicks(_ map: AxisMap, most: Int, integer: Bool, length: Double, horizontal: Bool,
                                       size: Double) -> AxisTicks {
        var candidates = [[1.0, 2, 5], [1, 2, 3, 5], [1, 2, 3, 4, 5, 6, 7, 8, 9]].map { mantissaTicks(map, $0, integer: integer) }
        for intervals in stride(from: most, through: 1, by: -1) {
            var ticks = linearTicks(map, intervals: intervals, integer: integer)
            ticks.marks = ticks.marks.filter { $0.value > 0 }
            candidates.append(ticks)
        }
        func score(_ ticks: AxisTicks) -> Double {
            let labelled = ticks.marks.filter { $0.label != nil }.map { map.fraction($0.value) }
            guard let low = labelled.min(), let high = labelled.max(), labelled.count >= 2 else { return -1 }
            return (high - low) - 0.03 * Double(labelled.count)
        }
        let fitting = candidates.filter { fits($0, map: map, length: length, horizontal: horizontal, size: size) }
        return fitting.max { score($0) < score($1) } ?? candidates.last ?? AxisTicks(marks: [], multiplier: nil)
    }

    /// Ticks at `mantissas` × 10ⁿ inside the axis, labelled in plain digits, each with the
    /// decimals it needs (0.05, 0.1, 0.2, 0.5, as log axes are read), and unlabelled minor
    /// ticks at the other whole mantissas.
    private static func mantissaTicks(_ map: AxisMap, _ mantissas: [Double], integer: Bool) -> AxisTicks {
        var ticks: [(value: Double, labelled: Bool, exponent: Int)] = []
        let first = Int(log10(map.lower).rounded(.down)), last = Int(log10(map.upper).rounded(.up))
        for exponent in first...last {
            let decade = NumberFormat.pow10(exponent)
            for m in 1...9 where map.contains(Double(m) * decade) {
                let value = Double(m) * decade
                ticks.append((value, mantissas.contains(Double(m)) && (!integer || value >= 1), exponent))
            }
        }
        let marks = ticks.map { tick in
            Mark(value: tick.value, major: tick.labelled,
                 label: tick.labelled ? RichText(NumberFormat.label(tick.value, decimals: max(0, -tick.exponent))) : nil)
        }
        return AxisTicks(marks: marks, multiplier: nil)
    }

    /// Whether no two labels overlap.
    private static func fits(_ ticks: AxisTicks, map: AxisMap, length: Double, horizontal: Bool, size: Double) -> Bool {
        var previousEnd = -Double.infinity
        for mark in ticks.marks.sorted(by: { map.fraction($0.value) < map.fraction($1.value) }) {
            guard let label = mark.label else { continue }
            let centre = map.fraction(mark.value) * length
            let half = horizontal ? label.width(size: size) / 2 : (label.ascent(size: size) + label.descent(size: size)) / 2
            if centre - half < previousEnd + Style.labelGap * size { return false }
            previousEnd = centre + half
        }
        return true
    }

    private static func linearTicks(_ map: AxisMap, intervals: Int, integer: Bool) -> AxisTicks {
        let step = Ticks.linearStep(from: map.lower, to: map.upper, maxIntervals: intervals, integer: integer)
        let values = step.values(from: map.lower, to: map.upper).filter(map.contains)
        let largest = values.map(abs).max() ?? 0
        // Long numbers get a common factor: ×10ⁿ for n ≥ 5 or n ≤ −4 (as matplotlib's limits).
        var shift = 0
        if largest > 0 {
            let exponent = Int(log10(largest).rounded(.down))
            if exponent >= 5 || exponent <= -4 { shift = exponent }
        }
        let decimals = step.decimals(shiftedBy: shift)
        let factor = NumberFormat.pow10(shift)
        let marks = values.map { Mark(value: $0, major: true, label: RichText(NumberFormat.label($0 / factor, decimals: decimals))) }
        let multiplier = shift == 0 ? nil : RichText("×10$^{\(shift)}$")
        return AxisTicks(marks: marks, multiplier: multiplier)
    }

    /// Decades labelled 10ⁿ (every k-th when they would crowd) with minor ticks 2–9, for
    /// axes spanning two decades or more (`narrowLogTicks` labels the others).
    private static func logTicks(_ map: AxisMap, intervals: Int, integer: Bool) -> AxisTicks {
        let decades = Ticks.decades(from: map.lower, to: map.upper)
        let stride = [1, 2, 3, 4, 5, 10, 20, 50, 100].first { (decades.count - 1) / $0 <= intervals } ?? 100
        var marks: [Mark] = []
        let first = Int(log10(map.lower).rounded(.down)), last = Int(log10(map.upper).rounded(.up))
        for exponent in first...last {
            let decade = NumberFormat.pow10(exponent)
            if exponent.isMultiple(of: stride) {
                if map.contains(decade) {
                    marks.append(Mark(value: decade, major: true, label: RichText("$10^{\(exponent)}$")))
                }
            } else if map.contains(decade) {
                marks.append(Mark(value: decade, major: false, label: nil))
            }
            if stride == 1 {
                for m in 2...9 where map.contains(Double(m) * decade) {
                    marks.append(Mark(value: Double(m) * decade, major: false, label: nil))
                }
            }
        }
        return AxisTicks(marks: marks, multiplier: nil)
    }
}
