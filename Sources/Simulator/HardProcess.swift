import Foundation
import JetData

/// The hard objects that start a jet: a W boson decaying to q q̄′, or a QCD quark or gluon.
struct HardProcess: Sendable {
    let physics: PhysicsParameters
    /// Breit–Wigner arctangent limits for the W mass window.
    private let bwLow: Double
    private let bwHigh: Double
    private let maxCosTheta: Double

    init(physics: PhysicsParameters) {
        self.physics = physics
        let halfWidth = max(physics.wWidth, 1e-9) / 2
        bwLow = atan(-physics.wMassRange / halfWidth)
        bwHigh = atan(physics.wMassRange / halfWidth)
        maxCosTheta = (1 - physics.minimumSinTheta * physics.minimumSinTheta).squareRoot()
    }

    /// A W: its four-momentum and its two quarks in the lab.
    struct WDecay {
        var momentum: FourVector
        var quark: Parton
        var antiquark: Parton
    }

    /// A W from a resonance decay at rest (plus recoil), with a Breit–Wigner mass, decayed
    /// to two massless quarks with the V–A angular distribution of its helicity.
    func makeW(rng: inout SeededGenerator) -> WDecay {
        let p = physics
        let mass = p.wMass + 0.5 * p.wWidth * tan(bwLow + (bwHigh - bwLow) * rng.uniform())

        // pT: two-body decay of the resonance (Jacobian peak) plus half its recoil.
        let m2 = p.resonanceMass * p.resonanceMass
        let lambda = (m2 - (mass + p.partnerMass) * (mass + p.partnerMass))
            * (m2 - (mass - p.partnerMass) * (mass - p.partnerMass))
        let pStar = max(0, lambda).squareRoot() / (2 * p.resonanceMass)
        let cosTheta = maxCosTheta * (2 * rng.uniform() - 1)
        let sinTheta = (1 - cosTheta * cosTheta).squareRoot()
        let kx = 0.5 * p.resonanceRecoil * rng.gaussian()
        let ky = 0.5 * p.resonanceRecoil * rng.gaussian()
        let px = pStar * sinTheta + kx
        let pt = (px * px + ky * ky).squareRoot()
        let phi = 2 * Double.pi * rng.uniform() + atan2(ky, px)
        let y = rng.truncatedGaussian(sigma: p.rapidityWidth, limit: p.maximumRapidity)
        let mT = (mass * mass + pt * pt).squareRoot()
        let w = FourVector(px: pt * cos(phi), py: pt * sin(phi), pz: mT * sinh(y), e: mT * cosh(y))

        // Decay angle of the quark to the W direction, by helicity: longitudinal sin²θ,
        // transverse (1 ∓ cos θ)² (V–A), the two transverse states equally often.
        let c: Double
        if rng.uniform() < p.longitudinalFraction {
            var x: Double
            repeat { x = 2 * rng.uniform() - 1 } while rng.uniform() > 1 - x * x
            c = x
        } else {
            let cube = cbrt(rng.uniform())
            c = rng.uniform() < 0.5 ? 1 - 2 * cube : 2 * cube - 1
        }
        let s = (1 - c * c).squareRoot()
        let psi = 2 * Double.pi * rng.uniform()

        // Rest-frame axes: n along the W momentum, e1 and e2 across it.
        let pMag = w.p2.squareRoot()
        let n = (w.px / pMag, w.py / pMag, w.pz / pMag)
        var e1 = (n.1, -n.0, 0.0)  // n × z, or x when the W flies along z
        let e1Norm = (e1.0 * e1.0 + e1.1 * e1.1).squareRoot()
        e1 = e1Norm > 1e-9 ? (e1.0 / e1Norm, e1.1 / e1Norm, 0) : (1, 0, 0)
        let e2 = (n.1 * e1.2 - n.2 * e1.1, n.2 * e1.0 - n.0 * e1.2, n.0 * e1.1 - n.1 * e1.0)
        let half = 0.5 * mass
        let dx = s * cos(psi), dy = s * sin(psi)
        let dir = (dx * e1.0 + dy * e2.0 + c * n.0, dx * e1.1 + dy * e2.1 + c * n.1, dx * e1.2 + dy * e2.2 + c * n.2)
        let q = FourVector(px: half * dir.0, py: half * dir.1, pz: half * dir.2, e: half)
        let qbar = FourVector(px: -q.px, py: -q.py, pz: -q.pz, e: half)
        let beta = (w.px / w.e, w.py / w.e, w.pz / w.e)
        return WDecay(momentum: w,
                      quark: Self.parton(q.boosted(bx: beta.0, by: beta.1, bz: beta.2), near: phi),
                      antiquark: Self.parton(qbar.boosted(bx: beta.0, by: beta.1, bz: beta.2), near: phi))
    }

    /// A QCD parton: quark or gluon, pT from a falling power law, direction as for the W.
    func makeParton(rng: inout SeededGenerator) -> Parton {
        let p = physics
        let u = rng.uniform()
        var pt: Double
        if abs(p.partonPtPower - 1) < 1e-9 {
            pt = p.partonPtMin * pow(p.partonPtMax / p.partonPtMin, u)
        } else {
            let k = 1 - p.partonPtPower
            let lo = pow(p.partonPtMin, k), hi = pow(p.partonPtMax, k)
            pt = pow(lo + u * (hi - lo), 1 / k)
            // Steep spectra underflow pT^k (an infinite pT would shower for ever): the same
            // inversion relative to the lower end, which only the ratio of the ends enters.
            if !(pt >= p.partonPtMin && pt <= p.partonPtMax) {
                let ratio = pow(p.partonPtMax / p.partonPtMin, k)
                pt = min(max(p.partonPtMin * pow(1 + u * (ratio - 1), 1 / k), p.partonPtMin), p.partonPtMax)
            }
        }
        let y = rng.truncatedGaussian(sigma: p.rapidityWidth, limit: p.maximumRapidity)
        let phi = 2 * Double.pi * rng.uniform()
        let isGluon = rng.uniform() >= p.quarkFraction
        return Parton(pt: pt, y: y, phi: phi, isGluon: isGluon)
    }

    /// A massless four-vector as a quark, its azimuth unwrapped to lie within π of `near`.
    static func parton(_ v: FourVector, near: Double) -> Parton {
        Parton(pt: v.pt, y: v.rapidity, phi: unwrap(v.azimuth, near: near), isGluon: false)
    }
}

/// `phi` shifted by a multiple of 2π to lie within π of `reference`.
@inline(__always) func unwrap(_ phi: Double, near reference: Double) -> Double {
    var d = phi - reference
    // The remainder below 4π is d ∓ 2π, exactly (Sterbenz): the costly call only beyond.
    if abs(d) >= 2 * Double.pi {
        d = abs(d) < 4 * Double.pi ? d - (d > 0 ? 2 * Double.pi : -2 * Double.pi)
            : d.truncatingRemainder(dividingBy: 2 * Double.pi)
    }
    if d > Double.pi { d -= 2 * Double.pi } else if d < -Double.pi { d += 2 * Double.pi }
    return reference + d
}
