import Foundation

/// After the two quarks of a W have showered, each shower has gained a mass from its
/// emissions; as in the kinematic reconstruction of angular-ordered showers, the two systems
/// are moved apart or together along their axis in the W rest frame until the whole is the
/// W's four-momentum again, so the jet mass peaks at the W mass instead of above it.
struct DecayRecoil {
    private let vectors = ScratchBuffer<FourVector>()

    /// `partons[start..<split]` came from the quark, `partons[split...]` from the antiquark.
    /// Rewrites them so that their sum is `target`; false when the two masses cannot fit
    /// inside the W mass (the caller showers again).
    func restore(_ partons: ScratchBuffer<Parton>, start: Int, split: Int, target: FourVector) -> Bool {
        vectors.removeAll()
        var first = FourVector.zero, second = FourVector.zero
        for i in start..<partons.count {
            let v = FourVector(pt: partons[i].pt, y: partons[i].y, phi: partons[i].phi)
            vectors.append(v)
            if i < split { first += v } else { second += v }
        }
        let mW = target.mass
        let m1 = first.mass, m2 = second.mass
        guard m1 + m2 < mW else { return false }

        // The rest frame of the showered pair, where the systems fly apart with momentum p.
        let total = first + second
        let toRest = (-total.px / total.e, -total.py / total.e, -total.pz / total.e)
        let firstAtRest = first.boosted(bx: toRest.0, by: toRest.1, bz: toRest.2)
        let p = firstAtRest.p2.squareRoot()
        guard p > 0 else { return false }
        let axis = (firstAtRest.px / p, firstAtRest.py / p, firstAtRest.pz / p)
        let lambda = (mW * mW - (m1 + m2) * (m1 + m2)) * (mW * mW - (m1 - m2) * (m1 - m2))
        let pNew = max(0, lambda).squareRoot() / (2 * mW)
        let toLab = (target.px / target.e, target.py / target.e, target.pz / target.e)
        let phiReference = partons[start].phi

        for (k, i) in (start..<partons.count).enumerated() {
            let isFirst = i < split
            let m = isFirst ? m1 : m2
            let sign = isFirst ? 1.0 : -1.0
            var v = vectors[k].boosted(bx: toRest.0, by: toRest.1, bz: toRest.2)
            if m > 1e-9 * p {
                // A boost along the system's direction taking its momentum from p to pNew.
                let beta = tanh(asinh(pNew / m) - asinh(p / m)) * sign
                v = v.boosted(bx: beta * axis.0, by: beta * axis.1, bz: beta * axis.2)
            } else {
                // A single massless parton: rescale.
                let s = pNew / p
                v = FourVector(px: v.px * s, py: v.py * s, pz: v.pz * s, e: v.e * s)
            }
            v = v.boosted(bx: toLab.0, by: toLab.1, bz: toLab.2)
            partons[i].pt = v.pt
            partons[i].y = v.rapidity
            partons[i].phi = unwrap(v.azimuth, near: phiReference)
        }
        return true
    }
}
