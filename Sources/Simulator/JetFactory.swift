import Foundation
import JetData

/// One worker's event generator: hard object, shower, hadronisation, underlying event,
/// calorimeter, jet reconstruction, selection, and for accepted jets the variables and the
/// image. All storage is reused from attempt to attempt; nothing of one attempt leaks into
/// the next, so a jet depends only on the random numbers it draws.
final class JetFactory {
    /// How often a W's showers are redone when their two masses do not fit in the W mass.
    static let reshowerLimit = 10

    let physics: PhysicsParameters
    private let hard: HardProcess
    private let shower: PartonShower
    private let recoil = DecayRecoil()
    private let hadronisation: Hadronisation
    private let underlyingEvent: UnderlyingEvent
    private let calorimeter = Calorimeter()
    private let reconstruction = JetReconstruction()
    private let nSubjettiness = NSubjettiness()
    private let partons = ScratchBuffer<Parton>()
    private let particles = ScratchBuffer<Particle>()
    private let towers = ScratchBuffer<Tower>()
    private let jet = TrimmedJet()
    private var anchorY = 0.0
    private var anchorPhi = 0.0

    init(physics: PhysicsParameters) {
        self.physics = physics
        hard = HardProcess(physics: physics)
        shower = PartonShower(alphaSAtMZ: physics.alphaSAtMZ, cutoff: physics.showerCutoff)
        hadronisation = Hadronisation(minimumPt: physics.hadronMinimumPt, kTWidth: physics.hadronKTWidth,
                                      kTMaximum: physics.hadronKTMaximum)
        underlyingEvent = UnderlyingEvent(density: physics.underlyingEventDensity,
                                          meanPt: physics.underlyingEventMeanPt,
                                          radius: physics.underlyingEventRadius)
    }

    /// One event of the given class. When its trimmed jet passes the selection, writes the
    /// ten variables (JetVariable order) and adds the image into `image` (zero on entry),
    /// and returns true.
    func attempt(signal: Bool, rng: inout SeededGenerator,
                 variables: UnsafeMutableBufferPointer<Float>,
                 image: UnsafeMutableBufferPointer<Float>) -> Bool {
        guard makePartons(signal: signal, rng: &rng) else { return false }
        makeTowers(rng: &rng)
        // A subset of massless towers is never heavier than the whole and never has more
        // pT than their scalar sum: when all towers together fail these, so does the
        // leading jet; when the leading jet fails them, so does the trimmed jet; and the
        // trimming gives up once what it can still keep fails them (the margins only
        // absorb rounding).
        var total = FourVector.zero, totalScalarPt = 0.0
        for k in 0..<towers.count {
            total += towers[k].momentum
            totalScalarPt += towers[k].pt
        }
        let lightest = Selection.massRange.lowerBound * (1 - 1e-9), softest = Selection.ptRange.lowerBound * (1 - 1e-9)
        guard total.mass > lightest, totalScalarPt > softest,
              let (untrimmed, scalarPt) = reconstruction.findLeadingJet(of: towers, separation2: Calorimeter.separation2),
              untrimmed.mass > Selection.massRange.lowerBound, scalarPt > Selection.ptRange.lowerBound,
              reconstruction.trimLeadingJet(into: jet, giveUpBelowMass: lightest, giveUpBelowPt: softest) else { return false }
        let p = jet.momentum
        guard Selection.passes(p) else { return false }
        let pt = p.pt, mass = p.mass, eta = p.pseudorapidity

        var phi = p.azimuth
        if phi < 0 { phi += 2 * Double.pi }
        var deltaR = 0.0
        if jet.subjets.count > 1 {
            let a = jet.subjets[0], b = jet.subjets[1]
            deltaR = deltaR2(a.rapidity, a.azimuth, b.rapidity, b.azimuth).squareRoot()
        }
        let (tau1, tau2, tau3) = nSubjettiness.taus(jet.constituents)
        func set(_ v: JetVariable, _ x: Double) { variables[v.ordinal] = Float(x) }
        set(.pt, pt)
        set(.eta, eta)
        set(.phi, phi)
        set(.mass, mass)
        set(.deltaR, deltaR)
        set(.tau1, tau1)
        set(.tau2, tau2)
        set(.tau3, tau3)
        set(.tau21, tau1 > 0 ? tau2 / tau1 : 0)
        set(.tau32, tau2 > 0 ? tau3 / tau2 : 0)
        ImagePreprocessing.render(jet, into: image)
        return true
    }

    /// Fills `partons` with the showered hard object of one event and sets the anchor;
    /// false when the event is given up (a W whose showers never fit its mass).
    private func makePartons(signal: Bool, rng: inout SeededGenerator) -> Bool {
        partons.removeAll()
        if signal {
            let w = hard.makeW(rng: &rng)
            let opening = deltaR2(w.quark.y, w.quark.phi, w.antiquark.y, w.antiquark.phi).squareRoot()
            var fitted = false
            for _ in 0..<Self.reshowerLimit {
                partons.removeAll()
                shower.shower(w.quark, maxAngle: opening, into: partons, rng: &rng)
                let split = partons.count
                shower.shower(w.antiquark, maxAngle: opening, into: partons, rng: &rng)
                if recoil.restore(partons, start: 0, split: split, target: w.momentum) {
                    fitted = true
                    break
                }
            }
            guard fitted else { return false }
            anchorY = w.momentum.rapidity
            anchorPhi = unwrap(w.momentum.azimuth, near: w.quark.phi)
        } else {
            let parton = hard.makeParton(rng: &rng)
            shower.shower(parton, maxAngle: physics.partonMaxAngle, into: partons, rng: &rng)
            anchorY = parton.y
            anchorPhi = parton.phi
        }
        return true
    }

    /// Hadronises the partons, adds the underlying event and fills `towers`.
    private func makeTowers(rng: inout SeededGenerator) {
        particles.removeAll()
        for k in 0..<partons.count { hadronisation.hadronise(partons[k], into: particles, rng: &rng) }
        underlyingEvent.add(around: anchorY, anchorPhi, into: particles, rng: &rng)

        calorimeter.reset(y: anchorY, phi: anchorPhi)
        for k in 0..<particles.count { calorimeter.deposit(particles[k]) }
        towers.removeAll()
        calorimeter.readTowers(into: towers)
    }
}

