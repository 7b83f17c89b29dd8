import Foundation
import JetData
import Simulator
import Testing

/// The simulator's fast anti-kt and kt against the textbook algorithm: recompute every
/// distance at every step, take the smallest, merge (E-scheme) or send to the beam.
struct JetClusteringTests {
    struct Pseudojet {
        var px, py, pz, e: Double
        var members: [Int]
        var pt2: Double { px * px + py * py }
        var rapidity: Double { 0.5 * log((e + pz) / (e - pz)) }
        var phi: Double { atan2(py, px) }
    }

    static func reference(pt: [Double], y: [Double], phi: [Double], p: Double, radius: Double) -> [[Int]] {
        var active = (0..<pt.count).map { i in
            Pseudojet(px: pt[i] * cos(phi[i]), py: pt[i] * sin(phi[i]), pz: pt[i] * sinh(y[i]),
                      e: pt[i] * cosh(y[i]), members: [i])
        }
        var jets: [[Int]] = []
        while !active.isEmpty {
            var best = Double.infinity
            var pair = (0, -1)
            for i in active.indices {
                let fi = pow(active[i].pt2, p)
                if fi * radius * radius < best {
                    best = fi * radius * radius
                    pair = (i, -1)
                }
                for j in active.indices where j > i {
                    var dphi = abs(active[i].phi - active[j].phi)
                    if dphi > .pi { dphi = 2 * .pi - dphi }
                    let dy = active[i].rapidity - active[j].rapidity
                    let d = min(fi, pow(active[j].pt2, p)) * (dy * dy + dphi * dphi)
                    if d < best {
                        best = d
                        pair = (i, j)
                    }
                }
            }
            let (i, j) = pair
            if j < 0 {
                jets.append(active[i].members.sorted())
                active.remove(at: i)
            } else {
                let a = active[i], b = active[j]
                active[i] = Pseudojet(px: a.px + b.px, py: a.py + b.py, pz: a.pz + b.pz, e: a.e + b.e,
                                      members: a.members + b.members)
                active.remove(at: j)
            }
        }
        return jets
    }

    /// A jet-like event: a few hard cores with soft particles around them and a soft spray.
    static func event(seed: UInt64, count: Int) -> (pt: [Double], y: [Double], phi: [Double]) {
        var rng = SeededGenerator(seed: seed)
        var pt: [Double] = [], y: [Double] = [], phi: [Double] = []
        let cores = [(0.0, 3.0, 200.0), (0.5, 2.6, 60.0), (-0.9, 3.6, 20.0)]
        for k in 0..<count {
            let (cy, cphi, scale) = cores[k % cores.count]
            let spread = 0.05 + 1.2 * rng.uniform()
            pt.append(scale * pow(rng.uniform(), 3) + 0.1)
            y.append(cy + spread * (2 * rng.uniform() - 1))
            phi.append(cphi + spread * (2 * rng.uniform() - 1))
        }
        return (pt, y, phi)
    }

    @Test(arguments: [JetClustering.Algorithm.antiKt, .kt])
    func matchesTextbookClustering(algorithm: JetClustering.Algorithm) {
        let p = algorithm == .antiKt ? -1.0 : 1.0
        for seed in 1...40 as ClosedRange<UInt64> {
            for radius in [0.3, 1.0] {
                let e = Self.event(seed: seed, count: 10 + Int(seed) * 2)
                let fast = JetClustering.inclusiveJets(pt: e.pt, rapidity: e.y, azimuth: e.phi,
                                                       algorithm: algorithm, radius: radius)
                let slow = Self.reference(pt: e.pt, y: e.y, phi: e.phi, p: p, radius: radius)
                #expect(fast == slow, "seed \(seed), R = \(radius)")
            }
        }
    }

    @Test func antiKtJetOfOneHardParticleIsTheConeAroundIt() {
        // One hard particle and soft ones: the soft ones within R join it, the others do not.
        let pt = [300.0, 1, 1, 1, 1]
        let y = [0.0, 0.5, -0.99, 1.01, 0]
        let phi = [1.0, 1.5, 1.0, 1.0, 2.2]
        let jets = JetClustering.inclusiveJets(pt: pt, rapidity: y, azimuth: phi, algorithm: .antiKt, radius: 1.0)
        #expect(jets.contains([0, 1, 2]))
        #expect(jets.count == 3)
    }
}
