import Foundation

/// The reference file's jet: the leading anti-kt R = 1.0 jet of the towers, trimmed by
/// reclustering its towers with kt R = 0.3 and keeping the subjets above 5 % of its pT.
final class TrimmedJet {
    var momentum = FourVector.zero
    /// Kept subjets, hardest first.
    let subjets = ScratchBuffer<FourVector>()
    /// The towers of the kept subjets, subjet after subjet.
    let constituents = ScratchBuffer<Tower>()
    /// How many of `constituents` belong to each subjet.
    var subjetSizes: [Int] = []
}

final class JetReconstruction {
    static let jetRadius = 1.0
    static let subjetRadius = 0.3
    static let subjetFraction = 0.05

    private let antiKt = ClusterSequence()
    private let kt = ClusterSequence()
    private let indices = ScratchBuffer<Int32>()
    private let jetTowers = ScratchBuffer<Tower>()
    private var kept: [(pt2: Double, jet: Int)] = []
    private var leadingJet = FourVector.zero

    /// Clusters `towers` with anti-kt and keeps the leading jet and its towers for
    /// `trimLeadingJet`. Returns the jet and the scalar sum of its towers' pT, nil without towers.
    func findLeadingJet(of towers: ScratchBuffer<Tower>) -> (momentum: FourVector, scalarPt: Double)? {
        guard !towers.isEmpty else { return nil }
        antiKt.start(towers, algorithm: .antiKt, radius: Self.jetRadius)
        // Cluster until the hardest jet so far has more pT than all that is left together.
        var leading = -1
        var leadingPt2 = -1.0
        while antiKt.activeCount > 0 {
            let jets = antiKt.inclusiveJets.count
            antiKt.step()
            guard antiKt.inclusiveJets.count > jets else { continue }
            let j = Int(antiKt.inclusiveJets[jets])
            let pt2 = antiKt.momenta[j].pt2
            if pt2 > leadingPt2 {
                leadingPt2 = pt2
                leading = j
            }
            let rest = antiKt.activeScalarPt()
            if rest * rest < leadingPt2 { break }
        }
        indices.removeAll()
        antiKt.constituents(of: leading, into: indices)
        sortIndices()
        jetTowers.removeAll()
        var scalarPt = 0.0
        for k in 0..<indices.count {
            let t = towers[Int(indices[k])]
            jetTowers.append(t)
            scalarPt += t.pt
        }
        leadingJet = antiKt.momenta[leading]
        return (leadingJet, scalarPt)
    }

    /// Trims the jet found by `findLeadingJet`: its kt subjets of radius 0.3 with more than
    /// 5 % of its pT. False when none is kept.
    func trimLeadingJet(into result: TrimmedJet) -> Bool {
        kt.start(jetTowers, algorithm: .kt, radius: Self.subjetRadius)
        kt.runToEnd()
        let minimumPt = Self.subjetFraction * leadingJet.pt
        kept.removeAll(keepingCapacity: true)
        for k in 0..<kt.inclusiveJets.count {
            let j = Int(kt.inclusiveJets[k])
            let pt2 = kt.momenta[j].pt2
            if pt2 > minimumPt * minimumPt { kept.append((pt2, j)) }
        }
        kept.sort { $0.pt2 > $1.pt2 }
        result.momentum = .zero
        result.subjets.removeAll()
        result.constituents.removeAll()
        result.subjetSizes.removeAll(keepingCapacity: true)
        for (_, j) in kept {
            result.subjets.append(kt.momenta[j])
            result.momentum += kt.momenta[j]
            indices.removeAll()
            kt.constituents(of: j, into: indices)
            sortIndices()
            for k in 0..<indices.count { result.constituents.append(jetTowers[Int(indices[k])]) }
            result.subjetSizes.append(indices.count)
        }
        return !kept.isEmpty
    }

    /// The towers of the jet found by `findLeadingJet`.
    var jetTowerCount: Int { jetTowers.count }
    func jetTower(_ k: Int) -> Tower { jetTowers[k] }

    /// Puts the constituent indices in increasing order (input order), by insertion: the
    /// lists are short and mostly sorted already.
    private func sortIndices() {
        let p = indices.base
        for i in 1..<max(1, indices.count) {
            let x = p[i]
            var j = i - 1
            while j >= 0 && p[j] > x {
                p[j + 1] = p[j]
                j -= 1
            }
            p[j + 1] = x
        }
    }
}

/// N-subjettiness τ_N (β = 1, R₀ = 1, normalised): Σ pT_i min_k ΔR_ik / Σ pT_i, with the N
/// axes the exclusive kt jets of the constituents (kt with no beam, E-scheme), as FastJet's
/// Nsubjettiness with KT_Axes and NormalizedMeasure.
final class NSubjettiness {
    private let kt = ClusterSequence()
    private let axes = ScratchBuffer<FourVector>()
    private var axisY: [Double] = [0, 0, 0]
    private var axisPhi: [Double] = [0, 0, 0]

    /// (τ₁, τ₂, τ₃) of `constituents`; τ_N = 0 when there are N or fewer.
    func taus(_ constituents: ScratchBuffer<Tower>) -> (Double, Double, Double) {
        var result = (0.0, 0.0, 0.0)
        let n = constituents.count
        guard n > 0 else { return result }
        kt.start(constituents, algorithm: .kt, radius: .infinity)
        while kt.activeCount > 3 { kt.step() }
        if n > 3 { result.2 = tau(constituents) }
        if kt.activeCount > 2 { kt.step() }
        if n > 2 { result.1 = tau(constituents) }
        if kt.activeCount > 1 { kt.step() }
        if n > 1 { result.0 = tau(constituents) }
        return result
    }

    private func tau(_ constituents: ScratchBuffer<Tower>) -> Double {
        kt.activeMomenta(into: axes)
        let count = axes.count
        for k in 0..<count {
            axisY[k] = axes[k].rapidity
            axisPhi[k] = axes[k].azimuth
        }
        var numerator = 0.0, denominator = 0.0
        for i in 0..<constituents.count {
            let c = constituents[i]
            var best = Double.infinity
            for k in 0..<count {
                best = min(best, deltaR2(c.y, c.phi, axisY[k], axisPhi[k]))
            }
            numerator += c.pt * best.squareRoot()
            denominator += c.pt
        }
        return denominator > 0 ? numerator / denominator : 0
    }
}
