import JetData

/// Every tunable knob of the simulated physics, with the defaults tuned against the Pythia 8
/// reference jets (docs/SIMULATOR.md has the table). Energies and momenta in GeV.
public struct PhysicsParameters: Sendable, Equatable {
    // MARK: Signal: W from a heavy resonance, W → q q̄′

    /// W pole mass.
    public var wMass = 80.4
    /// W width of the Breit–Wigner line shape.
    public var wWidth = 2.1
    /// The Breit–Wigner is cut at wMass ± this, so no W is far off shell.
    public var wMassRange = 20.0
    /// Mass of the resonance the W comes from (a W′ → W Z at rest in the transverse plane);
    /// it fixes the Jacobian peak of the W pT.
    public var resonanceMass = 600.0
    /// Mass of the W's partner in the resonance decay (the Z).
    public var partnerMass = 91.19
    /// Transverse recoil of the resonance against initial-state radiation: a Gaussian kick
    /// of this width per transverse component, shared half by the W.
    public var resonanceRecoil = 40.0
    /// Only W's with sin θ* above this (θ* the decay angle of the resonance) are made: the
    /// others have a pT (below about 260 GeV) that seldom gives a jet in the 250–300 GeV
    /// window. Part of the model, tuned with the recoil to the reference W pT spectrum.
    public var minimumSinTheta = 0.9
    /// Fraction of longitudinally polarised W's (decay angle ∝ sin²θ); the rest are
    /// transverse, left-handed and right-handed alike ((1 ∓ cos θ)², V–A).
    public var longitudinalFraction = 1.0

    // MARK: Background: a quark or gluon from a hard 2 → 2 scattering

    /// Fraction of QCD jets started by a quark; the rest start from a gluon.
    public var quarkFraction = 0.4
    /// pT range of the hard parton (a little wider than the jet window, since a jet keeps
    /// most but not all of its parton's pT).
    public var partonPtMin = 264.0
    public var partonPtMax = 330.0
    /// The hard parton's pT spectrum falls as pT^−n.
    public var partonPtPower = 2.0
    /// Largest angle (ΔR in y–φ) of the first emission of a QCD parton: its colour partners
    /// sit far away, so the shower fills a wide cone.
    public var partonMaxAngle = 1.5

    // MARK: Both: direction of the hard object

    /// Rapidities are Gaussian with this width, cut at |y| < maximumRapidity.
    public var rapidityWidth = 2.0
    public var maximumRapidity = 2.1

    // MARK: Parton shower

    /// αs(mZ) of the one-loop running coupling (5 flavours) used at the emission's kT.
    public var alphaSAtMZ = 0.125
    /// The shower stops at this kT (the hadronisation scale).
    public var showerCutoff = 0.5

    // MARK: Hadronisation

    /// A final parton breaks into hadrons, each taking a uniform fraction of what is left,
    /// until less than this pT remains.
    public var hadronMinimumPt = 0.5
    /// Width of the Gaussian transverse momentum of a hadron relative to its parton.
    public var hadronKTWidth = 0.35
    /// Upper limit of that transverse momentum.
    public var hadronKTMaximum = 1.0

    // MARK: Underlying event

    /// Soft particles per unit area in (y, φ), uniform.
    public var underlyingEventDensity = 3.5
    /// Their pT is exponential with this mean.
    public var underlyingEventMeanPt = 0.5
    /// They are made inside this ΔR of the hard object only: farther ones would almost never
    /// end in the trimmed jet, and each one costs clustering time.
    public var underlyingEventRadius = 1.3

    public init() {}

    /// Throws a one-line error naming the first parameter out of range.
    public func validate() throws(JetDataError) {
        func check(_ ok: Bool, _ name: String, _ expected: String, _ value: Double) throws(JetDataError) {
            if !ok || !value.isFinite {
                throw JetDataError.invalidArgument("simulate: \(name) must be \(expected), got \(value)")
            }
        }
        try check(wMass > 0, "wMass", "positive", wMass)
        try check(wWidth >= 0, "wWidth", "zero or positive", wWidth)
        try check(wMassRange > 0 && wMassRange < wMass, "wMassRange", "positive and below wMass", wMassRange)
        try check(partnerMass >= 0, "partnerMass", "zero or positive", partnerMass)
        try check(resonanceMass > wMass + wMassRange + partnerMass, "resonanceMass",
                  "above wMass + wMassRange + partnerMass", resonanceMass)
        try check(resonanceRecoil >= 0, "resonanceRecoil", "zero or positive", resonanceRecoil)
        try check(minimumSinTheta >= 0 && minimumSinTheta < 1, "minimumSinTheta", "in [0, 1)", minimumSinTheta)
        try check((0...1).contains(longitudinalFraction), "longitudinalFraction", "in [0, 1]", longitudinalFraction)
        try check((0...1).contains(quarkFraction), "quarkFraction", "in [0, 1]", quarkFraction)
        try check(partonPtMin > 0, "partonPtMin", "positive", partonPtMin)
        try check(partonPtMax > partonPtMin, "partonPtMax", "above partonPtMin", partonPtMax)
        try check(partonPtPower >= 0, "partonPtPower", "zero or positive", partonPtPower)
        try check(partonMaxAngle > 0 && partonMaxAngle <= 2, "partonMaxAngle", "in (0, 2]", partonMaxAngle)
        try check(rapidityWidth > 0, "rapidityWidth", "positive", rapidityWidth)
        try check(maximumRapidity > 0 && maximumRapidity <= 3, "maximumRapidity", "in (0, 3]", maximumRapidity)
        try check(alphaSAtMZ > 0 && alphaSAtMZ < 0.3, "alphaSAtMZ", "in (0, 0.3)", alphaSAtMZ)
        try check(showerCutoff > 0 && showerCutoff <= 10, "showerCutoff", "in (0, 10] GeV", showerCutoff)
        let alphaSAtCutoff = RunningCoupling(alphaSAtMZ: alphaSAtMZ).alphaS(showerCutoff)
        try check(alphaSAtCutoff > 0 && alphaSAtCutoff <= 1.5, "showerCutoff",
                  "above the scale where αs (here αs(mZ) = \(alphaSAtMZ)) exceeds 1.5", showerCutoff)
        try check(hadronMinimumPt > 0, "hadronMinimumPt", "positive", hadronMinimumPt)
        try check(hadronKTWidth >= 0, "hadronKTWidth", "zero or positive", hadronKTWidth)
        try check(hadronKTMaximum >= 0, "hadronKTMaximum", "zero or positive", hadronKTMaximum)
        try check(underlyingEventDensity >= 0 && underlyingEventDensity <= 100, "underlyingEventDensity",
                  "in [0, 100] per unit area", underlyingEventDensity)
        try check(underlyingEventMeanPt > 0, "underlyingEventMeanPt", "positive", underlyingEventMeanPt)
        try check(underlyingEventRadius >= 0 && underlyingEventRadius <= Calorimeter.reach, "underlyingEventRadius",
                  "in [0, \(Calorimeter.reach)]", underlyingEventRadius)
    }
}

extension PhysicsParameters {
    /// Every knob by name, with a one-line description, for `simulate name=value` and help.
    public static var knobs: [(name: String, help: String, keyPath: WritableKeyPath<PhysicsParameters, Double>)] {
        [
            ("wMass", "W pole mass, GeV", \.wMass),
            ("wWidth", "W Breit–Wigner width, GeV", \.wWidth),
            ("wMassRange", "Breit–Wigner cut at wMass ± this, GeV", \.wMassRange),
            ("resonanceMass", "mass of the resonance decaying to W Z, GeV (W pT Jacobian peak)", \.resonanceMass),
            ("partnerMass", "mass of the W's partner in that decay, GeV", \.partnerMass),
            ("resonanceRecoil", "Gaussian transverse recoil of the resonance per component, GeV", \.resonanceRecoil),
            ("minimumSinTheta", "smallest sin θ* of the resonance decay made", \.minimumSinTheta),
            ("longitudinalFraction", "fraction of longitudinally polarised W's", \.longitudinalFraction),
            ("quarkFraction", "fraction of QCD jets from quarks (rest gluons)", \.quarkFraction),
            ("partonPtMin", "lowest pT of the QCD parton, GeV", \.partonPtMin),
            ("partonPtMax", "highest pT of the QCD parton, GeV", \.partonPtMax),
            ("partonPtPower", "QCD parton pT spectrum ∝ pT^−n", \.partonPtPower),
            ("partonMaxAngle", "largest first-emission angle of a QCD parton (ΔR)", \.partonMaxAngle),
            ("rapidityWidth", "Gaussian width of the hard object's rapidity", \.rapidityWidth),
            ("maximumRapidity", "cut on the hard object's |rapidity|", \.maximumRapidity),
            ("alphaSAtMZ", "αs(mZ), one-loop running at the emission kT", \.alphaSAtMZ),
            ("showerCutoff", "shower cut-off in kT, GeV", \.showerCutoff),
            ("hadronMinimumPt", "pT below which a parton fragment becomes one hadron, GeV", \.hadronMinimumPt),
            ("hadronKTWidth", "Gaussian width of a hadron's kT to its parton, GeV", \.hadronKTWidth),
            ("hadronKTMaximum", "largest hadron kT to its parton, GeV", \.hadronKTMaximum),
            ("underlyingEventDensity", "underlying-event particles per unit (y, φ) area", \.underlyingEventDensity),
            ("underlyingEventMeanPt", "mean pT of an underlying-event particle, GeV", \.underlyingEventMeanPt),
            ("underlyingEventRadius", "underlying event made within this ΔR of the hard object", \.underlyingEventRadius),
        ]
    }

    /// Sets the knob called `name` (see `knobs`); throws for an unknown name.
    public mutating func set(_ name: String, to value: Double) throws(JetDataError) {
        guard let knob = Self.knobs.first(where: { $0.name == name }) else {
            let names = Self.knobs.map(\.name).joined(separator: ", ")
            throw JetDataError.invalidArgument("simulate: no physics parameter '\(name)'; known: \(names)")
        }
        self[keyPath: knob.keyPath] = value
    }

    /// The value of the knob called `name`, nil for an unknown name.
    public func value(of name: String) -> Double? {
        Self.knobs.first { $0.name == name }.map { self[keyPath: $0.keyPath] }
    }
}
