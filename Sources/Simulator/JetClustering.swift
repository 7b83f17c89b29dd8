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
        let n = min(pt.count, rapidity.count, azimuth.count)
        guard n > 0 else { return [] }
        let towers = ScratchBuffer<Tower>(capacity: n)
        for i in 0..<n {
            let phi = unwrap(azimuth[i], near: azimuth[0])
            towers.append(Tower(momentum: FourVector(pt: pt[i], y: rapidity[i], phi: phi),
                                pt: pt[i], y: rapidity[i], phi: phi))
        }
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
}
