import Foundation

/// How much memory the machine can still give, so jnb can refuse an allocation that would
/// get it killed and suggest something smaller instead.
public enum SystemMemory {
    /// MemAvailable from /proc/meminfo, in bytes; nil where unknown.
    public static func availableBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("MemAvailable:") {
            let fields = line.split(separator: " ")
            if fields.count >= 2, let kB = Int(fields[1]) { return kB * 1024 }
        }
        return nil
    }

    /// Throws when `bytes` exceed what is available, naming the operation and a way out.
    public static func check(bytes: Int, for operation: String, suggestion: String) throws(JetDataError) {
        guard let available = availableBytes(), bytes > available else { return }
        throw JetDataError.invalidArgument(
            "\(operation) needs about \(format(bytes)) of memory, but only \(format(available)) is available; \(suggestion)")
    }

    public static func format(_ bytes: Int) -> String {
        let b = Double(bytes)
        if b >= 1e9 { return String(format: "%.1f GB", b / 1e9) }
        if b >= 1e6 { return String(format: "%.0f MB", b / 1e6) }
        return String(format: "%.0f kB", b / 1e3)
    }
}
