import Foundation
import Testing
import Script
import TestSupport

/// Stored jet variables carry their unit into axis labels and descriptions, and arithmetic
/// keeps it only where it is sure.
@Suite struct ColumnUnitTests {
    private func session(_ output: CapturedOutput) throws -> Session {
        let session = Session(output: output)
        try session.define("fixture", .string(Fixtures.pythia4k.path))
        #expect(session.execute("j = load fixture rows=0:200").succeeded)
        return session
    }

    @Test func storedVariablesAreLabelledWithTheirUnit() throws {
        let output = CapturedOutput()
        let session = try session(output)
        #expect(session.execute("hist j.jet_mass bins=10").succeeded)
        #expect(output.figures.last?.contains(">jet_mass [GeV]<") == true)
        #expect(session.execute("hist2d j.jet_pt j.tau_21 bins=10").succeeded)
        let map = try #require(output.figures.last)
        #expect(map.contains(">jet_pt [GeV]<") && map.contains(">tau_21<") && !map.contains("tau_21 ["))
        _ = output.take()
        #expect(session.execute("print j.jet_mass").succeeded)
        #expect(output.take().hasPrefix("column jet_mass [GeV]: 200 values"))
    }

    @Test func arithmeticKeepsTheUnitOnlyWhereItIsSure() throws {
        let output = CapturedOutput()
        let session = try session(output)
        let cases: [(String, String)] = [
            ("(-j.jet_mass)", "-jet_mass [GeV]"),
            ("j.jet_mass - j.jet_pt", "jet_mass - jet_pt [GeV]"),
            ("j.jet_mass * 2", "jet_mass * 2 [GeV]"),
            ("j.jet_mass / j.jet_pt", "jet_mass / jet_pt"),
            ("j.jet_mass ^ 2", "jet_mass ^ 2"),
            ("1 / j.jet_pt", "1 / jet_pt"),
            ("j.jet_mass[0:10]", "jet_mass [GeV]"),
        ]
        for (expression, label) in cases {
            _ = output.take()
            #expect(session.execute("print " + expression).succeeded)
            #expect(output.take().hasPrefix("column \(label): "), "\(expression)")
        }
    }

    @Test func overlaidColumnsOfDifferentUnitsClaimNone() throws {
        let output = CapturedOutput()
        let session = try session(output)
        #expect(session.execute("hist j.jet_mass j.tau_21 bins=10").succeeded)
        let figure = try #require(output.figures.last)
        #expect(figure.contains(">jet_mass<") && !figure.contains("jet_mass [GeV]"))
        #expect(session.execute("hist j.jet_mass j.jet_pt bins=10").succeeded)
        #expect(output.figures.last?.contains(">jet_mass [GeV]<") == true, "one unit for both: it is said")
    }

    @Test func trainingHistoriesCarryTheLossUnit() throws {
        let output = CapturedOutput()
        let session = try session(output)
        #expect(session.execute("ae = autoencoder [625, 8, 625]; fit ae j epochs=1 valid=j threads=1 batch=50").succeeded)
        _ = output.take()
        #expect(session.execute("print ae.history.train; print ae.history.valid").succeeded)
        let text = output.take()
        #expect(text.contains("column train loss [GeV² per pixel]: ") && text.contains("column validation loss [GeV² per pixel]: "), "\(text)")
    }
}
