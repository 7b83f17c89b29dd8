import Foundation
import Testing
import Script
import TestSupport

/// Overlaid histograms of one quantity for two samples get a legend without labels=, and
/// histograms of counts get whole-number ticks.
@Suite struct OverlaidHistogramLabelTests {
    private func figure(_ statement: String) throws -> String {
        let output = CapturedOutput()
        let session = Session(output: output)
        try session.define("fixture", .string(Fixtures.pythia4k.path))
        let result = session.execute("jets = load fixture rows=0:400; sig = select jets signal=1; bkg = select jets signal=0\n" + statement)
        #expect(result.succeeded, "\(result.error?.description ?? "")")
        return try #require(output.figures.last)
    }

    @Test func columnsOfOneNameAreLabelledAsWritten() throws {
        let images = try figure("hist mass(sig) mass(bkg) bins=20")
        #expect(images.contains(">mass(sig)<") && images.contains(">mass(bkg)<"))
        let stored = try figure("hist sig.jet_mass (bkg.jet_mass * 1) bins=20")
        #expect(stored.contains(">jet_mass<") && !stored.contains(">sig.jet_mass<"), "different names stay the names")
        let members = try figure("hist sig.tau_21 bkg.tau_21 bins=20")
        #expect(members.contains(">sig.tau_21<") && members.contains(">bkg.tau_21<"))
        let given = try figure("hist mass(sig) mass(bkg) bins=20 labels=[\"W\", \"QCD\"]")
        #expect(given.contains(">W<") && !given.contains(">mass(sig)<"))
    }

    @Test func expressionsAreWrittenBackWithTheParenthesesTheyNeed() throws {
        let program = try Parser.parse("a - (b - c) * 2 ^ -x + f(y, k=[1, \"s\"]).m[0:3] + (not t)", origin: .interactive,
                                       grammar: CommandTable.standard.grammar)
        guard case .expression(let expression)? = program.first?.kind else { Issue.record("not an expression"); return }
        #expect(expression.sourceText == "a - (b - c) * 2 ^ -x + f(y, k=[1, \"s\"]).m[0:3] + not t")
    }

    @Test func countsGetWholeNumberTicks() throws {
        // 40 jets in 80 bins: a few jets per bin, where a step of 2.5 would otherwise be chosen.
        let counts = try figure("hist (select jets n=40).jet_mass bins=80")
        #expect(!counts.contains(">2.5<") && !counts.contains(">0.5<"))
        let density = try figure("hist (select jets n=40).jet_mass bins=80 density=true")
        #expect(density.contains(">0.0"), "densities keep fractional ticks")
    }
}
