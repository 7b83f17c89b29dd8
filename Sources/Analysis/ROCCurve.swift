import JetData

/// The receiver operating characteristic of a score that should be higher for anomalous
/// jets: one point per distinct score, from (0, 0) (nothing flagged) to (1, 1) (everything
/// flagged). A jet is flagged anomalous when its score is above the threshold.
public struct ROCCurve: Sendable {
    /// Thresholds, decreasing: point k flags the jets with score > thresholds[k]. The first
    /// is the highest score (nothing flagged), the inner ones lie midway between neighbouring
    /// distinct scores, the last below the lowest score by half the gap above it (everything
    /// flagged), but never at or below 0 for positive scores, so a log axis can show it. It
    /// stands visibly apart from the lowest score: printed to six digits, a threshold given
    /// to `confusion` flags the jets the scan's row counts.
    public let thresholds: [Double]
    public let falsePositiveRate: [Double]
    public let truePositiveRate: [Double]
    /// Area under the curve: the probability that a random anomalous jet scores above a
    /// random normal one (ties count one half). Below 0.5 the score points the wrong way.
    public let auc: Double
    public let anomalousCount: Int
    public let normalCount: Int
    /// What the score is ("setup 3 loss"), for legends; nil when not said.
    public var label: String?
    /// Counts at each point, kept so scans and confusion matrices need no second pass.
    let flaggedAnomalous: [Int]
    let flaggedNormal: [Int]

    public init(scores: [Double], anomalous: [Bool]) throws(AnomalyError) {
        guard scores.count == anomalous.count else {
            throw AnomalyError("\(scores.count) scores but \(anomalous.count) labels: they must belong to the same jets")
        }
        let finite = scores.allSatisfy(\.isFinite)
        guard finite else {
            let bad = scores.firstIndex { !$0.isFinite } ?? 0
            throw AnomalyError("score of jet \(bad) is \(scores[bad]); every score must be finite")
        }
        let positives = anomalous.reduce(0) { $0 + ($1 ? 1 : 0) }
        let negatives = anomalous.count - positives
        guard positives > 0, negatives > 0 else {
            throw AnomalyError("need both anomalous and normal jets, got \(Format.count(positives)) anomalous and \(Format.count(negatives)) normal")
        }
        let order = scores.indices.sorted { scores[$0] > scores[$1] }
        var thresholds = [scores[order[0]]]
        var tp = [0], fp = [0]
        var k = 0
        while k < order.count {
            let score = scores[order[k]]
            var newTP = tp[tp.count - 1], newFP = fp[fp.count - 1]
            while k < order.count && scores[order[k]] == score {
                if anomalous[order[k]] { newTP += 1 } else { newFP += 1 }
                k += 1
            }
            if k < order.count {
                thresholds.append((score + scores[order[k]]) / 2)
            } else {
                let above = thresholds.count > 1 ? thresholds[thresholds.count - 1] : score
                var gap = above > score ? (above - score) : max(1, abs(score)) / 2
                if score > 0 { gap = min(gap, score / 2) }
                thresholds.append(score - gap)
            }
            tp.append(newTP)
            fp.append(newFP)
        }
        var area = 0.0
        for i in 1..<tp.count {
            area += Double(fp[i] - fp[i - 1]) * Double(tp[i] + tp[i - 1]) / 2
        }
        self.thresholds = thresholds
        self.flaggedAnomalous = tp
        self.flaggedNormal = fp
        self.truePositiveRate = tp.map { Double($0) / Double(positives) }
        self.falsePositiveRate = fp.map { Double($0) / Double(negatives) }
        self.auc = area / (Double(positives) * Double(negatives))
        self.anomalousCount = positives
        self.normalCount = negatives
    }

    /// Scores of the jets of `jets` (one per jet, same order); signal jets are the anomalous class.
    public init(scores: [Double], jets: JetSet) throws(AnomalyError) {
        try self.init(scores: scores, anomalous: (0..<jets.count).map { jets.isSignal($0) })
    }

    public var pointCount: Int { thresholds.count }

    /// Statistical error of the AUC from the finite samples (Hanley and McNeil, Radiology 143
    /// (1982) 29): the standard error of the Mann–Whitney statistic, with its variance
    /// components taken as for exponential score distributions, good to a few per cent for
    /// the AUCs met here.
    public var aucError: Double {
        let a = auc, na = Double(anomalousCount), nn = Double(normalCount)
        let q1 = a / (2 - a), q2 = 2 * a * a / (1 + a)
        let variance = (a * (1 - a) + (na - 1) * (q1 - a * a) + (nn - 1) * (q2 - a * a)) / (na * nn)
        return max(0, variance).squareRoot()
    }

    /// The confusion matrix at point `index` of the curve.
    public func confusion(at index: Int) -> ConfusionMatrix {
        ConfusionMatrix(threshold: thresholds[index],
                        truePositives: flaggedAnomalous[index],
                        falseNegatives: anomalousCount - flaggedAnomalous[index],
                        falsePositives: flaggedNormal[index],
                        trueNegatives: normalCount - flaggedNormal[index])
    }

    /// Accuracy at every point.
    public var accuracy: [Double] {
        let total = Double(anomalousCount + normalCount)
        return flaggedAnomalous.indices.map {
            Double(flaggedAnomalous[$0] + normalCount - flaggedNormal[$0]) / total
        }
    }

    /// The default working point: the point of highest balanced accuracy (the first one, on
    /// ties: the strictest threshold). With as many anomalous as normal jets that is the point
    /// of highest accuracy; with unequal samples, highest accuracy tends to call every jet the
    /// larger class.
    public var bestIndex: Int {
        // tp·N − fp·P is 2PN (balanced accuracy − ½): compared in integers, ties are exact.
        var best = 0, bestValue = Int.min
        for i in flaggedAnomalous.indices {
            let value = flaggedAnomalous[i] * normalCount - flaggedNormal[i] * anomalousCount
            if value > bestValue {
                bestValue = value
                best = i
            }
        }
        return best
    }

    /// As many anomalous as normal jets, so that accuracy and balanced accuracy agree.
    public var hasEqualClasses: Bool { anomalousCount == normalCount }

    /// What `bestIndex` maximises, for titles and summaries.
    public var bestCriterion: String { hasEqualClasses ? "best accuracy" : "best balanced accuracy" }

    /// The point with the highest true-positive rate whose false-positive rate does not
    /// exceed `rate` (0…1); of equal ones, the one with the lowest false-positive rate.
    public func index(atFalsePositiveRate rate: Double) -> Int {
        var best = 0
        for i in falsePositiveRate.indices
        where falsePositiveRate[i] <= rate && truePositiveRate[i] > truePositiveRate[best] {
            best = i
        }
        return best
    }

    /// At most `count` points spread evenly along the curve (always keeping both ends and
    /// `keep`), for plotting a curve of 10⁵ points compactly.
    public func sampledIndices(count: Int, keep: [Int] = []) -> [Int] {
        guard pointCount > count, count >= 2 else { return Array(0..<pointCount) }
        var picked = Set((0..<count).map { Int((Double($0) / Double(count - 1) * Double(pointCount - 1)).rounded()) })
        picked.formUnion(keep.filter { (0..<pointCount).contains($0) })
        return picked.sorted()
    }
}
