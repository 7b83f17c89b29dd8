/// Counts of a threshold classifier against the true labels of the same jets
/// (thesis Fig 2.17: rows true anomalous/normal, columns predicted anomalous/normal).
public struct ConfusionMatrix: Sendable, Equatable {
    /// Jets with score above this are predicted anomalous.
    public let threshold: Double
    public let truePositives: Int
    public let falseNegatives: Int
    public let falsePositives: Int
    public let trueNegatives: Int

    public init(threshold: Double, truePositives: Int, falseNegatives: Int, falsePositives: Int, trueNegatives: Int) {
        self.threshold = threshold
        self.truePositives = truePositives
        self.falseNegatives = falseNegatives
        self.falsePositives = falsePositives
        self.trueNegatives = trueNegatives
    }

    /// Classifies each jet (anomalous when score > threshold) against its own label.
    public init(scores: [Double], anomalous: [Bool], threshold: Double) throws(AnomalyError) {
        guard scores.count == anomalous.count else {
            throw AnomalyError("\(scores.count) scores but \(anomalous.count) labels: they must belong to the same jets")
        }
        var tp = 0, fn = 0, fp = 0, tn = 0
        for (score, isAnomalous) in zip(scores, anomalous) {
            switch (score > threshold, isAnomalous) {
            case (true, true): tp += 1
            case (false, true): fn += 1
            case (true, false): fp += 1
            case (false, false): tn += 1
            }
        }
        self.init(threshold: threshold, truePositives: tp, falseNegatives: fn, falsePositives: fp, trueNegatives: tn)
    }

    public var total: Int { truePositives + falseNegatives + falsePositives + trueNegatives }
    public var accuracy: Double { Double(truePositives + trueNegatives) / Double(max(total, 1)) }
    /// Fraction of anomalous jets flagged (signal efficiency, recall).
    public var truePositiveRate: Double { Double(truePositives) / Double(max(truePositives + falseNegatives, 1)) }
    /// Fraction of normal jets flagged (mistag rate).
    public var falsePositiveRate: Double { Double(falsePositives) / Double(max(falsePositives + trueNegatives, 1)) }
    /// The mean of the two classes' fractions classified correctly, (TPR + 1 − FPR)/2: what
    /// accuracy is when the classes have the same size, and what it should be read as when
    /// they have not (calling every jet the larger class scores 0.5, not that class's share).
    public var balancedAccuracy: Double { (truePositiveRate + 1 - falsePositiveRate) / 2 }
    /// As many anomalous as normal jets, so that accuracy and balanced accuracy agree.
    public var hasEqualClasses: Bool { truePositives + falseNegatives == falsePositives + trueNegatives }

    /// Rows (true anomalous, true normal) × columns (predicted anomalous, predicted normal).
    public var counts: [[Int]] {
        [[truePositives, falseNegatives], [falsePositives, trueNegatives]]
    }

    /// Each count as a fraction of its true class (rows sum to 1).
    public var rowFractions: [[Double]] {
        counts.map { row in
            let sum = Double(row.reduce(0, +))
            return row.map { sum > 0 ? Double($0) / sum : 0 }
        }
    }
}
