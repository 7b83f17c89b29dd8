import Foundation
import Testing
import Script
import TestSupport

/// `dataset`: a notebook's jets from a file or from the simulator, chosen by one string.
@Suite struct DatasetCommandTests {
    private func session() throws -> Session {
        let session = Session(output: CapturedOutput())
        try session.define("fixture", .string(Fixtures.pythia4k.path))
        return session
    }

    @Test func builtinIsTheSimulatorWithTheSeed() throws {
        let s = try session()
        let result = s.execute("""
            a = dataset "builtin" n=40 seed=3
            b = simulate n=40 seed=3
            same = (mass(a) == mass(b)).sum
            other = dataset "builtin" n=40 seed=4
            differ = (mass(a) != mass(other)).sum
            """)
        #expect(result.succeeded, "\(result.error?.description ?? "")")
        #expect(s.value("same").flatMap { if case .number(let x) = $0 { x } else { nil } } == 40)
        #expect((s.value("differ").flatMap { if case .number(let x) = $0 { x } else { nil } } ?? 0) > 30)
    }

    @Test func aFileGivesItsFirstNJetsOrAll() throws {
        let s = try session()
        let result = s.execute("""
            first = dataset fixture n=100
            same = (first.jet_mass == (load fixture rows=0:100).jet_mass).sum
            all = dataset fixture n=1000000
            count = all.count
            """)
        #expect(result.succeeded, "\(result.error?.description ?? "")")
        #expect(s.value("same").flatMap { if case .number(let x) = $0 { x } else { nil } } == 100)
        #expect(s.value("count").flatMap { if case .number(let x) = $0 { x } else { nil } } == 4000)
    }

    @Test func mistakesAreNamed() throws {
        let s = try session()
        #expect(s.execute("x = dataset \"builtin\"").error?.message == "dataset: the simulator needs n= (how many jets to make)")
        let missing = s.execute("x = dataset \"no/such/file.h5\" n=10")
        #expect(missing.exitCode == 74)
        #expect(s.value("x") == nil)
    }
}
