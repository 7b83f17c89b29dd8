import Foundation

/// How much memory the machine can still give, so jnb can refuse an allocation that would
/// get it killed and suggest something smaller instead.
public enum SystemMemory {
    /// The environment variable that replaces what /proc/meminfo says (bytes, or a number with
    /// k, M, G or T, powers of 1000): to try the checks, or to keep jnb within a share of a machine.
    public static let overrideVariable = "JNB_AVAILABLE_MEMORY"

    /// The override when set and valid, else MemAvailable from /proc/meminfo, in bytes; nil
    /// where unknown. An override that is not a size is ignored (`overrideWarning` says so).
    public static func availableBytes() -> Int? {
        if let text = ProcessInfo.processInfo.environment[overrideVariable], let bytes = parse(text) {
            return bytes
        }
        guard let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("MemAvailable:") {
            let fields = line.split(separator: " ")
            if fields.count >= 2, let kB = Int(fields[1]) { return kB * 1024 }
        }
        return nil
    }

    /// What to tell the user when the override is set but is not a size, so that it is
    /// ignored; nil when it is unset, empty or a size. Said once, when jnb starts.
    public static func overrideWarning() -> String? {
        guard let text = ProcessInfo.processInfo.environment[overrideVariable], !text.isEmpty, parse(text) == nil else {
            return nil
        }
        return "\(overrideVariable)=\(text) is not a size (expected a number of bytes, or a number followed by k, M, G or T, powers of 1000, e.g. 500M or 1.5G); ignored"
    }

    /// `12345`, `500k`, `200M`, `1.5G` (powers of 1000) as bytes; nil for anything else.
    public static func parse(_ text: String) -> Int? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let scales: [Character: Double] = ["k": 1e3, "K": 1e3, "M": 1e6, "G": 1e9, "T": 1e12]
        var number = Substring(trimmed), scale = 1.0
        if let last = trimmed.last, let s = scales[last] {
            number = number.dropLast()
            scale = s
        }
        guard let value = Double(number), value.isFinite, value >= 0 else { return nil }
        return Int(value * scale)
    }

    /// Throws when `bytes` exceed what is available, naming the operation and a way out.
    public static func check(bytes: Int, for operation: String, suggestion: String) throws(JetDataError) {
        try check(bytes: bytes, for: operation) { _ in suggestion }
    }

    /// Throws when `bytes` exceed what is available, naming the operation and the way out that
    /// `suggestion` finds for the bytes available (nil when there is none).
    public static func check(bytes: Int, for operation: String, suggestion: (_ available: Int) -> String?) throws(JetDataError) {
        guard let available = availableBytes(), bytes > available else { return }
        let way = suggestion(available).map { "; \($0)" } ?? ""
        throw JetDataError.invalidArgument(
            "\(operation) needs about \(format(bytes)) of memory, but only \(format(available)) is available\(way)")
    }

    /// `n` rounded down to its first two significant digits (78,431 → 78,000), for suggestions.
    public static func roundedDown(_ n: Int) -> Int {
        var scale = 1
        while n / scale >= 100 { scale *= 10 }
        return n / scale * scale
    }

    /// A size as people read it, in powers of 1000 as the override takes them: `512 bytes`,
    /// `5 MB`, `10.3 MB`, `258 PB`; one decimal below 100 of a unit (none when it is 0), and
    /// the next unit where rounding reaches 1000 (`1 GB`, not `1000 MB`).
    public static func format(_ bytes: Int) -> String {
        let b = Double(max(0, bytes))
        if b < 1000 { return "\(max(0, bytes)) byte\(bytes == 1 ? "" : "s")" }
        let units = ["kB", "MB", "GB", "TB", "PB", "EB"]
        var scaled = b / 1000, unit = 0
        while unit < units.count - 1, (scaled < 100 ? (scaled * 10).rounded() / 10 : scaled.rounded()) >= 1000 {
            scaled /= 1000
            unit += 1
        }
        var number = String(format: scaled < 99.95 ? "%.1f" : "%.0f", scaled)
        if number.hasSuffix(".0") { number.removeLast(2) }
        return number + " " + units[unit]
    }
}
