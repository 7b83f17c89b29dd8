import Foundation
import Analysis
import JetData
import Testing
import TestSupport

@Suite struct ROCCurveTests {
    @Test func perfectSeparationHasAreaOne() throws {
        let roc = try ROCCurve(scores: [0.9, 0.8, 0.2, 0.1], anomalous: [true, true, false, false])
        #expect(roc.auc == 1)
        #expect(roc.truePositiveRate.first == 0 && roc.falsePositiveRate.first == 0)
        #expect(roc.truePositiveRate.last == 1 && roc.falsePositiveRate.last == 1)
        let best = roc.bestIndex
        #expect(roc.accuracy[best] == 1)
        let matrix = roc.confusion(at: best)
        #expect(matrix.counts == [[2, 0], [0, 2]])
        // The threshold lies between the classes, and reclassifying with it agrees.
        #expect(matrix.threshold > 0.2 && matrix.threshold < 0.8)
        let again = try ConfusionMatrix(scores: [0.9, 0.8, 0.2, 0.1], anomalous: [true, true, false, false], threshold: matrix.threshold)
        #expect(again == matrix)
    }

    /// With as many anomalous as normal jets the working point is the most accurate one; with
    /// unequal samples, the one of best balanced accuracy.
    @Test func bestIndexMaximisesBalancedAccuracy() throws {
        var generator = SeededGenerator(seed: 5)
        for (anomalousCount, normalCount) in [(300, 300), (1_000, 100), (100, 1_000)] {
            let anomalous = [Bool](repeating: true, count: anomalousCount) + [Bool](repeating: false, count: normalCount)
            let scores = anomalous.map { ($0 ? 0.4 : 0.0) + generator.uniform() }
            let roc = try ROCCurve(scores: scores, anomalous: anomalous)
            let balanced = (0..<roc.pointCount).map { roc.confusion(at: $0).balancedAccuracy }
            let best = roc.bestIndex
            // Equal in integers can differ in the last bit as doubles.
            #expect(abs(balanced[best] - (balanced.max() ?? 0)) < 1e-12)
            #expect(balanced[..<best].allSatisfy { $0 < balanced[best] - 1e-12 })
            if anomalousCount == normalCount {
                #expect(roc.accuracy[best] == roc.accuracy.max())
                #expect(roc.bestCriterion == "best accuracy")
            } else {
                #expect(roc.bestCriterion == "best balanced accuracy")
                // The most accurate cut calls more jets the larger class.
                let accurate = roc.confusion(at: roc.accuracy.indices.max { roc.accuracy[$0] < roc.accuracy[$1] } ?? 0)
                let chosen = roc.confusion(at: best)
                if anomalousCount > normalCount {
                    #expect(accurate.falsePositiveRate > chosen.falsePositiveRate)
                } else {
                    #expect(accurate.truePositiveRate < chosen.truePositiveRate)
                }
            }
        }
    }

    @Test func reversedScoreHasAreaZero() throws {
        let roc = try ROCCurve(scores: [0.1, 0.2, 0.8, 0.9], anomalous: [true, true, false, false])
        #expect(roc.auc == 0)
    }

    @Test func tiesCountOneHalf() throws {
        let roc = try ROCCurve(scores: [0.5, 0.5, 0.5, 0.5], anomalous: [true, false, true, false])
        #expect(roc.auc == 0.5)
        #expect(roc.pointCount == 2)
    }

    @Test func aucEqualsTheMannWhitneyStatistic() throws {
        var generator = SeededGenerator(seed: 11)
        let anomalous = (0..<400).map { _ in generator.uniform() < 0.4 }
        let scores = anomalous.map { ($0 ? 0.3 : 0.0) + generator.uniform() }
        var wins = 0.0
        for i in scores.indices where anomalous[i] {
            for j in scores.indices where !anomalous[j] {
                wins += scores[i] > scores[j] ? 1 : (scores[i] == scores[j] ? 0.5 : 0)
            }
        }
        let positives = anomalous.filter { $0 }.count
        let expected = wins / Double(positives * (400 - positives))
        let roc = try ROCCurve(scores: scores, anomalous: anomalous)
        #expect(abs(roc.auc - expected) < 1e-12)
    }

    /// The AUC's error is its spread over repeated samples: 400 samples of 150 anomalous and
    /// 250 normal jets with exponential scores (an AUC of 0.7), where the Hanley–McNeil formula
    /// is exact up to terms of order 1/n.
    @Test func aucErrorIsTheSpreadOverRepeatedSamples() throws {
        var generator = SeededGenerator(seed: 5)
        func exponential(mean: Double) -> Double { -mean * log(1 - generator.uniform()) }
        var aucs: [Double] = [], errors: [Double] = []
        for _ in 0..<400 {
            let anomalous = [Bool](repeating: true, count: 150) + [Bool](repeating: false, count: 250)
            let scores = anomalous.map { exponential(mean: $0 ? 7.0 / 3.0 : 1) }  // P(a > n) = 0.7
            let roc = try ROCCurve(scores: scores, anomalous: anomalous)
            aucs.append(roc.auc)
            errors.append(roc.aucError)
        }
        let mean = aucs.reduce(0, +) / 400
        let spread = (aucs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 399).squareRoot()
        let formula = errors.reduce(0, +) / 400
        #expect(abs(mean - 0.7) < 0.005)
        // The spread of 400 samples is known to 1/√800 ≈ 3.5 %.
        #expect(abs(formula / spread - 1) < 0.12, "formula \(formula), spread \(spread)")
        #expect(try ROCCurve(scores: [0.9, 0.1], anomalous: [true, false]).aucError == 0)
    }

    @Test func everyPointAgreesWithADirectCount() throws {
        var generator = SeededGenerator(seed: 3)
        let anomalous = (0..<200).map { _ in generator.uniform() < 0.5 }
        let scores = anomalous.map { _ in (generator.uniform() * 20).rounded() }  // many ties
        let roc = try ROCCurve(scores: scores, anomalous: anomalous)
        for k in 0..<roc.pointCount {
            let direct = try ConfusionMatrix(scores: scores, anomalous: anomalous, threshold: roc.thresholds[k])
            #expect(direct == roc.confusion(at: k))
            #expect(direct.total == 200)
        }
    }

    @Test func theLastThresholdStandsApartFromTheLowestScore() throws {
        let roc = try ROCCurve(scores: [1, 2, 3, 4, 3, 4, 5, 6], anomalous: [false, false, false, false, true, true, true, true])
        #expect(roc.thresholds.last == 0.5, "mirrors the midpoint 1.5 above the lowest score 1")
        #expect(roc.falsePositiveRate.last == 1 && roc.truePositiveRate.last == 1)
        // Positive scores keep a positive threshold (a log axis shows it), however wide the gap.
        let spread = try ROCCurve(scores: [0.001, 10, 20], anomalous: [false, true, true])
        #expect(spread.thresholds.last == 0.0005)
        let single = try ROCCurve(scores: [-3, -3], anomalous: [false, true])
        #expect(single.thresholds == [-3, -4.5])
    }

    @Test func fixedFalsePositiveRatePoint() throws {
        let scores = (0..<100).map { Double($0) }
        let anomalous = (0..<100).map { $0 >= 50 }
        let roc = try ROCCurve(scores: scores, anomalous: anomalous)
        let k = roc.index(atFalsePositiveRate: 0.1)
        #expect(roc.falsePositiveRate[k] == 0)
        #expect(roc.truePositiveRate[k] == 1)
    }

    @Test func labelsMustMatchTheScores() {
        #expect(throws: AnomalyError.self) { try ROCCurve(scores: [1, 2], anomalous: [true]) }
        #expect(throws: AnomalyError.self) { try ROCCurve(scores: [1, 2], anomalous: [true, true]) }
        #expect(throws: AnomalyError.self) { try ROCCurve(scores: [1, .nan], anomalous: [true, false]) }
    }

    @Test func tau21SeparatesPythiaJets() throws {
        // QCD jets are one-prong: larger τ21. Scoring with τ21 flags QCD, so W (the
        // "anomalous" class here) scores low: AUC ≈ 0.2, i.e. 1 − 0.80.
        let jets = try JetFile.read(Fixtures.pythia4k.path)
        let roc = try ROCCurve(scores: jets.values(.tau21).map(Double.init), jets: jets)
        #expect(abs((1 - roc.auc) - 0.80) < 0.03)
    }

    @Test func sampledIndicesKeepEndsAndRequestedPoints() throws {
        let scores = (0..<5000).map { Double($0) }
        let roc = try ROCCurve(scores: scores, anomalous: scores.map { $0.truncatingRemainder(dividingBy: 3) == 0 })
        let picked = roc.sampledIndices(count: 100, keep: [1234])
        #expect(picked.first == 0 && picked.last == roc.pointCount - 1)
        #expect(picked.contains(1234))
        #expect(picked.count <= 101)
    }
}
