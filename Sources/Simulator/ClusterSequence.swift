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
    /// One flag per input, all false between calls of `constituents`.
    private let members = ScratchBuffer<Bool>()

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
        beginHistory(inputs)
        let n = inputs.count
        prepareSlots(count: n, algorithm: algorithm, radius: radius)
        for k in 0..<n {
            let t = inputs[k]
            setSlot(k, y: t.y, phi: t.phi, pt2: t.pt * t.pt, jet: Int32(k))
        }
        findAllNeighbours()
    }

    /// Empties the history and makes one pseudojet per input, with no slots yet: a caller
    /// that clusters part of the way itself records its merges with `recordMerge` and hands
    /// the rest over with `prepareSlots`, `setSlot` and `findAllNeighbours`.
    func beginHistory(_ inputs: ScratchBuffer<Tower>) {
        momenta.removeAll()
        children.removeAll()
        inclusiveJets.removeAll()
        for k in 0..<inputs.count {
            momenta.append(inputs[k].momentum)
            children.append((-1, -1))
        }
        let previous = members.count
        members.resize(inputs.count)
        for k in previous..<max(previous, inputs.count) { members[k] = false }
    }

    /// Appends the pseudojet made of pseudojets `a` and `b`; returns its index.
    @inline(__always) func recordMerge(_ a: Int32, _ b: Int32) -> Int32 {
        let index = Int32(momenta.count)
        momenta.append(momenta[Int(a)] + momenta[Int(b)])
        children.append((a, b))
        return index
    }

    /// Sets up `count` active slots, to be filled with `setSlot`.
    func prepareSlots(count n: Int, algorithm: Algorithm, radius: Double) {
        self.algorithm = algorithm
        radius2 = radius * radius
        slotY.resize(n)
        slotPhi.resize(n)
        slotFactor.resize(n)
        // Spare places after the slots: one that takes a store instead of a branch around it
        // (`findAllNeighbours`), three that round the search for the smallest distance up to
        // groups of four (`smallestDistanceSlot`).
        slotNeighbourDistance.resize(n + 1)
        slotDistance.resize(n + 3)
        slotNeighbour.resize(n + 1)
        slotJet.resize(n)
        activeCount = n
    }

    /// Active slot `k` holds pseudojet `jet` at (y, φ) with pT² `pt2`.
    @inline(__always) func setSlot(_ k: Int, y: Double, phi: Double, pt2: Double, jet: Int32) {
        slotY[k] = y
        slotPhi[k] = phi
        slotFactor[k] = momentumFactor(pt2)
        slotJet[k] = jet
    }

    /// Gives every active slot its nearest neighbour of any hardness, from one pass over the
    /// pairs. That also satisfies what the search needs (d_iJ is a true pair distance no
    /// larger than f_i ΔR² to any softer slot), and later repairs keep it so.
    func findAllNeighbours() {
        let n = activeCount
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
                bestIndex = d < best ? Int32(truncatingIfNeeded: j) : bestIndex
                best = min(d, best)
                // Stored either way, into slot j or the spare slot n, rather than stored only
                // when nearer: a branch on `d < nd[j]` is mispredicted about one time in five.
                let target = d < nd[j] ? j : n
                nd[target] = d
                nb[target] = Int32(truncatingIfNeeded: i)
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

    /// The input indices that make up pseudojet `jet`, appended to `out` in increasing order.
    func constituents(of jet: Int, into out: ScratchBuffer<Int32>) {
        let isMember = members.base
        stack.removeAll()
        stack.append(Int32(jet))
        while !stack.isEmpty {
            let j = Int(stack.removeLast())
            let (a, b) = children[j]
            if a < 0 {
                isMember[j] = true
            } else {
                stack.append(a)
                stack.append(b)
            }
        }
        out.reserve(members.count)
        for k in 0..<members.count {
            out.append(Int32(truncatingIfNeeded: k), if: isMember[k])
            isMember[k] = false
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
        let index = recordMerge(slotJet[a], slotJet[b])
        let merged = momenta[Int(index)]
        slotJet[a] = index
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
        var i0 = 0, i1 = 0, i2 = 0, i3 = 0
        // Whole groups of four: the (at most three) places after the last slot are never smallest.
        for pad in n..<(n + 3) { distance[pad] = .infinity }
        var k = 0
        while k < n {
            let d0 = distance[k], d1 = distance[k + 1], d2 = distance[k + 2], d3 = distance[k + 3]
            i0 = d0 < b0 ? k : i0
            b0 = d0 < b0 ? d0 : b0
            i1 = d1 < b1 ? k + 1 : i1
            b1 = d1 < b1 ? d1 : b1
            i2 = d2 < b2 ? k + 2 : i2
            b2 = d2 < b2 ? d2 : b2
            i3 = d3 < b3 ? k + 3 : i3
            b3 = d3 < b3 ? d3 : b3
            k += 4
        }
        // Each lane holds the first position of its smallest; the first of all is the
        // earliest of the lanes that hold the smallest of all.
        let best = min(min(b0, b1), min(b2, b3))
        var first = Int.max
        first = b0 == best ? min(first, i0) : first
        first = b1 == best ? min(first, i1) : first
        first = b2 == best ? min(first, i2) : first
        first = b3 == best ? min(first, i3) : first
        return first
    }

    /// Sets the nearest softer neighbour of slot `i` (the first of equals) and its d_iJ. Two
    /// independent running minima with their positions, by selects rather than branches.
    private func findNeighbour(_ i: Int) {
        let y = slotY.base, phi = slotPhi.base, factor = slotFactor.base
        let n = activeCount
        let yi = y[i], phii = phi[i], fi = factor[i]
        y[i] = .infinity  // keeps the slot from finding itself
        @inline(__always) func distance(_ j: Int) -> Double {
            let dy = y[j] - yi, dphi = phi[j] - phii
            return factor[j] >= fi ? dy * dy + dphi * dphi : .infinity
        }
        var b0 = radius2, b1 = radius2
        var i0 = -1, i1 = -1
        var j = 0
        while j + 2 <= n {
            let d0 = distance(j), d1 = distance(j + 1)
            i0 = d0 < b0 ? j : i0
            b0 = d0 < b0 ? d0 : b0
            i1 = d1 < b1 ? j + 1 : i1
            b1 = d1 < b1 ? d1 : b1
            j += 2
        }
        if j < n {
            let d = distance(j)
            i0 = d < b0 ? j : i0
            b0 = d < b0 ? d : b0
        }
        y[i] = yi
        if b1 < b0 || (b1 == b0 && i1 >= 0 && (i0 < 0 || i1 < i0)) {
            b0 = b1
            i0 = i1
        }
        slotNeighbourDistance[i] = b0
        slotNeighbour[i] = Int32(i0)
        slotDistance[i] = fi * b0
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
        let neighbours = slotNeighbour.base
        staleSlots.removeAll()

        // Who pointed at the removed (or merged) slot looks again; who pointed at the moved
        // last slot now points at its new place.
        guard merged >= 0 else {
            for k in 0..<n {
                let r = neighbours[k]
                if r == removed {
                    staleSlots.append(Int32(k))
                } else if r == moved {
                    neighbours[k] = removed
                }
            }
            for s in 0..<staleSlots.count { findNeighbour(Int(staleSlots[s])) }
            return
        }

        // In the same pass: the merged pseudojet's own nearest softer neighbour, and for
        // every pseudojet it is softer than, whether it is now the nearest.
        let y = slotY.base, phi = slotPhi.base, factor = slotFactor.base
        let nd = slotNeighbourDistance.base, distance = slotDistance.base
        let ym = y[merged], phim = phi[merged], fm = factor[merged]
        var best = radius2
        var index: Int32 = -1
        for k in 0..<n where k != merged {
            let dy = y[k] - ym, dphi = phi[k] - phim
            let d = dy * dy + dphi * dphi
            let fk = factor[k]
            // Only a neighbour at least as hard counts for the merged pseudojet.
            let candidate = choose(fk >= fm, d, .infinity)
            index = candidate < best ? Int32(truncatingIfNeeded: k) : index
            best = min(candidate, best)
            let r = neighbours[k]
            if r == removed || r == changed {
                staleSlots.append(Int32(k))
                continue
            }
            // Stores go to slot k or to the slot `last`, no longer active, rather than being
            // skipped: the branch would be mispredicted about one time in five.
            neighbours[r == moved ? k : last] = removed
            // The merged pseudojet is nearer to a softer one than its neighbour was.
            let target = choose(fk <= fm, d, .infinity) < nd[k] ? k : last
            nd[target] = d
            neighbours[target] = changed
            distance[target] = fk * d
        }
        nd[merged] = best
        neighbours[merged] = index
        distance[merged] = fm * best
        for s in 0..<staleSlots.count { findNeighbour(Int(staleSlots[s])) }
    }
}
