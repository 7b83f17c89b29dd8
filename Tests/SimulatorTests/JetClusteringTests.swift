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

    static func deltaR2(_ y1: Double, _ phi1: Double, _ y2: Double, _ phi2: Double) -> Double {
        var dphi = abs(phi1 - phi2).truncatingRemainder(dividingBy: 2 * .pi)
        if dphi > .pi { dphi = 2 * .pi - dphi }
        return (y1 - y2) * (y1 - y2) + dphi * dphi
    }

    /// Inclusive jets (beam at radius R), or with `exclusive` = N the N pseudojets left when
    /// clustering without a beam.
    static func reference(pt: [Double], y: [Double], phi: [Double], p: Double, radius: Double,
                          exclusive: Int? = nil) -> [[Int]] {
        var active = (0..<pt.count).map { i in
            Pseudojet(px: pt[i] * cos(phi[i]), py: pt[i] * sin(phi[i]), pz: pt[i] * sinh(y[i]),
                      e: pt[i] * cosh(y[i]), members: [i])
        }
        var jets: [[Int]] = []
        while !active.isEmpty {
            if let n = exclusive, active.count <= n { return active.map { $0.members.sorted() } }
            var best = Double.infinity
            var pair = (0, -1)
            for i in active.indices {
                let fi = pow(active[i].pt2, p)
                if exclusive == nil && fi * radius * radius < best {
                    best = fi * radius * radius
                    pair = (i, -1)
                }
                for j in active.indices where j > i {
                    let d = min(fi, pow(active[j].pt2, p))
                        * deltaR2(active[i].rapidity, active[i].phi, active[j].rapidity, active[j].phi)
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

    /// A jet event as the simulator's calorimeter sees it: hard particles around one or two
    /// cores of total pT about `scale`, hadron-like soft particles next to them and a soft
    /// uniform background, summed into towers of 0.1 × 2π/63 at the cell centres. Towers on a
    /// grid are never closer than a cell, which is what lets the leading anti-kt jet follow the
    /// hard towers alone (below 20 GeV a tower is soft there). The centres are moved by up to
    /// ±0.001 so that no two distances tie: on an exact grid a soft tower can be equally far
    /// from two harder ones, and which one kt gives it to depends on the order of the inputs.
    static func gridEvent(seed: UInt64, scale: Double) -> (pt: [Double], y: [Double], phi: [Double]) {
        var rng = SeededGenerator(seed: seed)
        let cellPhi = 2 * Double.pi / 63
        var towers: [Int: Double] = [:]
        func add(_ pt: Double, _ y: Double, _ phi: Double) {
            let key = Int((y / 0.1 + 1000).rounded(.down)) * 10_000 + Int((phi / cellPhi + 1000).rounded(.down))
            towers[key, default: 0] += pt
        }
        let y0 = 2 * rng.uniform() - 1, phi0 = 1 + 4 * rng.uniform()
        let prongs = rng.uniform() < 0.5 ? [(0.0, 0.0, 1.0)]
            : [(0.0, 0.0, 0.6), (0.7 * rng.uniform() - 0.35, 0.7 * rng.uniform() - 0.35, 0.4)]
        for (dy, dphi, share) in prongs {
            var left = share * scale
            while left > 0.5 {
                let pt = left * (0.2 + 0.5 * rng.uniform())
                left -= pt
                let spread = 0.3 * rng.uniform() * rng.uniform()
                add(pt, y0 + dy + spread * (2 * rng.uniform() - 1), phi0 + dphi + spread * (2 * rng.uniform() - 1))
                for _ in 0..<2 {
                    add(0.3 * rng.uniform(), y0 + dy + 0.6 * (2 * rng.uniform() - 1), phi0 + dphi + 0.6 * (2 * rng.uniform() - 1))
                }
            }
        }
        for _ in 0..<30 {
            add(-0.5 * log(1 - rng.uniform()), y0 + 2.6 * rng.uniform() - 1.3, phi0 + 2.6 * rng.uniform() - 1.3)
        }
        var pt: [Double] = [], y: [Double] = [], phi: [Double] = []
        for (key, value) in towers.sorted(by: { $0.key < $1.key }) {
            pt.append(value)
            y.append(0.1 * (Double(key / 10_000 - 1000) + 0.5) + 0.002 * (rng.uniform() - 0.5))
            phi.append(cellPhi * (Double(key % 10_000 - 1000) + 0.5) + 0.002 * (rng.uniform() - 0.5))
        }
        return (pt, y, phi)
    }

    /// The leading jet and its kept subjets from the textbook clustering.
    static func referenceTrimmedJet(_ e: (pt: [Double], y: [Double], phi: [Double])) throws -> (jet: [Int], subjets: [[Int]]) {
        let jets = Self.reference(pt: e.pt, y: e.y, phi: e.phi, p: -1, radius: 1.0)
        let leading = try #require(jets.max { Self.momentum($0, e).pt2 < Self.momentum($1, e).pt2 })
        let jetPt = Self.momentum(leading, e).pt2.squareRoot()
        let subPt = leading.map { e.pt[$0] }, subY = leading.map { e.y[$0] }, subPhi = leading.map { e.phi[$0] }
        let subjets = Self.reference(pt: subPt, y: subY, phi: subPhi, p: 1, radius: 0.3)
            .map { $0.map { leading[$0] }.sorted() }
            .filter { Self.momentum($0, e).pt2.squareRoot() > 0.05 * jetPt }
            .sorted { Self.momentum($0, e).pt2 > Self.momentum($1, e).pt2 }
        return (leading, subjets)
    }

    @Test func leadingTrimmedJetOfGridTowersMatchesTextbook() throws {
        // Jets of 300 GeV (the leading jet leaves while only hard towers are followed) and of
        // 30 GeV (soft towers merge among themselves first: the clustering has to go on with
        // every tower).
        for seed in 1...40 as ClosedRange<UInt64> {
            let e = Self.gridEvent(seed: seed, scale: seed % 3 == 0 ? 30 : 300)
            let expected = try Self.referenceTrimmedJet(e)
            let fast = try #require(JetClustering.leadingTrimmedJet(pt: e.pt, rapidity: e.y, azimuth: e.phi))
            #expect(fast.jet == expected.jet, "seed \(seed)")
            #expect(fast.subjets == expected.subjets, "seed \(seed)")
        }
    }

    @Test func softTowersThatMergeFirstOutgrowTheHardOne() throws {
        // A 22 GeV tower (hard, above 20 GeV) with a 10 GeV tower 0.9 away and an 18 GeV one
        // 0.2 beyond that: the two soft ones merge first (ΔR²/18² < 0.9²/22²), into a 28 GeV
        // jet 1.03 from the hard tower, which stays alone. Had the hard tower been allowed to
        // take the 10 GeV one first, the leading jet would be those two.
        let pt = [22.0, 10, 18], y = [0.05, 0.95, 1.15], phi = [1.0, 1.0, 1.0]
        let expected = try Self.referenceTrimmedJet((pt, y, phi))
        #expect(expected.jet == [1, 2])
        let fast = try #require(JetClustering.leadingTrimmedJet(pt: pt, rapidity: y, azimuth: phi))
        #expect(fast.jet == expected.jet)
        #expect(fast.subjets == expected.subjets)
    }

    @Test func leadingTrimmedJetOfGridTowersMatchesFullClustering() throws {
        // Many more events against the plain O(N²) clustering (itself checked above).
        for seed in 1000...4000 as ClosedRange<UInt64> {
            let e = Self.gridEvent(seed: seed, scale: 20 + Double(seed % 300))
            let jets = JetClustering.inclusiveJets(pt: e.pt, rapidity: e.y, azimuth: e.phi, algorithm: .antiKt, radius: 1.0)
            let leading = try #require(jets.max { Self.momentum($0, e).pt2 < Self.momentum($1, e).pt2 })
            let jetPt = Self.momentum(leading, e).pt2.squareRoot()
            let subjets = JetClustering.inclusiveJets(pt: leading.map { e.pt[$0] }, rapidity: leading.map { e.y[$0] },
                                                      azimuth: leading.map { e.phi[$0] }, algorithm: .kt, radius: 0.3)
                .map { $0.map { leading[$0] }.sorted() }
                .filter { Self.momentum($0, e).pt2.squareRoot() > 0.05 * jetPt }
                .sorted { Self.momentum($0, e).pt2 > Self.momentum($1, e).pt2 }
            let fast = try #require(JetClustering.leadingTrimmedJet(pt: e.pt, rapidity: e.y, azimuth: e.phi))
            #expect(fast.jet == leading, "seed \(seed)")
            #expect(fast.subjets == subjets, "seed \(seed)")
        }
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

    @Test func trimmingGivesUpOnlyOnJetsThatCannotPass() throws {
        // Whenever the full trimming gives a jet of at least the mass and pT asked for, the
        // trimming that may give up early gives the same jet; it gives up only on the others.
        let lightest = 40.0, softest = 220.0
        var passing = 0, givenUp = 0
        for seed in 5000...5600 as ClosedRange<UInt64> {
            let e = Self.gridEvent(seed: seed, scale: 200 + Double(seed % 150))
            guard let full = JetClustering.leadingTrimmedJet(pt: e.pt, rapidity: e.y, azimuth: e.phi) else { continue }
            let p = Self.momentum(full.subjets.flatMap { $0 }, e)
            let mass2 = p.e * p.e - p.pt2 - p.pz * p.pz
            let early = JetClustering.leadingTrimmedJet(pt: e.pt, rapidity: e.y, azimuth: e.phi,
                                                        giveUpBelowMass: lightest, giveUpBelowPt: softest)
            if mass2 >= lightest * lightest && p.pt2 >= softest * softest {
                passing += 1
                #expect(early?.jet == full.jet, "seed \(seed)")
                #expect(early?.subjets == full.subjets, "seed \(seed)")
            } else if early == nil {
                givenUp += 1
            }
        }
        // Both sides of the cuts occur in these events.
        #expect(passing > 50 && givenUp > 50, "passing \(passing), given up \(givenUp)")
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

    static func momentum(_ members: [Int], _ e: (pt: [Double], y: [Double], phi: [Double])) -> Pseudojet {
        var p = Pseudojet(px: 0, py: 0, pz: 0, e: 0, members: members)
        for i in members {
            p.px += e.pt[i] * cos(e.phi[i])
            p.py += e.pt[i] * sin(e.phi[i])
            p.pz += e.pt[i] * sinh(e.y[i])
            p.e += e.pt[i] * cosh(e.y[i])
        }
        return p
    }

    @Test func leadingTrimmedJetMatchesTextbookAntiKtAndKtTrimming() throws {
        for seed in 1...30 as ClosedRange<UInt64> {
            let e = Self.event(seed: seed, count: 25 + Int(seed))
            let expected = try Self.referenceTrimmedJet(e)
            let fast = try #require(JetClustering.leadingTrimmedJet(pt: e.pt, rapidity: e.y, azimuth: e.phi))
            #expect(fast.jet == expected.jet, "seed \(seed)")
            #expect(fast.subjets == expected.subjets, "seed \(seed)")
        }
    }

    @Test func nSubjettinessMatchesTextbookExclusiveKtAxes() {
        for seed in 1...30 as ClosedRange<UInt64> {
            let e = Self.event(seed: seed, count: 8 + Int(seed))
            let total = e.pt.reduce(0, +)
            var expected: [Double] = []
            for n in 1...3 {
                let axes = Self.reference(pt: e.pt, y: e.y, phi: e.phi, p: 1, radius: 1, exclusive: n)
                    .map { Self.momentum($0, e) }
                var sum = 0.0
                for i in e.pt.indices {
                    let d2 = axes.map { Self.deltaR2(e.y[i], e.phi[i], $0.rapidity, $0.phi) }.min() ?? 0
                    sum += e.pt[i] * d2.squareRoot()
                }
                expected.append(sum / total)
            }
            let (t1, t2, t3) = JetClustering.nSubjettiness(pt: e.pt, rapidity: e.y, azimuth: e.phi)
            #expect(abs(t1 - expected[0]) < 1e-9 && abs(t2 - expected[1]) < 1e-9 && abs(t3 - expected[2]) < 1e-9,
                    "seed \(seed): \(t1), \(t2), \(t3) vs \(expected)")
        }
    }
}
