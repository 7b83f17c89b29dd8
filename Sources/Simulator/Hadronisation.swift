import Foundation
import JetData

/// A simple, tunable stand-in for string fragmentation: each final parton becomes a chain of
/// massless hadrons. Each hadron takes a uniform fraction of the pT still left, until less
/// than `minimumPt` is left (which goes to the last hadron). Each hadron gets a transverse
/// momentum relative to the parton, Gaussian of width `kTWidth` and at most `kTMaximum`,
/// i.e. an angular offset kT/pT; the offsets are then shifted together so the hadrons'
/// pT-weighted direction is the parton's (local transverse-momentum conservation).
struct Hadronisation {
    let minimumPt: Double
    let kTWidth: Double
    /// 1 − exp(−kTmax²/2σ²): the Rayleigh CDF at the upper limit, for inverse sampling.
    private let kTCutCDF: Double

    init(minimumPt: Double, kTWidth: Double, kTMaximum: Double) {
        self.minimumPt = minimumPt
        self.kTWidth = kTWidth
        kTCutCDF = kTWidth > 0 ? 1 - exp(-kTMaximum * kTMaximum / (2 * kTWidth * kTWidth)) : 0
    }

    func hadronise(_ parton: Parton, into particles: ScratchBuffer<Particle>, rng: inout SeededGenerator) {
        let first = particles.count
        var remaining = parton.pt
        while remaining > 0 {
            var pt = remaining
            if remaining >= minimumPt {
                pt = rng.uniformPositive() * remaining
                if remaining - pt < minimumPt { pt = remaining }
            }
            remaining -= pt
            particles.append(Particle(pt: pt, y: parton.y, phi: parton.phi))
        }
        let count = particles.count - first
        guard count > 1, kTWidth > 0 else { return }

        // Transverse momenta (truncated 2-d Gaussian), their sum shared out as a common shift.
        // Each hadron holds its angular offset in place of its position until the shift is
        // known (all of a chain's hadrons start at the parton's position).
        var sumX = 0.0, sumY = 0.0
        for i in first..<particles.count {
            let kT = kTWidth * (-2 * log(1 - rng.uniform() * kTCutCDF)).squareRoot()
            let direction = rng.unitCircle()
            let kx = kT * direction.cos, ky = kT * direction.sin
            sumX += kx
            sumY += ky
            let pt = particles[i].pt
            particles[i].y = kx / pt
            particles[i].phi = ky / pt
        }
        let shiftY = sumX / parton.pt, shiftPhi = sumY / parton.pt
        for i in first..<particles.count {
            particles[i].y = parton.y + (particles[i].y - shiftY)
            particles[i].phi = parton.phi + (particles[i].phi - shiftPhi)
        }
    }
}

/// Soft particles from the rest of the collision (multiple interactions, beam remnants):
/// a Poisson number with a uniform density in (y, φ) inside a disc around the hard object,
/// each with an exponential pT.
struct UnderlyingEvent {
    let density: Double
    let meanPt: Double
    let radius: Double

    func add(around y0: Double, _ phi0: Double, into particles: ScratchBuffer<Particle>, rng: inout SeededGenerator) {
        let count = rng.poisson(mean: density * Double.pi * radius * radius)
        for _ in 0..<count {
            let (x, y, _) = rng.pointInUnitDisc()
            particles.append(Particle(pt: rng.exponential(mean: meanPt), y: y0 + radius * x, phi: phi0 + radius * y))
        }
    }
}
