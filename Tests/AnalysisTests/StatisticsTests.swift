import Analysis
import Testing

@Suite struct StatisticsTests {
    @Test func meanStdAndErrorsMatchNumpyConventions() {
        let s = Statistics([1.0, 2, 3, 4])
        #expect(s.count == 4)
        #expect(s.mean == 2.5)
        // numpy.std (ddof 0) = 1.1180…, scipy.stats.sem (ddof 1) = 0.6455…
        #expect(abs(s.std - 1.118033988749895) < 1e-12)
        #expect(abs(s.meanError - 0.6454972243679028) < 1e-12)
        #expect(abs(s.stdError - 1.118033988749895 / 8.0.squareRoot()) < 1e-12)
        #expect(s.min == 1 && s.max == 4)
    }

    @Test func nonFiniteValuesAreExcludedAndCounted() {
        let s = Statistics([1.0, .nan, 3, .infinity])
        #expect(s.count == 2)
        #expect(s.excluded == 2)
        #expect(s.mean == 2)
    }

    @Test func emptySampleGivesNaNNotACrash() {
        let s = Statistics([Double]())
        #expect(s.count == 0)
        #expect(s.mean.isNaN && s.std.isNaN && s.meanError.isNaN)
    }

    @Test func quantilesInterpolateLikeNumpy() {
        let x: [Float] = [5, 1, 3, 2, 4]
        #expect(Statistics.median(x) == 3)
        #expect(Statistics.quantile(x, 0.25) == 2)
        #expect(Statistics.quantile([1.0, 2], 0.5) == 1.5)
    }

    @Test func welfordIsStableForLargeOffsets() {
        let values = (0..<100_000).map { 1e6 + Double($0 % 2) }
        let s = Statistics(values)
        #expect(abs(s.std - 0.5) < 1e-6)
    }
}
