import Analysis
import Foundation
import Testing
import Script
import TestSupport

/// `confusion` at a stated criterion, on τ₂₁ of the Pythia jets (−τ₂₁ is higher for W jets).
@Suite struct AnomalyCommandTests {
    private func number(_ session: Session, _ name: String) -> Double? {
        if case .number(let x)? = session.value(name) { return x }
        return nil
    }

    @Test func confusionAtAFixedFalsePositiveRate() throws {
        let s = Session(output: CapturedOutput())
        try s.define("fixture", .string(Fixtures.pythia4k.path))
        let result = s.execute("""
            jets = load fixture
            sig = select jets signal=1
            bg = select jets signal=0
            c = confusion normal=(-bg.tau_21) anomalous=(-sig.tau_21) fpr=0.1
            fpr = c.fpr
            tpr = c.tpr
            total = c.tp + c.fn + c.fp + c.tn
            flagged = ((-bg.tau_21) > c.threshold).sum
            best = confusion normal=(-bg.tau_21) anomalous=(-sig.tau_21)
            r = roc normal=(-bg.tau_21) anomalous=(-sig.tau_21)
            bestacc = best.accuracy
            rocacc = r.best.accuracy
            """)
        #expect(result.succeeded, "\(result.error?.description ?? "")")
        let fpr = try #require(number(s, "fpr"))
        #expect(fpr <= 0.1 && fpr > 0.09)
        #expect(number(s, "total") == 4000)
        // The threshold really calls that share of the 2,000 QCD jets anomalous.
        #expect(number(s, "flagged") == fpr * 2000)
        #expect((number(s, "tpr") ?? 0) > 0.3)
        #expect(number(s, "bestacc") == number(s, "rocacc"))
        // Statistical errors: the AUC's (Hanley–McNeil) and a column's mean and width.
        let errors = s.execute("""
            aerr = r.auc_error
            serr = sig.tau_21.std_error
            sstd = sig.tau_21.std
            merr = sig.tau_21.mean_error
            """)
        #expect(errors.succeeded)
        let aerr = try #require(number(s, "aerr")), serr = try #require(number(s, "serr"))
        let sstd = try #require(number(s, "sstd")), merr = try #require(number(s, "merr"))
        #expect(aerr > 0.005 && aerr < 0.02)
        #expect(abs(merr - sstd / 1999.0.squareRoot()) < 1e-12)
        // σ's error from the kurtosis of the column (σ/√(2N) only for a normal distribution).
        #expect(s.execute("t21 = sig.tau_21").succeeded)
        guard case .column(let tau21)? = s.value("t21") else { Issue.record("no tau_21 column"); return }
        let statistics = Statistics(tau21.values)
        #expect(abs(serr - sstd * (statistics.kurtosis - 1).squareRoot() / (2 * 2000.0.squareRoot())) < 1e-12)
        // A model beside score columns would be silently unused: refused instead.
        #expect(s.execute("ae = autoencoder [625, 625]\nconfusion ae normal=(-bg.tau_21) anomalous=(-sig.tau_21)").error?.message
                == "confusion: normal= and anomalous= are score columns, so the model would not be used: leave it out, or give jet sets to score by its loss")
        let both = s.execute("confusion normal=(-bg.tau_21) anomalous=(-sig.tau_21) fpr=0.1 threshold=0.5")
        #expect(both.error?.message == "confusion: give either threshold= or fpr=, not both")
        #expect(s.execute("confusion normal=(-bg.tau_21) anomalous=(-sig.tau_21) fpr=1.5").exitCode == 70)
        // One class scored by the loss, the other by a column: unlike things, refused.
        for command in ["roc", "confusion", "scan"] {
            #expect(s.execute("\(command) ae normal=bg anomalous=sig.jet_mass").error?.message
                    == "\(command): anomalous= is a column (jet_mass) but normal= is a jet set: give both as jet sets, scored by a model's loss, or both as columns of the same score")
        }
        #expect(s.execute("roc ae normal=bg.tau_21 anomalous=sig").error?.message
                == "roc: normal= is a column (tau_21) but anomalous= is a jet set: give both as jet sets, scored by a model's loss, or both as columns of the same score")
    }

    /// With 2,000 W jets against 400 QCD jets, the most accurate cut calls most QCD jets W
    /// jets; the default working point is the one of best balanced accuracy instead.
    @Test func unequalSamplesGetTheBestBalancedAccuracy() throws {
        let output = CapturedOutput()
        let s = Session(output: output)
        try s.define("fixture", .string(Fixtures.pythia4k.path))
        let result = s.execute("""
            jets = load fixture
            sig = select jets signal=1
            bg = select jets signal=0 n=400
            c = confusion normal=(-bg.tau_21) anomalous=(-sig.tau_21)
            r = roc normal=(-bg.tau_21) anomalous=(-sig.tau_21)
            t = scan normal=(-bg.tau_21) anomalous=(-sig.tau_21)
            """)
        #expect(result.succeeded)
        guard case .confusion(let matrix)? = s.value("c"), case .roc(let curve)? = s.value("r"),
              case .table(let table)? = s.value("t") else { Issue.record("no results"); return }
        let balanced = (0..<curve.pointCount).map { curve.confusion(at: $0).balancedAccuracy }
        #expect(abs(matrix.balancedAccuracy - (balanced.max() ?? 0)) < 1e-12)
        #expect(matrix.falsePositiveRate < 0.5 && matrix.truePositiveRate > 0.5)
        // Plain accuracy would have flagged most of the QCD jets.
        let accurate = curve.confusion(at: curve.accuracy.indices.max { curve.accuracy[$0] < curve.accuracy[$1] } ?? 0)
        #expect(accurate.falsePositiveRate > 0.6)
        #expect(table.columns == ["threshold", "accuracy", "balanced_accuracy", "tpr", "fpr"])
        #expect(table.title.hasPrefix("threshold scan (best balanced accuracy "))
        #expect(s.execute("print c\nprint r").succeeded)
        #expect(output.text.contains(", balanced accuracy \(Format.number(matrix.balancedAccuracy)), true positive rate"))
        #expect(output.text.contains("  best balanced accuracy \(Format.number(matrix.balancedAccuracy)) (accuracy "))
    }
}
