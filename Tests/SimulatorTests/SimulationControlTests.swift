import Foundation
import JetData
import Simulator
import Testing

/// Progress reports and stopping a simulation from the calling thread (the REPL's bar and
/// Ctrl-C).
struct SimulationControlTests {
    /// A value the closures (called on this thread) can update.
    final class Box<T>: @unchecked Sendable {
        var value: T
        init(_ value: T) { self.value = value }
    }

    @Test func progressCountsUpToTheTotal() throws {
        let reports = Box<[SimulationProgress]>([])
        let jets = try simulateJets(SimulationSettings(count: 1500, seed: 5, threads: 2),
                                    progress: { reports.value.append($0) })
        #expect(jets.count == 1500)
        let last = try #require(reports.value.last)
        #expect(last.accepted == 1500 && last.total == 1500)
        #expect(last.attempted > last.accepted, "QCD jets need several tries each")
        for (a, b) in zip(reports.value, reports.value.dropFirst()) {
            #expect(a.accepted <= b.accepted && a.attempted <= b.attempted)
        }
        #expect(reports.value.allSatisfy { $0.attempted >= $0.accepted })
    }

    @Test func stopThrowsInterruptedPromptly() {
        let calls = Box(0)
        let start = Date()
        #expect(throws: JetDataError.interrupted) {
            // Minutes of work if it ran to the end.
            _ = try simulateJets(SimulationSettings(count: 200_000, seed: 1, threads: 2),
                                 shouldStop: {
                                     calls.value += 1
                                     return calls.value >= 2
                                 })
        }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func zeroJetsIsAnEmptySet() throws {
        let jets = try simulateJets(SimulationSettings(count: 0, seed: 1))
        #expect(jets.isEmpty)
    }
}
