import Foundation

/// Deterministic number formatting: no locale, no platform `printf`, the same bytes everywhere.
enum NumberFormat {
    /// The typographic minus sign used in every label.
    static let minus = "\u{2212}"

    /// A coordinate for SVG attributes and path data: at most two decimals, no trailing zeros,
    /// an ASCII minus (SVG syntax).
    /// A whole number with a comma between thousands, as jnb prints counts: 19998 → "19,998".
    static func thousands(_ n: Int) -> String {
        var digits = Array(String(n.magnitude))
        for position in stride(from: digits.count - 3, to: 0, by: -3) { digits.insert(",", at: position) }
        return (n < 0 ? "-" : "") + String(digits)
    }

    /// `value` rounded to what `coordinate` writes: cells whose edges are snapped first and
    /// whose sizes are differences of snapped edges tile without gaps.
    static func snapped(_ value: Double) -> Double {
        guard value.isFinite else { return 0 }
        return (value * 100).rounded() / 100
    }

    static func coordinate(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let hundredths = (value * 100).rounded()
        guard abs(hundredths) < 9e15 else { return "0" }
        return fixed(Int64(hundredths), decimals: 2, minus: "-", trim: true)
    }

    /// `value` with exactly `decimals` digits after the point and a real minus sign,
    /// for labels. Zero never gets a sign.
    static func label(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? minus + "∞" : "∞") }
        let digits = max(0, min(decimals, 15))
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (value * scale).rounded()
        guard abs(scaled) < 9e15 else { return scientific(value, significant: 3) }
        return fixed(Int64(scaled), decimals: digits, minus: minus, trim: false)
    }

    /// `value` with `significant` significant digits, switching to ×10ⁿ notation outside
    /// 10⁻³ … 10⁵, for text boxes and legends.
    static func significant(_ value: Double, _ significant: Int) -> String {
        guard value.isFinite, value != 0 else { return label(value, decimals: 0) }
        let exponent = Int((log10(abs(value))).rounded(.down))
        if exponent < -3 || exponent > 5 { return scientific(value, significant: significant) }
        return label(value, decimals: max(0, significant - 1 - exponent))
    }

    /// `value` as "m×10^{e}" in the label markup, with `significant` digits in the mantissa.
    static func scientific(_ value: Double, significant: Int) -> String {
        guard value.isFinite, value != 0 else { return label(value, decimals: 0) }
        var exponent = Int((log10(abs(value))).rounded(.down))
        var mantissa = value / pow10(exponent)
        let decimals = max(0, significant - 1)
        // Rounding can carry the mantissa to 10 (9.996 → 10.00): renormalise.
        if abs((mantissa * pow10(decimals)).rounded()) >= 10 * pow10(decimals) {
            exponent += 1
            mantissa = value / pow10(exponent)
        }
        return label(mantissa, decimals: decimals) + "×10$^{" + label(Double(exponent), decimals: 0) + "}$"
    }

    /// 10 to an integer power, exact for the powers labels use.
    static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }

    private static func fixed(_ scaled: Int64, decimals: Int, minus: String, trim: Bool) -> String {
        let negative = scaled < 0
        var digits = String(scaled.magnitude)
        if decimals > 0 {
            if digits.count <= decimals {
                digits = String(repeating: "0", count: decimals - digits.count + 1) + digits
            }
            let split = digits.index(digits.endIndex, offsetBy: -decimals)
            var fraction = String(digits[split...])
            let whole = String(digits[..<split])
            if trim {
                while fraction.last == "0" { fraction.removeLast() }
            }
            digits = fraction.isEmpty ? whole : whole + "." + fraction
        }
        let isZero = scaled == 0
        return negative && !isZero ? minus + digits : digits
    }
}
