import Foundation
import JetData

/// Number formatting shared by tables and summaries: fixed rules, so output is stable.
public enum Format {
    /// A value and its error, rounded to two significant digits of the error:
    /// (0.0081432, 0.000363) → "0.00814 ± 0.00036".
    public static func value(_ x: Double, error: Double) -> String {
        guard x.isFinite else { return "\(x)" }
        guard error.isFinite, error > 0 else { return number(x) }
        let decimals = max(0, 1 - Int((log10(error)).rounded(.down)))
        return "\(fixed(x, decimals)) ± \(fixed(error, decimals))"
    }

    /// A number with about `digits` significant digits, in fixed or scientific notation.
    public static func number(_ x: Double, digits: Int = 4) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "inf" : "-inf") }
        if x == 0 { return "0" }
        let magnitude = abs(x)
        if magnitude >= 1e-4 && magnitude < 1e6 {
            let decimals = max(0, digits - 1 - Int(log10(magnitude).rounded(.down)))
            var s = fixed(x, decimals)
            if s.contains(".") {
                while s.hasSuffix("0") { s.removeLast() }
                if s.hasSuffix(".") { s.removeLast() }
            }
            return s
        }
        return String(format: "%.\(max(0, digits - 1))e", x)
    }

    public static func fixed(_ x: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", x)
    }

    /// A count and its noun, singular for one: (1, "jet") → "1 jet", (2,000, "jet") → "2,000 jets".
    public static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        "\(count(n)) \(n == 1 ? noun : plural ?? noun + "s")"
    }

    /// A count with thousands separators: 872666 → "872,666".
    public static func count(_ n: Int) -> String { CountFormat.grouped(n) }
}
