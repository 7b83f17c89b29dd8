import Foundation

/// A progress bar with rate and time left, for long commands on a terminal:
/// `simulate ███████░░░░░░░  48%  21.3k jets/s  ETA 3 s`. Redrawn at most ten times a second;
/// sinks that are not terminals drop it.
public final class ProgressReporter {
    private let label: String
    private var total: Int
    private let unit: String
    private let output: OutputSink
    private let start = ContinuousClock.now
    private var lastDraw: ContinuousClock.Instant?

    init(label: String, total: Int, unit: String, output: OutputSink) {
        self.label = label
        self.total = max(total, 1)
        self.unit = unit
        self.output = output
    }

    /// `done` of `total` steps are finished (`total` may change, as a reader learns it).
    public func update(_ done: Int, of total: Int? = nil, suffix: String = "") {
        if let total { self.total = max(total, 1) }
        let now = ContinuousClock.now
        if let lastDraw, now - lastDraw < .milliseconds(100), done < self.total { return }
        lastDraw = now
        output.progress(line(done, elapsed: (now - start).seconds, suffix: suffix))
    }

    /// Clears the bar.
    public func finish() {
        output.progress(nil)
    }

    func line(_ done: Int, elapsed: Double, suffix: String) -> String {
        let fraction = min(max(Double(done) / Double(total), 0), 1)
        let width = 24
        let filled = Int((fraction * Double(width)).rounded(.down))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        var text = "\(label) \(bar) \(String(format: "%3d", Int(fraction * 100)))%"
        if elapsed > 0.2, done > 0 {
            let rate = Double(done) / elapsed
            text += "  " + Self.rate(rate) + " \(unit)/s"
            if done < total {
                text += "  ETA " + NumberFormat.duration(Double(total - done) / rate)
            }
        }
        if !suffix.isEmpty { text += "  " + suffix }
        return text
    }

    private static func rate(_ r: Double) -> String {
        if r >= 1e6 { return String(format: "%.1fM", r / 1e6) }
        if r >= 1e4 { return String(format: "%.1fk", r / 1e3) }
        if r >= 100 { return String(format: "%.0f", r) }
        return String(format: "%.1f", r)
    }
}
