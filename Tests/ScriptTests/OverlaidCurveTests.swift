import Analysis
import Foundation
import Testing
import Script
import TestSupport

/// `curve` overlays the loss curves of several models or several ROC curves in one figure,
/// and the anomaly figures say what their score is: the ROC legend names it, the threshold
/// axis carries its unit, the confusion matrix states its rule.
@Suite struct OverlaidCurveTests {
    /// A session with the Pythia jets (sig, bg), two one-epoch models trained on QCD jets and
    /// the ROC curves of their losses and of −τ₂₁.
    private func session(dir: URL) throws -> Session {
        let session = Session(output: CapturedOutput())
        try session.define("fixture", .string(Fixtures.pythia4k.path))
        try session.define("dir", .string(dir.path))
        let result = session.execute("""
            jets = load fixture; sig = select jets signal=1; bg = select jets signal=0
            parts = split bg train=0.8 seed=1
            ae1 = autoencoder [625, 32, 625] seed=1
            fit ae1 parts.train valid=parts.valid epochs=2 threads=1
            ae2 = autoencoder [625, 8, 625] seed=2
            fit ae2 parts.train valid=parts.valid epochs=2 threads=1
            r1 = roc ae1 normal=parts.valid anomalous=sig
            rtau = roc normal=(-bg.tau_21) anomalous=(-sig.tau_21)
            """)
        try #require(result.succeeded, "\(result.error?.description ?? "")")
        return session
    }

    /// The legend entries of an SVG, in order.
    private func legend(_ path: String) throws -> [String] {
        let svg = try String(contentsOfFile: path, encoding: .utf8)
        return svg.components(separatedBy: "<text class=\"legend\"").dropFirst().compactMap { part in
            guard let start = part.firstIndex(of: ">"), let end = part.firstIndex(of: "<") else { return nil }
            return String(part[part.index(after: start)..<end])
        }
    }

    private func rendersCleanly(_ path: String) throws {
        #expect(try Tools.run("xmllint", ["--noout", path]).status == 0, "\(path) is not well-formed XML")
        #expect(try Tools.run("rsvg-convert", ["-o", path + ".png", path]).status == 0, "\(path) does not render")
    }

    @Test func rocCurvesOverlaidWithTheirNamesAndAUCs() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = try session(dir: dir)
        let result = s.execute("""
            a1 = r1.auc
            atau = rtau.auc
            e1 = r1.auc_error
            etau = rtau.auc_error
            curve r1 rtau labels=["setup 1", "−τ21"] title="W against QCD" save=dir + "/rocs.svg"
            """)
        #expect(result.succeeded, "\(result.error?.description ?? "")")
        let path = dir.path + "/rocs.svg"
        try rendersCleanly(path)
        guard case .number(let a1)? = s.value("a1"), case .number(let atau)? = s.value("atau") else {
            Issue.record("roc gives an AUC")
            return
        }
        let entries = try legend(path)
        guard case .number(let e1)? = s.value("e1"), case .number(let etau)? = s.value("etau") else {
            Issue.record("roc gives an AUC error")
            return
        }
        #expect(entries == ["setup 1 (AUC = \(Format.value(a1, error: e1)))",
                            "−τ21 (AUC = \(Format.value(atau, error: etau)))", "random guess"], "\(entries)")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains(">W against QCD<"))

        // Without labels=, each curve is named by its own label=, which printing shows too.
        let named = s.execute("""
            n1 = roc ae1 normal=parts.valid anomalous=sig label="setup 1"
            n2 = roc normal=(-bg.tau_21) anomalous=(-sig.tau_21) label="−τ21"
            curve n1 n2 save=dir + "/named.svg"
            """)
        #expect(named.succeeded, "\(named.error?.description ?? "")")
        #expect(try legend(dir.path + "/named.svg") == entries)
        let output = CapturedOutput()
        s.output = output
        #expect(s.execute("print n2").succeeded)
        #expect(output.text.hasPrefix("ROC curve of −τ21: AUC 0.8"))
        #expect(output.text.contains(" ± 0.00"))

        // One curve from roc itself, named by label=.
        #expect(s.execute("roc ae1 normal=parts.valid anomalous=sig label=\"setup 1 loss\" save=dir + \"/roc1.svg\"").succeeded)
        #expect(try legend(dir.path + "/roc1.svg").first?.hasPrefix("setup 1 loss (AUC = ") == true)
    }

    @Test func lossCurvesOfSeveralModelsInOneFigure() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = try session(dir: dir)
        #expect(s.execute("curve ae1 ae2 labels=[\"wide\", \"narrow\"] save=dir + \"/loss.svg\"").succeeded)
        try rendersCleanly(dir.path + "/loss.svg")
        #expect(try legend(dir.path + "/loss.svg") == ["wide, training", "wide, validation", "narrow, training", "narrow, validation"])
        // Without labels= models are named after their variables, or as written when they are
        // not one; one model keeps its training and validation curves.
        #expect(s.execute("curve ae1 ae2 save=dir + \"/named.svg\"").succeeded)
        #expect(try legend(dir.path + "/named.svg") == ["ae1, training", "ae1, validation", "ae2, training", "ae2, validation"])
        #expect(s.execute("curve ae1 [ae2][0] save=dir + \"/numbered.svg\"").succeeded)
        #expect(try legend(dir.path + "/numbered.svg").last == "[ae2][0], validation")
        #expect(s.execute("curve ae1 save=dir + \"/one.svg\"").succeeded)
        #expect(try legend(dir.path + "/one.svg") == ["training", "validation"])
    }

    @Test func curvesOfDifferentKindsOrMiscountedLabelsAreRefused() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = try session(dir: dir)
        let mixed = s.execute("curve r1 ae1")
        #expect(mixed.error?.message == "curve: models and ROC curves cannot be mixed in one figure; got a model after a ROC curve")
        #expect(mixed.error?.span?.column == 10, "the caret is under ae1")
        #expect(s.execute("fresh = autoencoder [625, 625]\ncurve ae1 fresh").error?.span?.column == 11)
        #expect(s.execute("curve ae1 r1").error?.message == "curve: models and ROC curves cannot be mixed in one figure; got a ROC curve after a model")
        #expect(s.execute("curve ae1.history r1").error?.message
                == "curve: models and ROC curves cannot be mixed in one figure; got a ROC curve after a training history")
        #expect(s.execute("curve r1 3").error?.message == "curve: expected ROC curves only (values of roc), got a number")
        #expect(s.execute("curve r1 rtau labels=[\"one\"]").error?.message == "curve: labels has 1 entry for 2 curves")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: dir.path)) == [])
    }

    @Test func anomalyFiguresNameTheirScoreAndRule() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = try session(dir: dir)
        let result = s.execute("""
            best = confusion ae1 normal=parts.valid anomalous=sig save=dir + "/best.svg"
            tenth = confusion ae1 normal=parts.valid anomalous=sig fpr=0.1 save=dir + "/fpr.svg"
            confusion normal=(-bg.tau_21) anomalous=(-sig.tau_21) threshold=-0.5 save=dir + "/tau.svg"
            scan ae1 normal=parts.valid anomalous=sig save=dir + "/scan.svg"
            scan normal=(-bg.tau_21) anomalous=(-sig.tau_21) title="−τ21 as the score" save=dir + "/scantau.svg"
            """)
        #expect(result.succeeded, "\(result.error?.description ?? "")")
        for name in ["best", "fpr", "tau", "scan", "scantau"] { try rendersCleanly(dir.path + "/\(name).svg") }
        func svg(_ name: String) throws -> String { try String(contentsOfFile: dir.path + "/\(name).svg", encoding: .utf8) }
        #expect(try svg("best").contains("loss &gt; ") && svg("best").contains(" GeV² per pixel (best balanced accuracy): "),
                "validation QCD jets and W jets differ in number")
        #expect(try svg("scan").contains(">balanced accuracy<"))
        #expect(try svg("best").contains(" right<"), "the count of jets called right")
        #expect(try svg("fpr").contains(" GeV² per pixel (false-positive rate ≤ 0.1): "))
        #expect(try svg("tau").contains(">-tau_21 &gt; -0.5: "))
        #expect(try svg("scan").contains(">loss threshold [GeV² per pixel]<"))
        #expect(try svg("scantau").contains(">threshold on -tau_21<") && svg("scantau").contains(">−τ21 as the score<"))
        // Working points marked as vertical lines, each in the legend with its threshold.
        #expect(s.execute("scan normal=(-bg.tau_21) anomalous=(-sig.tau_21) marks=[-0.5, -0.3] save=dir + \"/marked.svg\"").succeeded)
        #expect(try legend(dir.path + "/marked.svg").suffix(2) == ["threshold -0.5", "threshold -0.3"])
        #expect(s.execute("scan normal=(-bg.tau_21) anomalous=(-sig.tau_21) marks=[1/0]").error?.message == "scan: marks must be finite numbers")
        // A log threshold axis shows no threshold ≤ 0: an error when that is all of them, a note otherwise.
        #expect(s.execute("scan normal=(-bg.tau_21) anomalous=(-sig.tau_21) logx=true save=dir + \"/none.svg\"").error?.message
                == "scan: with logx=true the thresholds must be positive, and every one here is ≤ 0: leave logx out")
        #expect(s.execute("scan normal=(bg.tau_21 - 0.5) anomalous=(sig.tau_21 - 0.5) logx=true save=dir + \"/some.svg\"").succeeded)
        #expect(try String(contentsOfFile: dir.path + "/some.svg", encoding: .utf8).contains(" thresholds ≤ 0 not on the log axis<"))
    }

    /// Epochs of a fit without validation have no validation loss: the curve breaks there
    /// instead of joining its neighbours across them.
    @Test func theValidationCurveBreaksWhereAFitHadNone() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = try session(dir: dir)
        let result = s.execute("""
            fit ae1 parts.train epochs=2 threads=1
            fit ae1 parts.train valid=parts.valid epochs=1 threads=1
            curve ae1 save=dir + "/gap.svg"
            """)
        #expect(result.succeeded, "\(result.error?.description ?? "")")
        let svg = try String(contentsOfFile: dir.path + "/gap.svg", encoding: .utf8)
        // The validation line (the solid one) is drawn as two pieces: epochs 1–2 and epoch 5.
        let solid = svg.components(separatedBy: "<path").filter { $0.contains("stroke=\"#1f77b4\"") && !$0.contains("stroke-dasharray") && $0.contains(" d=\"M") }
        let moves = solid.map { $0.components(separatedBy: "M").count - 1 }.reduce(0, +)
        #expect(moves >= 2, "\(solid)")
    }
}
