import Foundation

/// The leading anti-kt jet of towers, clustered step for step as `ClusterSequence` does,
/// but much cheaper when a few hard towers stand among many soft ones.
///
/// Anti-kt distances are d_ij = ΔR_ij² / max(pT_i, pT_j)² and d_iB = R² / pT_i². Split the
/// towers at a pT threshold. Two soft towers (below it, not merged yet) are at least the
/// towers' smallest separation δ apart, so their distance is at least δ² / pT²_max, with
/// pT_max the hardest soft tower's pT, and a soft tower's beam distance is larger still
/// (δ ≤ R). As long as the smallest distance involving a hard pseudojet is below that bound,
/// it is the smallest distance of all: the next step is a hard pseudojet taking a soft tower,
/// taking a hard pseudojet, or going to the beam. So only the hard pseudojets need nearest
/// neighbours (soft towers never look for theirs), and a step costs about one pass over the
/// soft towers instead of several passes over everything. The leading jet of a jet event
/// leaves long before the bound is reached (its beam distance 1/pT² is far below it when
/// the threshold is below δ times its pT); should the bound be reached first, the clustering
/// goes on in `ClusterSequence` from where it stands.
final class LeadingAntiKtJet {
    /// The merge history (and, after a hand-over, the rest of the clustering).
    let sequence = ClusterSequence()

    // Soft towers: position, pT, pseudojet (= tower index).
    private let softY = ScratchBuffer<Double>()
    private let softPhi = ScratchBuffer<Double>()
    private let softPt = ScratchBuffer<Double>()
    private let softJet = ScratchBuffer<Int32>()
    private var softCount = 0

    // Hard pseudojets: position, pT², f = 1/pT², ΔR² to and reference of the nearest
    // neighbour among the soft towers and the hard pseudojets at least as soft (−1: none
    // within R, the beam), d_iJ, pseudojet.
    private let hardY = ScratchBuffer<Double>()
    private let hardPhi = ScratchBuffer<Double>()
    private let hardPt2 = ScratchBuffer<Double>()
    private let hardFactor = ScratchBuffer<Double>()
    private let hardNeighbourDistance = ScratchBuffer<Double>()
    private let hardDistance = ScratchBuffer<Double>()
    private let hardNeighbour = ScratchBuffer<Int32>()
    private let hardJet = ScratchBuffer<Int32>()
    private var hardCount = 0
    private let stale = ScratchBuffer<Int32>()
    private var radius2 = 1.0

    /// A neighbour reference: soft tower s is s, hard slot h is −2 − h, the beam −1.
    @inline(__always) private static func hardReference(_ h: Int) -> Int32 { Int32(-2 - h) }
    private static let beam: Int32 = -1
    private static let nothing = Int32.min

    /// Clusters `towers` with anti-kt of radius `radius` until the leading jet is known (it
    /// has more pT than all that is left together) and returns it as a pseudojet of
    /// `sequence`; nil without towers. Towers below `hardThreshold` GeV are soft;
    /// `separation2` must not exceed the ΔR² of any two towers.
    func leadingJet(of towers: ScratchBuffer<Tower>, radius: Double, separation2: Double,
                    hardThreshold: Double) -> Int32? {
        guard !towers.isEmpty else { return nil }
        sequence.beginHistory(towers)
        radius2 = radius * radius
        // One more for the end mark that evens out the search's pairs (see `markSoftEnd`).
        softY.resize(towers.count + 1)
        softPhi.resize(towers.count + 1)
        softPt.resize(towers.count)
        softJet.resize(towers.count)
        softCount = 0
        hardCount = 0
        hardY.removeAll()
        hardPhi.removeAll()
        hardPt2.removeAll()
        hardFactor.removeAll()
        hardNeighbourDistance.removeAll()
        hardDistance.removeAll()
        hardNeighbour.removeAll()
        hardJet.removeAll()
        var maxSoftPt = 0.0
        for k in 0..<towers.count {
            let t = towers[k]
            if t.pt < hardThreshold {
                softY[softCount] = t.y
                softPhi[softCount] = t.phi
                softPt[softCount] = t.pt
                softJet[softCount] = Int32(k)
                softCount += 1
                maxSoftPt = max(maxSoftPt, t.pt)
            } else {
                let pt2 = t.pt * t.pt
                hardY.append(t.y)
                hardPhi.append(t.phi)
                hardPt2.append(pt2)
                hardFactor.append(pt2 > 0 ? 1 / pt2 : .greatestFiniteMagnitude)
                hardNeighbourDistance.append(0)
                hardDistance.append(0)
                hardNeighbour.append(Self.beam)
                hardJet.append(Int32(k))
                hardCount += 1
            }
        }
        markSoftEnd()
        // The smallest soft–soft or soft–beam distance there can be (with a margin for rounding).
        let bound = maxSoftPt > 0 ? 0.999_999 * min(separation2, radius2) / (maxSoftPt * maxSoftPt) : .infinity
        for h in 0..<hardCount { findNeighbour(h) }

        var leading: Int32 = -1
        var leadingPt2 = -1.0
        while hardCount > 0 {
            var best = 0
            var smallest = hardDistance[0]
            for k in 1..<hardCount where hardDistance[k] < smallest {
                smallest = hardDistance[k]
                best = k
            }
            guard smallest < bound else { break }
            let partner = hardNeighbour[best]
            if partner >= 0 {
                mergeSoft(best, Int(partner))
            } else if partner != Self.beam {
                mergeHard(best, Int(-2 - partner))
            } else {
                let jet = hardJet[best]
                sequence.inclusiveJets.append(jet)
                removeHard(best)
                let pt2 = sequence.momenta[Int(jet)].pt2
                if pt2 > leadingPt2 {
                    leadingPt2 = pt2
                    leading = jet
                }
                let rest = activeScalarPt()
                if rest * rest < leadingPt2 { return leading }
            }
        }

        // The bound is reached (or only soft towers are left): the rest as usual.
        handOver()
        while sequence.activeCount > 0 {
            let jets = sequence.inclusiveJets.count
            sequence.step()
            guard sequence.inclusiveJets.count > jets else { continue }
            let jet = sequence.inclusiveJets[jets]
            let pt2 = sequence.momenta[Int(jet)].pt2
            if pt2 > leadingPt2 {
                leadingPt2 = pt2
                leading = jet
            }
            let rest = sequence.activeScalarPt()
            if rest * rest < leadingPt2 { break }
        }
        return leading
    }

    // MARK: Private

    private func activeScalarPt() -> Double {
        var sum = 0.0
        for k in 0..<hardCount { sum += sequence.momenta[Int(hardJet[k])].pt }
        for s in 0..<softCount { sum += sequence.momenta[Int(softJet[s])].pt }
        return sum
    }

    /// Puts a tower no hard pseudojet can be near (infinitely far in y) after the soft ones,
    /// so that the search goes over them in pairs without a check for an odd one out.
    private func markSoftEnd() {
        softY[softCount] = .infinity
        softPhi[softCount] = 0
    }

    /// Sets the nearest neighbour of hard slot `h` (soft towers, harder hard pseudojets are
    /// not candidates) and its d_iJ.
    private func findNeighbour(_ h: Int) {
        let yi = hardY[h], phii = hardPhi[h], fi = hardFactor[h]
        var best = radius2
        var index = Self.beam
        // Two independent running minima with their positions, by selects rather than
        // branches (which the processor mispredicts); the first position of equals.
        let y = softY.base, phi = softPhi.base
        let n = softCount
        var b0 = best, b1 = best
        // Positions; none found is Int.max, so that the first of equals is the smaller.
        var i0 = Int.max, i1 = Int.max
        var s = 0
        // In pairs, the last one with the end mark when the count is odd.
        while s < n {
            let dy0 = y[s] - yi, dphi0 = phi[s] - phii
            let dy1 = y[s + 1] - yi, dphi1 = phi[s + 1] - phii
            let d0 = dy0 * dy0 + dphi0 * dphi0, d1 = dy1 * dy1 + dphi1 * dphi1
            i0 = d0 < b0 ? s : i0
            b0 = d0 < b0 ? d0 : b0
            i1 = d1 < b1 ? s + 1 : i1
            b1 = d1 < b1 ? d1 : b1
            s += 2
        }
        // Chosen without a branch (as good as random here): the nearer, of equals the first.
        let second = (b1 < b0 ? 1 as UInt8 : 0) | ((b1 == b0 ? 1 : 0) & (i1 < i0 ? 1 : 0)) != 0
        b0 = choose(second, b1, b0)
        i0 = second ? i1 : i0
        if i0 != Int.max {
            best = b0
            index = Int32(i0)
        }
        for k in 0..<hardCount where k != h && hardFactor[k] >= fi {
            let dy = hardY[k] - yi, dphi = hardPhi[k] - phii
            let d = dy * dy + dphi * dphi
            if d < best {
                best = d
                index = Self.hardReference(k)
            }
        }
        hardNeighbourDistance[h] = best
        hardNeighbour[h] = index
        hardDistance[h] = fi * best
    }

    /// Hard slot `h` now holds pseudojet `jet`.
    private func setHard(_ h: Int, jet: Int32) {
        let p = sequence.momenta[Int(jet)]
        let pt2 = p.pt2
        hardJet[h] = jet
        hardY[h] = p.rapidity
        hardPhi[h] = unwrap(p.azimuth, near: hardPhi[h])
        hardPt2[h] = pt2
        hardFactor[h] = pt2 > 0 ? 1 / pt2 : .greatestFiniteMagnitude
    }

    private func copyHard(from a: Int, to b: Int) {
        hardY[b] = hardY[a]
        hardPhi[b] = hardPhi[a]
        hardPt2[b] = hardPt2[a]
        hardFactor[b] = hardFactor[a]
        hardNeighbourDistance[b] = hardNeighbourDistance[a]
        hardDistance[b] = hardDistance[a]
        hardNeighbour[b] = hardNeighbour[a]
        hardJet[b] = hardJet[a]
    }

    /// After a slot was removed (and the last of its kind moved into it): collects into
    /// `stale` the hard slots other than `skip` that pointed at the removed or at the changed
    /// pseudojet, and points those that pointed at the moved one at its new place.
    private func repair(removed: Int32, movedFrom: Int32, changed: Int32, skip: Int) {
        stale.removeAll()
        let nb = hardNeighbour.base
        for k in 0..<hardCount where k != skip {
            let r = nb[k]
            if r == removed || r == changed {
                stale.append(Int32(k))
            } else if r == movedFrom {
                nb[k] = removed
            }
        }
    }

    /// Slot `m` changed (moved and got harder): it finds its neighbour, the stale slots
    /// theirs, and every hard pseudojet at least as hard checks whether `m` is now nearer.
    private func updateAfterMerge(_ m: Int) {
        findNeighbour(m)
        for k in 0..<stale.count { findNeighbour(Int(stale[k])) }
        let ym = hardY[m], phim = hardPhi[m], fm = hardFactor[m]
        for k in 0..<hardCount where k != m && hardFactor[k] <= fm {
            let dy = hardY[k] - ym, dphi = hardPhi[k] - phim
            let d = dy * dy + dphi * dphi
            if d < hardNeighbourDistance[k] {
                hardNeighbourDistance[k] = d
                hardNeighbour[k] = Self.hardReference(m)
                hardDistance[k] = hardFactor[k] * d
            }
        }
    }

    private func mergeSoft(_ h: Int, _ s: Int) {
        setHard(h, jet: sequence.recordMerge(hardJet[h], softJet[s]))
        let last = softCount - 1
        if s != last {
            softY[s] = softY[last]
            softPhi[s] = softPhi[last]
            softPt[s] = softPt[last]
            softJet[s] = softJet[last]
        }
        softCount = last
        markSoftEnd()
        repair(removed: Int32(s), movedFrom: s != last ? Int32(last) : Self.nothing,
               changed: Self.hardReference(h), skip: h)
        updateAfterMerge(h)
    }

    private func mergeHard(_ h: Int, _ g: Int) {
        setHard(h, jet: sequence.recordMerge(hardJet[h], hardJet[g]))
        let last = hardCount - 1
        var merged = h
        if g != last {
            copyHard(from: last, to: g)
            if h == last { merged = g }
        }
        hardCount = last
        repair(removed: Self.hardReference(g), movedFrom: g != last ? Self.hardReference(last) : Self.nothing,
               changed: Self.hardReference(h), skip: merged)
        updateAfterMerge(merged)
    }

    private func removeHard(_ g: Int) {
        let last = hardCount - 1
        if g != last { copyHard(from: last, to: g) }
        hardCount = last
        repair(removed: Self.hardReference(g), movedFrom: g != last ? Self.hardReference(last) : Self.nothing,
               changed: Self.nothing, skip: -1)
        for k in 0..<stale.count { findNeighbour(Int(stale[k])) }
    }

    /// Hands the active pseudojets over to `sequence`, hard ones first.
    private func handOver() {
        sequence.prepareSlots(count: hardCount + softCount, algorithm: .antiKt, radius: radius2.squareRoot())
        for k in 0..<hardCount {
            sequence.setSlot(k, y: hardY[k], phi: hardPhi[k], pt2: hardPt2[k], jet: hardJet[k])
        }
        for s in 0..<softCount {
            sequence.setSlot(hardCount + s, y: softY[s], phi: softPhi[s], pt2: softPt[s] * softPt[s], jet: softJet[s])
        }
        sequence.findAllNeighbours()
    }
}
