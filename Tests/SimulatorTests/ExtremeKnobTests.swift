import Foundation
import JetData
import Simulator
import Testing

/// Knobs at the edges of their allowed ranges still make jets: a hadron of almost no pT is
/// thrown far off by its kT (it used to trap converting its position to a tower index), and
/// a very steep QCD spectrum underflowed pT^(1−n) into an infinite pT that showered for ever.
@Suite struct ExtremeKnobTests {
    /// Runs `settings` on another thread and gives up after `seconds`: a hang fails the test
    /// instead of stopping the run.
    private func simulate(_ settings: SimulationSettings, within seconds: Double) -> Result<JetSet, any Error>? {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: Result<JetSet, any Error>?
        Thread.detachNewThread {
            result = Result { try simulateJets(settings) }
            done.signal()
        }
        return done.wait(timeout: .now() + seconds) == .success ? result : nil
    }

    @Test(arguments: [("hadronMinimumPt", 1e-20), ("partonPtPower", 1000.0), ("partonPtPower", 1e6)])
    func edgeOfTheRangeStillMakesJets(knob: String, value: Double) throws {
        var physics = PhysicsParameters()
        try physics.set(knob, to: value)
        let settings = SimulationSettings(count: 40, seed: 3, signalFraction: 0, threads: 1, physics: physics)
        let outcome = try #require(simulate(settings, within: 30), "\(knob)=\(value) did not finish in 30 s")
        let jets = try outcome.get()
        #expect(jets.count == 40)
        let pt = jets.values(.pt)
        #expect(pt.allSatisfy { $0 > 250 && $0 < 300 })
    }
}
