import Foundation

/// How numbers look when jnb prints them: whole numbers without a decimal point, others with
/// six significant digits, which is what a physicist reads off a summary.
public enum NumberFormat {
    public static func plain(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(format: "%.6g", value)
    }

    /// Four significant digits, trailing zeros kept, so losses line up epoch after epoch.
    public static func loss(_ value: Double) -> String {
        String(format: "%#.4g", value)
    }

    /// Seconds as `0.42 s`, `12.4 s`, `3 min 12 s`.
    public static func duration(_ seconds: Double) -> String {
        if seconds < 10 { return String(format: "%.2f s", seconds) }
        if seconds < 60 { return String(format: "%.1f s", seconds) }
        let minutes = Int(seconds / 60)
        return "\(minutes) min \(Int(seconds) - 60 * minutes) s"
    }
}
