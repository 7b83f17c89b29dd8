import Foundation

/// Tick choice: "nice" steps on linear axes, decades on log axes.
public enum Ticks {
    /// Tick values enclosing `lower…upper` in a step of 1, 2, 2.5 or 5 × 10ⁿ: the smallest such
    /// step at least (upper − lower) / `maxIntervals` (matplotlib's MaxNLocator rule), falling
    /// back to a smaller step when fewer than two ticks would lie inside the range.
    /// With `integer`, steps below 1 and 2.5 are skipped.
    ///
    /// (0, 1) → 0, 0.2, …, 1; (−3.2, 17.9) → −5, −2.5, …, 20; (0.001, 1234) → 0, 200, …, 1400.
    public static func linear(from lower: Double, to upper: Double, maxIntervals: Int = 9,
                              integer: Bool = false) -> [Double] {
        linearStep(from: lower, to: upper, maxIntervals: maxIntervals, integer: integer).values(from: lower, to: upper)
    }

    /// Exponents n of the decades 10ⁿ inside `lower…upper` (both > 0).
    public static func decades(from lower: Double, to upper: Double) -> [Int] {
        guard lower > 0, upper >= lower, lower.isFinite, upper.isFinite else { return [] }
        let first = Int((log10(lower) - 1e-9).rounded(.up))
        let last = Int((log10(upper) + 1e-9).rounded(.down))
        return first <= last ? Array(first...last) : []
    }

    /// A step m/10 × 10^e with m in {10, 20, 25, 50}, kept as integers so that tick values
    /// and their decimals are exact.
    struct Step: Equatable {
        let tenths: Int
        let exponent: Int

        var value: Double { Double(tenths) / 10 * NumberFormat.pow10(exponent) }

        /// Digits after the point that labels need, after dividing by 10^`shift`.
        func decimals(shiftedBy shift: Int = 0) -> Int {
            let e = exponent - shift
            return tenths == 25 ? max(0, 1 - e) : max(0, -e)
        }

        /// The value of tick `i` (i × step), computed to round correctly (3 × 0.1 is 0.3).
        func tick(_ i: Int) -> Double {
            let numerator = Double(i * tenths)
            return exponent >= 1 ? numerator * NumberFormat.pow10(exponent - 1)
                : numerator / NumberFormat.pow10(1 - exponent)
        }

        /// Multiples of the step from the last one at or below `lower` to the first at or above `upper`.
        func values(from lower: Double, to upper: Double) -> [Double] {
            let v = value
            // Limits far from zero compared with their span (1e20 … 1e20 + 1) have no
            // representable multiples: no ticks rather than an overflow.
            guard abs(lower / v) < 1e12, abs(upper / v) < 1e12 else { return [] }
            let first = Int((lower / v + 1e-9).rounded(.down))
            let last = Int((upper / v - 1e-9).rounded(.up))
            guard first <= last else { return [tick(first)] }
            return (first...last).map(tick)
        }
    }

    static func linearStep(from lower: Double, to upper: Double, maxIntervals: Int, integer: Bool) -> Step {
        let span = upper - lower
        guard span > 0, span.isFinite else { return Step(tenths: 10, exponent: 0) }
        let raw = span / Double(max(1, maxIntervals))
        let exponent = Int(log10(raw).rounded(.down))
        var candidates: [Step] = []
        for e in (exponent - 1)...(exponent + 1) {
            for tenths in [10, 20, 25, 50] {
                let step = Step(tenths: tenths, exponent: e)
                if integer && (step.value < 1 || (tenths == 25 && e == 0)) { continue }
                candidates.append(step)
            }
        }
        guard let chosen = candidates.firstIndex(where: { $0.value >= raw * (1 - 1e-10) }) else {
            return candidates.last ?? Step(tenths: 10, exponent: 0)
        }
        // As MaxNLocator: prefer the chosen step, but not with fewer than two ticks inside.
        for index in stride(from: chosen, through: 0, by: -1) {
            let step = candidates[index]
            let inside = step.values(from: lower, to: upper).filter { $0 >= lower - 1e-9 * span && $0 <= upper + 1e-9 * span }
            if inside.count >= 2 { return step }
        }
        return candidates[chosen]
    }
}
