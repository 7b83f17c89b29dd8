import Foundation
import JetData
import Simulator
import Testing
import TestSupport

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
        #expect(Self.message(SimulationSettings(count: 10, seed: 1, physics: physics))
                == "simulate: partonPtMax must be > partonPtMin (here 264), got 200")
        physics = PhysicsParameters()
        physics.wMass = -80
        #expect(Self.message(SimulationSettings(count: 10, seed: 1, physics: physics)) == "simulate: wMass must be > 0, got -80")
    }

    /// Validation is the knobs' ranges: at each fixed limit a knob is accepted exactly when
    /// the limit is included, just past it never, and a knob's own range is named before a
    /// limit it sets for another (a NaN partnerMass is not reported as a bad resonanceMass).
    @Test func validationFollowsTheKnobRanges() {
        for knob in PhysicsParameters.knobs {
            for (limit, outward) in [(knob.range.lower, -1.0), (knob.range.upper, 1.0)] {
                guard let limit, case .fixed(let x) = limit.bound else { continue }
                var physics = PhysicsParameters()
                physics[keyPath: knob.keyPath] = x
                #expect((physics.knobOutOfRange() == nil) == limit.inclusive, "\(knob.name) = \(x)")
                physics[keyPath: knob.keyPath] = x + outward * max(abs(x), 1) * 1e-9
                #expect(physics.knobOutOfRange()?.name == knob.name, "\(knob.name) just past \(x)")
            }
            var physics = PhysicsParameters()
            physics[keyPath: knob.keyPath] = .nan
            #expect(physics.knobOutOfRange()?.name == knob.name, "\(knob.name) = nan")
        }
    }

    /// The knob table of docs/SIMULATOR.md lists each knob's range as validation has it.
    @Test func theDocsListTheKnobRanges() throws {
        let text = try String(contentsOf: Fixtures.packageRoot.appendingPathComponent("docs/SIMULATOR.md"), encoding: .utf8)
        let rows = text.split(separator: "\n").filter { $0.hasPrefix("| `") }.map { $0.components(separatedBy: " | ") }
        for knob in PhysicsParameters.knobs {
            let row = try #require(rows.first { $0[0] == "| `\(knob.name)`" }, "no row for \(knob.name)")
            #expect(row.count >= 4 && row[2] == knob.range.description { String(format: "%g", $0) }, "\(row)")
        }
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
