import Foundation

/// A four-momentum in GeV, for boosts and E-scheme recombination.
struct FourVector: Sendable, Equatable {
    var px: Double, py: Double, pz: Double, e: Double

    static let zero = FourVector(px: 0, py: 0, pz: 0, e: 0)

    init(px: Double, py: Double, pz: Double, e: Double) {
        self.px = px
        self.py = py
        self.pz = pz
        self.e = e
    }

    /// A massless particle with transverse momentum `pt`, rapidity `y` and azimuth `phi`.
    init(pt: Double, y: Double, phi: Double) {
        let ey = exp(y)
        let cosh = 0.5 * (ey + 1 / ey), sinh = 0.5 * (ey - 1 / ey)
        self.init(px: pt * cos(phi), py: pt * sin(phi), pz: pt * sinh, e: pt * cosh)
    }

    @inlinable static func + (a: FourVector, b: FourVector) -> FourVector {
        FourVector(px: a.px + b.px, py: a.py + b.py, pz: a.pz + b.pz, e: a.e + b.e)
    }

    @inlinable static func += (a: inout FourVector, b: FourVector) {
        a.px += b.px
        a.py += b.py
        a.pz += b.pz
        a.e += b.e
    }

    @inlinable static func -= (a: inout FourVector, b: FourVector) {
        a.px -= b.px
        a.py -= b.py
        a.pz -= b.pz
        a.e -= b.e
    }

    var pt2: Double { px * px + py * py }
    var pt: Double { pt2.squareRoot() }
    var p2: Double { px * px + py * py + pz * pz }
    var mass2: Double { e * e - p2 }
    /// The mass, 0 when rounding makes m² slightly negative.
    var mass: Double { max(0, mass2).squareRoot() }

    /// Rapidity ½ ln((E + pz)/(E − pz)), as FastJet uses for distances.
    var rapidity: Double {
        let plus = e + pz, minus = e - pz
        guard plus > 0, minus > 0 else { return pz >= 0 ? 1e5 : -1e5 }
        return 0.5 * log(plus / minus)
    }

    /// Pseudorapidity asinh(pz/pT), as FastJet's `eta()`.
    var pseudorapidity: Double {
        let t = pt
        guard t > 0 else { return pz >= 0 ? 1e5 : -1e5 }
        return asinh(pz / t)
    }

    /// Azimuth in (−π, π].
    var azimuth: Double { atan2(py, px) }

    /// This vector seen from a frame moving with velocity −β (i.e. boosted by +β).
    func boosted(bx: Double, by: Double, bz: Double) -> FourVector {
        let b2 = bx * bx + by * by + bz * bz
        guard b2 > 0 else { return self }
        let gamma = 1 / (1 - b2).squareRoot()
        let bp = bx * px + by * py + bz * pz
        let factor = (gamma - 1) * bp / b2 + gamma * e
        return FourVector(px: px + factor * bx, py: py + factor * by, pz: pz + factor * bz,
                          e: gamma * (e + bp))
    }
}

/// A massless particle (hadron, parton or tower) by transverse momentum, rapidity and azimuth.
/// Azimuths inside one event are kept unwrapped around the hard object's azimuth, so plain
/// differences are the true ones for every pair that can end in the same jet.
struct Particle: Sendable, Equatable {
    var pt: Double
    var y: Double
    var phi: Double
}

/// Squared distance in the (y, φ) plane, φ differences wrapped into [−π, π].
@inline(__always) func deltaR2(_ y1: Double, _ phi1: Double, _ y2: Double, _ phi2: Double) -> Double {
    let dy = y1 - y2
    var dphi = abs(phi1 - phi2)
    if dphi > Double.pi {
        // Below 2π the remainder is dphi itself: fmod only for the rare larger difference.
        if dphi >= 2 * Double.pi { dphi = dphi.truncatingRemainder(dividingBy: 2 * Double.pi) }
        if dphi > Double.pi { dphi = 2 * Double.pi - dphi }
    }
    return dy * dy + dphi * dphi
}
