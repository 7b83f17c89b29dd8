import Plot
import Testing

/// Tick choice against known cases (the 1/2/2.5/5 × 10ⁿ rule of matplotlib's MaxNLocator).
@Suite struct TickTests {
    static func expectTicks(_ ticks: [Double], _ expected: [Double], _ comment: String) {
        #expect(ticks.count == expected.count, "\(comment): \(ticks) vs \(expected)")
        for (a, b) in zip(ticks, expected) {
            #expect(abs(a - b) <= 1e-9 * max(1, abs(b)), "\(comment): \(ticks) vs \(expected)")
        }
    }

    @Test func unitInterval() {
        Self.expectTicks(Ticks.linear(from: 0, to: 1), [0, 0.2, 0.4, 0.6, 0.8, 1.0], "(0, 1)")
    }

    @Test func stepOfTwoAndAHalf() {
        Self.expectTicks(Ticks.linear(from: -3.2, to: 17.9), stride(from: -5.0, through: 20, by: 2.5).map { $0 },
                         "(−3.2, 17.9)")
    }

    @Test func wideRangeFromNearZero() {
        Self.expectTicks(Ticks.linear(from: 0.001, to: 1234), stride(from: 0.0, through: 1400, by: 200).map { $0 },
                         "(0.001, 1234)")
    }

    @Test func tickValuesAreRoundedExactly() {
        // 3 × 0.1 must be 0.3, not 0.30000000000000004, so that labels and comparisons agree.
        let ticks = Ticks.linear(from: 0, to: 0.9, maxIntervals: 9)
        #expect(ticks.contains(0.3))
        #expect(ticks.contains(0.7))
    }

    @Test func fewerIntervalsGiveLargerSteps() {
        Self.expectTicks(Ticks.linear(from: 0, to: 100, maxIntervals: 4), [0, 25, 50, 75, 100], "(0, 100) in 4")
        Self.expectTicks(Ticks.linear(from: 0, to: 100, maxIntervals: 2), [0, 50, 100], "(0, 100) in 2")
    }

    @Test func integerTicksSkipFractionalSteps() {
        Self.expectTicks(Ticks.linear(from: 1, to: 3, maxIntervals: 9, integer: true), [1, 2, 3], "epochs 1…3")
        Self.expectTicks(Ticks.linear(from: 0, to: 5, maxIntervals: 2, integer: true), [0, 5], "(0, 5) integer in 2")
    }

    @Test func negativeAndTinyRanges() {
        // 0.95 / 9 = 0.106, so the step is 0.2 and the ticks enclose the range.
        Self.expectTicks(Ticks.linear(from: -0.45, to: 0.5), [-0.6, -0.4, -0.2, 0, 0.2, 0.4, 0.6], "residual range")
        Self.expectTicks(Ticks.linear(from: 2e-6, to: 9e-6, maxIntervals: 9), [2e-6, 3e-6, 4e-6, 5e-6, 6e-6, 7e-6, 8e-6, 9e-6],
                         "(2e-6, 9e-6)")
    }

    @Test func decadesInsideARange() {
        #expect(Ticks.decades(from: 0.7, to: 3000) == [0, 1, 2, 3])
        #expect(Ticks.decades(from: 1e-3, to: 1) == [-3, -2, -1, 0])
        #expect(Ticks.decades(from: 2, to: 9) == [])
        #expect(Ticks.decades(from: 0, to: 10) == [])
    }
}
