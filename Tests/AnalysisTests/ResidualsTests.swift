import Analysis
import Testing

@Suite struct ResidualsTests {
    @Test func residualUsesTheThesisSign() {
        let r = Residuals(input: [100.0, 80], output: [90.0, 88])
        #expect(r.values == [0.1, -0.1])
        #expect(abs(r.statistics.mean) < 1e-15)
        #expect(abs(r.twoSigmaPercent - 20) < 1e-9)
    }

    @Test func zeroInputIsExcludedNotNaN() {
        let r = Residuals(input: [Float(0), 50], output: [Float(1), 40])
        #expect(r.statistics.count == 1)
        #expect(r.statistics.excluded == 1)
        #expect(abs(r.statistics.mean - 0.2) < 1e-7)
    }

    @Test func summaryRoundsToTheError() {
        #expect(Format.value(-0.008143, error: 0.000363) == "-0.00814 ± 0.00036")
        #expect(Format.value(0.075862, error: 0.000257) == "0.07586 ± 0.00026")
        #expect(Format.value(12.3456, error: 0.5) == "12.35 ± 0.50")
    }

    @Test func numbersAndCountsFormatStably() {
        #expect(Format.number(0.00066) == "0.00066")
        #expect(Format.number(5.7) == "5.7")
        #expect(Format.number(1.5e-7) == "1.500e-07")
        #expect(Format.count(872_666) == "872,666")
        #expect(Format.count(999) == "999")
    }
}
