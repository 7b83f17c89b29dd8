import Analysis
import Foundation
import JetData
import Testing

@Suite struct StatisticsTests {
    @Test func meanStdAndErrorsMatchNumpyConventions() {
        let s = Statistics([1.0, 2, 3, 4])
        #expect(s.count == 4)
        #expect(s.mean == 2.5)
        // numpy.std (ddof 0) = 1.1180…, scipy.stats.sem (ddof 1) = 0.6455…
        #expect(abs(s.std - 1.118033988749895) < 1e-12)
        #expect(abs(s.meanError - 0.6454972243679028) < 1e-12)
        // scipy.stats.kurtosis(fisher=False) = 1.64; the error of σ is σ·√(κ − 1)/(2√N).
        #expect(abs(s.kurtosis - 1.64) < 1e-12)
        #expect(abs(s.stdError - 1.118033988749895 * 0.8 / 4) < 1e-12)
        #expect(s.min == 1 && s.max == 4)
    }

    /// The error of σ is the spread of σ over repeated samples, for a normal distribution
    /// (σ/√(2N)) and for one with long tails (Laplace, κ = 6), where σ/√(2N) is too small.
    @Test func errorOfSigmaIsTheSpreadOverRepeatedSamples() {
        var generator = SeededGenerator(seed: 11)
        func normal() -> Double {
            (-2 * log(1 - generator.uniform())).squareRoot() * cos(2 * Double.pi * generator.uniform())
        }
        func laplace() -> Double {
            let u = generator.uniform() - 0.5
            return (u < 0 ? 1 : -1) * log(1 - 2 * abs(u))
        }
        for (name, draw, kurtosis) in [("normal", normal, 3.0), ("Laplace", laplace, 6.0)] as [(String, () -> Double, Double)] {
            var sigmas: [Double] = [], errors: [Double] = [], kurtoses: [Double] = []
            for _ in 0..<400 {
                let s = Statistics((0..<2000).map { _ in draw() })
                sigmas.append(s.std)
                errors.append(s.stdError)
                kurtoses.append(s.kurtosis)
            }
            let mean = sigmas.reduce(0, +) / 400
            let spread = (sigmas.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 399).squareRoot()
            let formula = errors.reduce(0, +) / 400
            // The spread of 400 samples is known to about 1/√800 ≈ 3.5 %.
            #expect(abs(formula / spread - 1) < 0.15, "\(name): formula \(formula), spread \(spread)")
            #expect(abs(kurtoses.reduce(0, +) / 400 - kurtosis) < 0.3 * kurtosis / 3, "\(name)")
        }
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
