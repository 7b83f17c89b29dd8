import JetData
import Simulator
import Testing

/// Bad settings are refused with a one-line error naming the argument; physics knobs can be
/// set by name.
struct SimulationSettingsTests {
    static func message(_ settings: SimulationSettings) -> String? {
        do {
            _ = try simulateJets(settings)
            return nil
        } catch {
            return "\(error)"
        }
    }

    @Test func outOfRangeArgumentsAreNamed() {
        #expect(Self.message(SimulationSettings(count: -1, seed: 1))?.contains("n must be") == true)
        #expect(Self.message(SimulationSettings(count: 10, seed: 1, signalFraction: 1.5))?.contains("signal_fraction") == true)
        #expect(Self.message(SimulationSettings(count: 10, seed: 1, threads: 0))?.contains("threads") == true)
        var physics = PhysicsParameters()
        physics.showerCutoff = 0.1
        #expect(Self.message(SimulationSettings(count: 10, seed: 1, physics: physics))?.contains("showerCutoff") == true)
        physics = PhysicsParameters()
        physics.partonPtMax = 200
        #expect(Self.message(SimulationSettings(count: 10, seed: 1, physics: physics))?.contains("partonPtMax") == true)
    }

    @Test func knobsBySetAndRead() throws {
        var physics = PhysicsParameters()
        #expect(PhysicsParameters.knobs.count >= 20)
        for knob in PhysicsParameters.knobs {
            #expect(physics.value(of: knob.name) == physics[keyPath: knob.keyPath])
        }
        try physics.set("alphaSAtMZ", to: 0.118)
        #expect(physics.alphaSAtMZ == 0.118)
        #expect(physics.value(of: "noSuchKnob") == nil)
        #expect(throws: JetDataError.self) { try physics.set("noSuchKnob", to: 1) }
    }

    @Test func physicsChangesTheJets() throws {
        var harder = PhysicsParameters()
        harder.alphaSAtMZ = 0.14
        let base = try simulateJets(SimulationSettings(count: 400, seed: 11))
        let tuned = try simulateJets(SimulationSettings(count: 400, seed: 11, physics: harder))
        #expect(base.values(.tau21) != tuned.values(.tau21))
        #expect(tuned.origin.contains("tuned"))
    }

    @Test func unreachableSelectionIsReportedNotLoopedOn() {
        // A W of 30 GeV never makes a jet of 60–100 GeV.
        var physics = PhysicsParameters()
        physics.wMass = 30
        physics.wMassRange = 5
        let message = Self.message(SimulationSettings(count: 1, seed: 1, signalFraction: 1, physics: physics))
        #expect(message?.contains("events tried for one W jet") == true, "\(message ?? "no error")")
    }
}
