import Foundation

/// Sequential-recombination jet clustering of the generalised-kt family, as FastJet does it:
/// d_ij = min(k_i^2p, k_j^2p) ΔR_ij² / R², d_iB = k_i^2p, with k the transverse momentum,
/// ΔR in rapidity and azimuth, and E-scheme recombination (four-vectors add).
///
/// The smallest distance is found with a nearest-neighbour table in the spirit of FastJet's:
/// write f = k^2p and let each pseudojet i keep a neighbour n with d_iJ = min(f_i, f_n) ΔR_in²
/// (or f_i R² for the beam) such that d_iJ ≤ f_i ΔR_ij² for every j with f_j ≥ f_i; its
/// geometrically nearest neighbour, or its nearest among the softer ones, both qualify. The
/// pair (i, j) with the smallest d_ij, f_i ≤ f_j, then has d_iJ ≤ d_ij, so the smallest d_iJ
/// is the smallest distance of all. Repairs use the nearest softer neighbour, which pays off
/// in anti-kt: when the hardest pseudojet moves after a merge, no softer one has to look at
/// it again. A clustering of N is O(N²) with a small constant. Equal distances (common on a
/// tower grid) go to the first slot in the table; FastJet may break such ties otherwise.
///
/// Azimuths must be unwrapped (as all of one event's are) and span less than 2π − R, so a
/// plain difference is the true Δφ for every pair that can merge.
final class ClusterSequence {
    enum Algorithm {
        /// p = −1: hard particles collect their soft neighbours, cone-like jets.
        case antiKt
        /// p = +1: soft, close pairs merge first.
        case kt
    }

    /// Every pseudojet: the inputs first, then one per merge.
    let momenta = ScratchBuffer<FourVector>()
    private let children = ScratchBuffer<(Int32, Int32)>()
    /// Pseudojets that reached the beam (the inclusive jets), in the order they did.
    let inclusiveJets = ScratchBuffer<Int32>()
    private let stack = ScratchBuffer<Int32>()

    // The active pseudojets, one slot each: position, f, ΔR² to and slot of the nearest
    // softer neighbour (−1: none within R), d_iJ, pseudojet.
    private let slotY = ScratchBuffer<Double>()
    private let slotPhi = ScratchBuffer<Double>()
    private let slotFactor = ScratchBuffer<Double>()
    private let slotNeighbourDistance = ScratchBuffer<Double>()
    private let slotDistance = ScratchBuffer<Double>()
    private let slotNeighbour = ScratchBuffer<Int32>()
    private let slotJet = ScratchBuffer<Int32>()
    private let staleSlots = ScratchBuffer<Int32>()
    private var radius2 = 1.0
    private var algorithm = Algorithm.antiKt
    private(set) var activeCount = 0

    /// Starts a clustering of `inputs` (towers), with radius `radius` (∞: no beam, for
    /// exclusive jets).
    func start(_ inputs: ScratchBuffer<Tower>, algorithm: Algorithm, radius: Double) {
        self.algorithm = algorithm
        radius2 = radius * radius
        let n = inputs.count
        momenta.removeAll()
        children.removeAll()
        inclusiveJets.removeAll()
        for buffer in [slotY, slotPhi, slotFactor, slotNeighbourDistance, slotDistance] { buffer.resize(n) }
        slotNeighbour.resize(n)
        slotJet.resize(n)
        for k in 0..<n {
            let t = inputs[k]
            momenta.append(t.momentum)
            children.append((-1, -1))
            slotY[k] = t.y
            slotPhi[k] = t.phi
            slotFactor[k] = momentumFactor(t.pt * t.pt)
            slotJet[k] = Int32(k)
        }
        activeCount = n
        // To start, each slot takes its nearest neighbour of any hardness, from one pass over
        // the pairs. That also satisfies what the search needs (d_iJ is a true pair distance
        // no larger than f_i ΔR² to any softer slot), and later repairs keep it so.
        let y = slotY.base, phi = slotPhi.base, nd = slotNeighbourDistance.base, nb = slotNeighbour.base
        for k in 0..<n {
            nd[k] = radius2
            nb[k] = -1
        }
        for i in 0..<n {
            let yi = y[i], phii = phi[i]
            var best = nd[i]
            var bestIndex = nb[i]
            for j in (i + 1)..<max(i + 1, n) {
                let dy = y[j] - yi, dphi = phi[j] - phii
                let d = dy * dy + dphi * dphi
                if d < best {
                    best = d
                    bestIndex = Int32(j)
                }
                if d < nd[j] {
                    nd[j] = d
                    nb[j] = Int32(i)
                }
            }
            nd[i] = best
            nb[i] = bestIndex
        }
        for i in 0..<n {
            let j = Int(nb[i])
            slotDistance[i] = (j >= 0 ? min(slotFactor[i], slotFactor[j]) : slotFactor[i]) * nd[i]
        }
    }

    /// Clusters until nothing is left; `inclusiveJets` then holds every jet.
    func runToEnd() {
        while activeCount > 0 { step() }
    }

    /// The scalar sum of the pT of the pseudojets still active: no jet made later can have
    /// more.
    func activeScalarPt() -> Double {
        var sum = 0.0
        for k in 0..<activeCount { sum += momenta[Int(slotJet[k])].pt }
        return sum
    }

    /// The momenta of the pseudojets still active (the exclusive jets at this stage).
    func activeMomenta(into out: ScratchBuffer<FourVector>) {
        out.removeAll()
        for k in 0..<activeCount { out.append(momenta[Int(slotJet[k])]) }
    }

    /// The input indices that make up pseudojet `jet`, appended to `out`.
    func constituents(of jet: Int, into out: ScratchBuffer<Int32>) {
        stack.removeAll()
        stack.append(Int32(jet))
        while !stack.isEmpty {
            let j = Int(stack.removeLast())
            let (a, b) = children[j]
            if a < 0 {
                out.append(Int32(j))
            } else {
                stack.append(a)
                stack.append(b)
            }
        }
    }

    /// One step: the smallest distance either merges two pseudojets or sends one to the beam.
    func step() {
        guard activeCount > 0 else { return }
        let best = smallestDistanceSlot()
        let partner = Int(slotNeighbour[best])
        if partner < 0 {
            inclusiveJets.append(slotJet[best])
            remove(slot: best, merged: -1)
            return
        }
        let a = min(best, partner), b = max(best, partner)
        let merged = momenta[Int(slotJet[a])] + momenta[Int(slotJet[b])]
        let index = momenta.count
        momenta.append(merged)
        children.append((slotJet[a], slotJet[b]))
        slotJet[a] = Int32(index)
        slotY[a] = merged.rapidity
        slotPhi[a] = unwrap(merged.azimuth, near: slotPhi[a])
        slotFactor[a] = momentumFactor(merged.pt2)
        remove(slot: b, merged: a)
    }

    // MARK: Private

    @inline(__always) private func momentumFactor(_ pt2: Double) -> Double {
        switch algorithm {
        case .antiKt: pt2 > 0 ? 1 / pt2 : .greatestFiniteMagnitude
        case .kt: pt2
        }
    }

    // The scans below find a minimum with four independent running minima (so the loop is
    // not one long dependency chain) and then look for its first position.

    /// The active slot with the smallest d_iJ (the first of equals).
    private func smallestDistanceSlot() -> Int {
        let distance = slotDistance.base
        let n = activeCount
        var b0 = Double.infinity, b1 = Double.infinity, b2 = Double.infinity, b3 = Double.infinity
        var k = 0
        while k + 4 <= n {
            let d0 = distance[k], d1 = distance[k + 1], d2 = distance[k + 2], d3 = distance[k + 3]
            b0 = d0 < b0 ? d0 : b0
            b1 = d1 < b1 ? d1 : b1
            b2 = d2 < b2 ? d2 : b2
            b3 = d3 < b3 ? d3 : b3
            k += 4
        }
        while k < n {
            b0 = distance[k] < b0 ? distance[k] : b0
            k += 1
        }
        let best = min(min(b0, b1), min(b2, b3))
        for k in 0..<n where distance[k] == best { return k }
        return 0
    }

    /// ΔR² from (yi, phii) to slot j if slot j is at least as soft as f, else ∞.
    @inline(__always) private static func softerDistance(_ y: UnsafeMutablePointer<Double>, _ phi: UnsafeMutablePointer<Double>,
                                                         _ factor: UnsafeMutablePointer<Double>, _ j: Int,
                                                         _ yi: Double, _ phii: Double, _ f: Double) -> Double {
        let dy = y[j] - yi, dphi = phi[j] - phii
        return factor[j] >= f ? dy * dy + dphi * dphi : .infinity
    }

    /// Sets the nearest softer neighbour of slot `i` and its d_iJ.
    private func findNeighbour(_ i: Int) {
        let y = slotY.base, phi = slotPhi.base, factor = slotFactor.base
        let n = activeCount
        let yi = y[i], phii = phi[i], fi = factor[i]
        y[i] = .infinity  // keeps the slot from finding itself
        var b0 = radius2, b1 = radius2, b2 = radius2, b3 = radius2
        var j = 0
        while j + 4 <= n {
            let d0 = Self.softerDistance(y, phi, factor, j, yi, phii, fi)
            let d1 = Self.softerDistance(y, phi, factor, j + 1, yi, phii, fi)
            let d2 = Self.softerDistance(y, phi, factor, j + 2, yi, phii, fi)
            let d3 = Self.softerDistance(y, phi, factor, j + 3, yi, phii, fi)
            b0 = d0 < b0 ? d0 : b0
            b1 = d1 < b1 ? d1 : b1
            b2 = d2 < b2 ? d2 : b2
            b3 = d3 < b3 ? d3 : b3
            j += 4
        }
        while j < n {
            let d = Self.softerDistance(y, phi, factor, j, yi, phii, fi)
            b0 = d < b0 ? d : b0
            j += 1
        }
        let best = min(min(b0, b1), min(b2, b3))
        var index: Int32 = -1
        if best < radius2 {
            for j in 0..<n where Self.softerDistance(y, phi, factor, j, yi, phii, fi) == best {
                index = Int32(j)
                break
            }
        }
        y[i] = yi
        slotNeighbourDistance[i] = best
        slotNeighbour[i] = index
        slotDistance[i] = fi * best
    }

    /// Removes `slot` (moving the last slot into it) after a merge into slot `merged` (or a
    /// beam step, merged = −1), then repairs every neighbour relation that involved them.
    private func remove(slot: Int, merged: Int) {
        let last = activeCount - 1
        if slot != last {
            slotY[slot] = slotY[last]
            slotPhi[slot] = slotPhi[last]
            slotFactor[slot] = slotFactor[last]
            slotNeighbourDistance[slot] = slotNeighbourDistance[last]
            slotDistance[slot] = slotDistance[last]
            slotNeighbour[slot] = slotNeighbour[last]
            slotJet[slot] = slotJet[last]
        }
        activeCount = last
        let n = activeCount
        let removed = Int32(slot), moved = Int32(last), changed = Int32(merged)

        // Who pointed at the removed or merged slot looks again; who pointed at the moved
        // last slot now points at its new place.
        staleSlots.removeAll()
        let neighbours = slotNeighbour.base
        for k in 0..<n {
            let r = neighbours[k]
            if r == removed || (r == changed && merged >= 0) {
                staleSlots.append(Int32(k))
            } else if r == moved {
                neighbours[k] = removed
            }
        }
        for s in 0..<staleSlots.count { findNeighbour(Int(staleSlots[s])) }
        guard merged >= 0 else { return }

        // The merged pseudojet: its own neighbour, and for every pseudojet it is softer
        // than, whether it is now the nearest.
        findNeighbour(merged)
        let y = slotY.base, phi = slotPhi.base, factor = slotFactor.base
        let nd = slotNeighbourDistance.base
        let yc = y[merged], phic = phi[merged], fc = factor[merged]
        for k in 0..<n where factor[k] <= fc && k != merged {
            let dy = y[k] - yc, dphi = phi[k] - phic
            let d = dy * dy + dphi * dphi
            if d < nd[k] {
                nd[k] = d
                neighbours[k] = changed
                slotDistance[k] = factor[k] * d
            }
        }
    }
}
