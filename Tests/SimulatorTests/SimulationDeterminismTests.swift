import JetData
import Simulator
import Testing

/// The same seed gives the same jets, whatever the number of threads; another seed does not.
struct SimulationDeterminismTests {
    /// Enough jets for several blocks, so threads really share the work.
    static let count = 700

    static func jets(seed: UInt64, threads: Int) throws -> JetSet {
        try simulateJets(SimulationSettings(count: count, seed: seed, signalFraction: 0.5, threads: threads))
    }

    static func identical(_ a: JetSet, _ b: JetSet) -> Bool {
        a.contiguousImages() == b.contiguousImages() && a.labels == b.labels
            && JetVariable.allCases.allSatisfy { a.values($0) == b.values($0) }
    }

    @Test func sameSeedSameJetsOnOneOrTwoThreads() throws {
        let one = try Self.jets(seed: 7, threads: 1)
        let two = try Self.jets(seed: 7, threads: 2)
        let again = try Self.jets(seed: 7, threads: 2)
        #expect(Self.identical(one, two))
        #expect(Self.identical(two, again))
    }

    @Test func otherSeedOtherJets() throws {
        let a = try Self.jets(seed: 7, threads: 2)
        let b = try Self.jets(seed: 8, threads: 2)
        #expect(a.values(.mass) != b.values(.mass))
        #expect(a.labels != b.labels)
    }

    @Test func exactSignalCountInSeededOrder() throws {
        let jets = try simulateJets(SimulationSettings(count: 301, seed: 3, signalFraction: 0.25, threads: 2))
        #expect(jets.count == 301)
        #expect(jets.signalCount == 75)
        // Mixed, not sorted by class.
        let labels = jets.labels
        #expect(labels.prefix(75).contains(0) && labels.suffix(226).contains(1))
    }
}
