import Foundation

/// Small tools shared by the benchmark subcommands.
enum Bench {
    struct UsageError: Error, CustomStringConvertible {
        let description: String
    }

    /// Seconds since an arbitrary start, monotonic.
    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    /// Peak resident set size of this process so far, in bytes.
    static func peakRSS() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss * 1024
    }

    /// The value after `--name` in `arguments`.
    static func option(_ name: String, in arguments: [String]) -> String? {
        guard let i = arguments.firstIndex(of: "--\(name)"), i + 1 < arguments.count else { return nil }
        return arguments[i + 1]
    }

    static func report(_ pairs: KeyValuePairs<String, String>) {
        for (key, value) in pairs { print("\(key)=\(value)") }
    }
}
