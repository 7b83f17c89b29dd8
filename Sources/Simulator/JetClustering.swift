import Foundation

/// Jet clustering of massless particles with the simulator's anti-kt and kt, for callers
/// outside the simulator (and for checking it against a plain implementation).
public enum JetClustering {
    public enum Algorithm: Sendable {
        case antiKt
        case kt
    }

    /// The inclusive jets of massless particles given by transverse momentum, rapidity and
    /// azimuth, each as the indices of its constituents (increasing), in the order the jets
    /// reach the beam. Azimuths may come in any 2π range, but the particles must lie within
    /// an azimuthal range of 2π − 2R of each other (true for the particles of one jet image).
    public static func inclusiveJets(pt: [Double], rapidity: [Double], azimuth: [Double],
                                     algorithm: Algorithm, radius: Double) -> [[Int]] {
        let towers = masslessTowers(pt: pt, rapidity: rapidity, azimuth: azimuth)
        guard !towers.isEmpty else { return [] }
        let sequence = ClusterSequence()
        sequence.start(towers, algorithm: algorithm == .antiKt ? .antiKt : .kt, radius: radius)
        sequence.runToEnd()
        var jets: [[Int]] = []
        let indices = ScratchBuffer<Int32>()
        for k in 0..<sequence.inclusiveJets.count {
            indices.removeAll()
            sequence.constituents(of: Int(sequence.inclusiveJets[k]), into: indices)
            jets.append((0..<indices.count).map { Int(indices[$0]) }.sorted())
        }
        return jets
    }

    /// The reference file's jet, as the simulator builds it: the leading anti-kt R = 1.0 jet,
    /// trimmed with kt R = 0.3 subjets above 5 % of its pT. Returns the particle indices of
    /// the untrimmed jet and of each kept subjet (hardest first), each increasing; nil
    /// without particles or when no subjet is kept. With `giveUpBelowMass` or `giveUpBelowPt`
    /// the trimming may stop early, as the simulator's does, and return nil once the trimmed
    /// jet is sure to be lighter or softer than that.
    public static func leadingTrimmedJet(pt: [Double], rapidity: [Double], azimuth: [Double],
                                         giveUpBelowMass: Double = 0,
                                         giveUpBelowPt: Double = 0) -> (jet: [Int], subjets: [[Int]])? {
        let towers = masslessTowers(pt: pt, rapidity: rapidity, azimuth: azimuth)
        let reconstruction = JetReconstruction()
        let trimmed = TrimmedJet()
        guard reconstruction.findLeadingJet(of: towers, separation2: smallestSeparation2(towers)) != nil,
              reconstruction.trimLeadingJet(into: trimmed, giveUpBelowMass: giveUpBelowMass,
                                            giveUpBelowPt: giveUpBelowPt) else {
            return nil
        }
        // Towers are matched back to particles by position and pT (all distinct here).
        func index(_ t: Tower) -> Int {
            (0..<towers.count).first { towers[$0] == t } ?? -1
        }
        let jet = (0..<reconstruction.jetTowerCount).map { index(reconstruction.jetTower($0)) }.sorted()
        var subjets: [[Int]] = []
        var k = 0
        for s in 0..<trimmed.subjets.count {
            let count = trimmed.subjetSizes[s]
            subjets.append((k..<k + count).map { index(trimmed.constituents[$0]) }.sorted())
            k += count
        }
        return (jet, subjets)
    }

    /// (τ₁, τ₂, τ₃) of massless particles: N-subjettiness with exclusive-kt axes, β = 1,
    /// R₀ = 1, normalised by the scalar pT sum, as the simulator computes it.
    public static func nSubjettiness(pt: [Double], rapidity: [Double], azimuth: [Double]) -> (Double, Double, Double) {
        NSubjettiness().taus(masslessTowers(pt: pt, rapidity: rapidity, azimuth: azimuth))
    }

    /// The smallest ΔR² between two particles.
    static func smallestSeparation2(_ towers: ScratchBuffer<Tower>) -> Double {
        var smallest = Double.infinity
        for i in 0..<towers.count {
            for j in (i + 1)..<max(i + 1, towers.count) {
                let dy = towers[i].y - towers[j].y, dphi = towers[i].phi - towers[j].phi
                smallest = min(smallest, dy * dy + dphi * dphi)
            }
        }
        return smallest
    }

    /// Particles as massless towers, azimuths unwrapped around the first one's.
    static func masslessTowers(pt: [Double], rapidity: [Double], azimuth: [Double]) -> ScratchBuffer<Tower> {
        let n = min(pt.count, rapidity.count, azimuth.count)
        let towers = ScratchBuffer<Tower>(capacity: max(1, n))
        for i in 0..<n {
            let phi = unwrap(azimuth[i], near: azimuth[0])
            towers.append(Tower(momentum: FourVector(pt: pt[i], y: rapidity[i], phi: phi),
                                pt: pt[i], y: rapidity[i], phi: phi))
        }
        return towers
    }
}
