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

    /// Throws a one-line error naming the first knob out of its range (`knobs`).
    public func validate() throws(JetDataError) {
        guard let knob = knobOutOfRange() else { return }
        let format = { (x: Double) in String(format: "%g", x) }
        throw JetDataError.invalidArgument("simulate: \(knob.name) must be \(knob.range.description(given: self, format: format)), got \(format(self[keyPath: knob.keyPath]))")
    }

    /// The first knob whose value is outside its range, nil when all are inside. Every knob's
    /// fixed limits are checked before any limit set by other knobs, so a knob out of its own
    /// range is named rather than a knob whose limit it sets.
    public func knobOutOfRange() -> Knob? {
        let knobs = Self.knobs
        return knobs.first { !$0.range.contains(self[keyPath: $0.keyPath], given: self, fixedOnly: true) }
            ?? knobs.first { !$0.range.contains(self[keyPath: $0.keyPath], given: self) }
    }
}

extension PhysicsParameters {
    /// One knob: its name (the argument of `simulate`), a one-line description, the values it
    /// may take, and where it lives.
    public struct Knob {
        public let name: String
        public let help: String
        public let range: KnobRange
        public let keyPath: WritableKeyPath<PhysicsParameters, Double>
    }

    /// Every knob by name, for `simulate name=value`, help and validation.
    public static var knobs: [Knob] {
        let aboveZero = KnobRange.positive, zeroOrMore = KnobRange.nonNegative
        /// The shower needs αs ≤ 1.5 at its cut-off, so the cut-off stays above the scale where
        /// the running coupling reaches 1.5.
        let perturbative = KnobRange.Limit(bound: .derived("the kT where αs reaches 1.5", reading: ["alphaSAtMZ"]) {
            RunningCoupling(alphaSAtMZ: $0.alphaSAtMZ).scale(whereAlphaSIs: 1.5)
        }, inclusive: true)
        return [
            Knob(name: "wMass", help: "W pole mass, GeV", range: aboveZero, keyPath: \.wMass),
            Knob(name: "wWidth", help: "W Breit–Wigner width, GeV", range: zeroOrMore, keyPath: \.wWidth),
            Knob(name: "wMassRange", help: "Breit–Wigner cut at wMass ± this, GeV",
                 range: KnobRange(lower: .open(0), upper: .open(sumOf: ["wMass"])), keyPath: \.wMassRange),
            Knob(name: "resonanceMass", help: "mass of the resonance decaying to W Z, GeV (W pT Jacobian peak)",
                 range: KnobRange(lower: .open(sumOf: ["wMass", "wMassRange", "partnerMass"]), upper: nil), keyPath: \.resonanceMass),
            Knob(name: "partnerMass", help: "mass of the W's partner in that decay, GeV", range: zeroOrMore, keyPath: \.partnerMass),
            Knob(name: "resonanceRecoil", help: "Gaussian transverse recoil of the resonance per component, GeV",
                 range: zeroOrMore, keyPath: \.resonanceRecoil),
            Knob(name: "minimumSinTheta", help: "smallest sin θ* of the resonance decay made",
                 range: KnobRange(lower: .closed(0), upper: .open(1)), keyPath: \.minimumSinTheta),
            Knob(name: "longitudinalFraction", help: "fraction of longitudinally polarised W's",
                 range: .within(0...1), keyPath: \.longitudinalFraction),
            Knob(name: "quarkFraction", help: "fraction of QCD jets from quarks (rest gluons)", range: .within(0...1),
                 keyPath: \.quarkFraction),
            Knob(name: "partonPtMin", help: "lowest pT of the QCD parton, GeV", range: aboveZero, keyPath: \.partonPtMin),
            Knob(name: "partonPtMax", help: "highest pT of the QCD parton, GeV",
                 range: KnobRange(lower: .open(sumOf: ["partonPtMin"]), upper: nil), keyPath: \.partonPtMax),
            Knob(name: "partonPtPower", help: "QCD parton pT spectrum ∝ pT^−n", range: zeroOrMore, keyPath: \.partonPtPower),
            Knob(name: "partonMaxAngle", help: "largest first-emission angle of a QCD parton (ΔR)",
                 range: KnobRange(lower: .open(0), upper: .closed(2)), keyPath: \.partonMaxAngle),
            Knob(name: "rapidityWidth", help: "Gaussian width of the hard object's rapidity", range: aboveZero,
                 keyPath: \.rapidityWidth),
            Knob(name: "maximumRapidity", help: "cut on the hard object's |rapidity|",
                 range: KnobRange(lower: .open(0), upper: .closed(3)), keyPath: \.maximumRapidity),
            Knob(name: "alphaSAtMZ", help: "αs(mZ), one-loop running at the emission kT",
                 range: KnobRange(lower: .open(0), upper: .open(0.3)), keyPath: \.alphaSAtMZ),
            Knob(name: "showerCutoff", help: "shower cut-off in kT, GeV",
                 range: KnobRange(lower: perturbative, upper: .closed(10)), keyPath: \.showerCutoff),
            Knob(name: "hadronMinimumPt", help: "pT below which a parton fragment becomes one hadron, GeV",
                 range: aboveZero, keyPath: \.hadronMinimumPt),
            Knob(name: "hadronKTWidth", help: "Gaussian width of a hadron's kT to its parton, GeV", range: zeroOrMore,
                 keyPath: \.hadronKTWidth),
            Knob(name: "hadronKTMaximum", help: "largest hadron kT to its parton, GeV", range: zeroOrMore,
                 keyPath: \.hadronKTMaximum),
            Knob(name: "underlyingEventDensity", help: "underlying-event particles per unit (y, φ) area",
                 range: .within(0...100), keyPath: \.underlyingEventDensity),
            Knob(name: "underlyingEventMeanPt", help: "mean pT of an underlying-event particle, GeV", range: aboveZero,
                 keyPath: \.underlyingEventMeanPt),
            Knob(name: "underlyingEventRadius", help: "underlying event made within this ΔR of the hard object",
                 range: .within(0...Calorimeter.reach), keyPath: \.underlyingEventRadius),
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
