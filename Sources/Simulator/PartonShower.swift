import Foundation
import JetData

/// A parton: massless, by pT, rapidity and azimuth, and whether it is a gluon.
struct Parton: Sendable, Equatable {
    var pt: Double
    var y: Double
    var phi: Double
    var isGluon: Bool
}

/// A leading-log, angular-ordered final-state shower in the small-angle limit, written in the
/// boost-invariant (pT, y, φ) variables of a hadron collider.
///
/// A parton of transverse momentum p splits into z p and (1 − z) p at an opening angle θ
/// (ΔR between the daughters), with probability
///     dP = dθ²/θ² · dz · αs(kT)/(2π) · P(z),   kT = z(1 − z) p θ ≥ Q₀,
/// for q → qg, g → gg and g → qq̄ (P the leading-order splitting functions; g → gg carries
/// the ½ for identical gluons by folding z ↔ 1 − z). Angles decrease along every branch
/// (colour coherence): daughters radiate at angles below the angle they were made at, and a
/// parton starts below the angle to its colour partner. The next emission is found with the
/// Sudakov veto algorithm: trial emissions from an overestimate with αs(Q₀) and simple
/// z-poles, in the variable L = ln(p θ / Q₀), are accepted with the ratio of true to
/// overestimated density. The pT-weighted direction and the scalar pT are kept at each
/// splitting; masses come from the angles, as they do in a collinear shower.
struct PartonShower {
    static let cF = 4.0 / 3.0
    static let cA = 3.0
    static let nFlavours = 5.0
    static let tR = 0.5

    let coupling: RunningCoupling
    let cutoff: Double
    /// αs at the cut-off: the overestimate of αs(kT) for every kT ≥ Q₀.
    let alphaSMax: Double
    /// Overestimated density in L: q → qg is aQuark·L, g → gg is aGluon·L, g → qq̄ is bGluon.
    let aQuark: Double
    let aGluon: Double
    let bGluon: Double
    /// No splitting has z(1 − z) ≥ Q₀/(p θ) below L = ln 4.
    let lMin = log(4.0)

    private let stack = ScratchBuffer<(parton: Parton, maxAngle: Double)>()

    init(alphaSAtMZ: Double, cutoff: Double) {
        coupling = RunningCoupling(alphaSAtMZ: alphaSAtMZ)
        self.cutoff = cutoff
        alphaSMax = coupling.alphaS(cutoff)
        // dθ²/θ² = 2 dL; ∫ dz of the overestimates over z ∈ [0, 1 − e^−L] gives the L factors.
        aQuark = 2 * alphaSMax * Self.cF / Double.pi
        aGluon = 2 * alphaSMax * Self.cA / Double.pi
        bGluon = alphaSMax * Self.nFlavours * Self.tR / Double.pi
    }

    /// Showers `parton`, whose first emission lies below `maxAngle`, and appends the final
    /// partons to `output`.
    func shower(_ parton: Parton, maxAngle: Double, into output: ScratchBuffer<Parton>,
                         rng: inout SeededGenerator) {
        stack.removeAll()
        stack.append((parton, maxAngle))
        while !stack.isEmpty {
            let (p, angle) = stack.removeLast()
            if let (a, b, theta) = nextSplitting(p, maxAngle: angle, rng: &rng) {
                stack.append((a, theta))
                stack.append((b, theta))
            } else {
                output.append(p)
            }
        }
    }

    /// The first splitting of `p` below `maxAngle`, or nil when it reaches the cut-off.
    /// Returns the daughter with fraction z, the one with 1 − z, and the opening angle.
    private func nextSplitting(_ p: Parton, maxAngle: Double,
                               rng: inout SeededGenerator) -> (Parton, Parton, Double)? {
        var l = log(p.pt * maxAngle / cutoff)
        while l > lMin {
            // Trial L from the overestimate: ∫_L^{L_now} (a L' + b) dL' = −ln U.
            let x = -log(1 - rng.uniform())
            let a = p.isGluon ? aGluon : aQuark
            let b = p.isGluon ? bGluon : 0
            let c = 0.5 * a * l * l + b * l - x
            guard c > 0.5 * a * lMin * lMin + b * lMin else { return nil }
            l = (-b + (b * b + 2 * a * c).squareRoot()) / a
            let expL = exp(l)
            let zMinKT = 1 / expL  // z(1 − z) must reach Q₀/(p θ) = e^−L

            // Channel and z from the overestimate, then the veto.
            var z: Double
            var ratio: Double
            var toQuarks = false
            if p.isGluon && rng.uniform() * (a * l + b) >= a * l {
                toQuarks = true
                z = rng.uniform()
                ratio = z * z + (1 - z) * (1 - z)
            } else {
                z = 1 - exp(-l * rng.uniform())  // ∝ 1/(1 − z) on [0, 1 − e^−L]
                let w = 1 - z
                ratio = p.isGluon ? z + 0.5 * z * w * w : 0.5 * (1 + z * z)
            }
            let zz = z * (1 - z)
            guard zz >= zMinKT else { continue }
            let theta = cutoff * expL / p.pt
            let kT = zz * p.pt * theta
            ratio *= coupling.alphaS(kT) / alphaSMax
            guard rng.uniform() < ratio else { continue }

            // Accepted: daughters around the pT-weighted axis, at a random azimuth ψ.
            let psi = rng.unitCircle()
            let dy = theta * psi.cos, dphi = theta * psi.sin
            let first = Parton(pt: z * p.pt, y: p.y + (1 - z) * dy, phi: p.phi + (1 - z) * dphi,
                               isGluon: p.isGluon && !toQuarks)
            let second = Parton(pt: (1 - z) * p.pt, y: p.y - z * dy, phi: p.phi - z * dphi,
                                isGluon: !toQuarks)
            return (first, second, theta)
        }
        return nil
    }
}
