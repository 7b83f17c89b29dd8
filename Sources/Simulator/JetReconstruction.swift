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

    /// Towers at least this hard (GeV) are followed one by one in the anti-kt clustering,
    /// softer ones only as candidates (see `LeadingAntiKtJet`): below the separation of two
    /// towers (0.0995) times the lowest jet pT that can pass the selection (250 GeV).
    static let hardTowerPt = 20.0

    private let antiKt = LeadingAntiKtJet()
    private let kt = ClusterSequence()
    private let indices = ScratchBuffer<Int32>()
    private let jetTowers = ScratchBuffer<Tower>()
    private var kept: [(pt2: Double, jet: Int)] = []
    private var leadingJet = FourVector.zero
    private var leadingScalarPt = 0.0

    /// Clusters `towers` with anti-kt and keeps the leading jet and its towers for
    /// `trimLeadingJet`. `separation2` must not exceed the ΔR² between any two towers.
    /// Returns the jet and the scalar sum of its towers' pT, nil without towers.
    func findLeadingJet(of towers: ScratchBuffer<Tower>,
                        separation2: Double) -> (momentum: FourVector, scalarPt: Double)? {
        guard let leading = antiKt.leadingJet(of: towers, radius: Self.jetRadius, separation2: separation2,
                                              hardThreshold: Self.hardTowerPt) else { return nil }
        indices.removeAll()
        antiKt.sequence.constituents(of: Int(leading), into: indices)
        jetTowers.removeAll()
        var scalarPt = 0.0
        for k in 0..<indices.count {
            let t = towers[Int(indices[k])]
            jetTowers.append(t)
            scalarPt += t.pt
        }
        leadingJet = antiKt.sequence.momenta[Int(leading)]
        leadingScalarPt = scalarPt
        return (leadingJet, scalarPt)
    }

    /// Trims the jet found by `findLeadingJet`: its kt subjets of radius 0.3 with more than
    /// 5 % of its pT. False when none is kept, or as soon as the trimmed jet is sure to be
    /// lighter than `giveUpBelowMass` or softer than `giveUpBelowPt`. The jet less the
    /// subjets dropped so far holds the trimmed jet, so it is at least as heavy; and the
    /// trimmed jet has at most the scalar pT of its towers, which is at most the jet's
    /// scalar pT less the pT of each dropped subjet.
    func trimLeadingJet(into result: TrimmedJet, giveUpBelowMass: Double = 0, giveUpBelowPt: Double = 0) -> Bool {
        kt.start(jetTowers, algorithm: .kt, radius: Self.subjetRadius)
        let minimumPt = Self.subjetFraction * leadingJet.pt
        let givesUp = giveUpBelowMass > 0 || giveUpBelowPt > 0
        var rest = leadingJet
        var restScalarPt = leadingScalarPt
        while kt.activeCount > 0 {
            let jets = kt.inclusiveJets.count
            kt.step()
            guard givesUp, kt.inclusiveJets.count > jets else { continue }
            let subjet = kt.momenta[Int(kt.inclusiveJets[jets])]
            guard subjet.pt2 <= minimumPt * minimumPt else { continue }
            rest -= subjet
            restScalarPt -= subjet.pt
            if giveUpBelowMass > 0 && rest.mass2 < giveUpBelowMass * giveUpBelowMass { return false }
            if restScalarPt < giveUpBelowPt { return false }
        }
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
            for k in 0..<indices.count { result.constituents.append(jetTowers[Int(indices[k])]) }
            result.subjetSizes.append(indices.count)
        }
        return !kept.isEmpty
    }

    /// The towers of the jet found by `findLeadingJet`.
    var jetTowerCount: Int { jetTowers.count }
    func jetTower(_ k: Int) -> Tower { jetTowers[k] }
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
