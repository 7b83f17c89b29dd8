import Analysis
import Foundation
import Testing
import Script
import TestSupport

/// What prints as a table saves as CSV: a ROC curve (a row per point), a training history (a
/// row per epoch, the validation cell empty where there was none) and a confusion matrix (a
/// row per true class), read back with numpy.
@Suite struct SaveAsCSVTests {
    @Test func curvesHistoriesAndMatricesAreWrittenAsTheyPrint() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let s = Session(output: CapturedOutput())
        try s.define("fixture", .string(Fixtures.pythia4k.path))
        try s.define("dir", .string(dir.path))
        let result = s.execute("""
            jets = load fixture rows=0:600
            sig = select jets signal=1
            bg = select jets signal=0
            r = roc normal=(-bg.tau_21) anomalous=(-sig.tau_21)
            c = confusion normal=(-bg.tau_21) anomalous=(-sig.tau_21) fpr=0.1
            ae = autoencoder [625, 16, 625] seed=1
            fit ae bg epochs=1 batch=64 seed=1
            fit ae bg valid=sig epochs=1 batch=64 seed=1
            save r dir + "/roc.csv"
            save c dir + "/confusion.csv"
            save ae.history dir + "/history.csv"
            """)
        #expect(result.succeeded, "\(result.error?.description ?? "")")
        guard case .roc(let curve)? = s.value("r"), case .confusion(let matrix)? = s.value("c") else {
            Issue.record("no ROC curve or confusion matrix"); return
        }
        let script = """
            import sys, numpy as np
            d = sys.argv[1]
            r = np.genfromtxt(d + "/roc.csv", delimiter=",", names=True)
            print(r.dtype.names, len(r), repr(float(np.trapezoid(r["tpr"], r["fpr"]) if hasattr(np, "trapezoid") else np.trapz(r["tpr"], r["fpr"]))))
            c = np.genfromtxt(d + "/confusion.csv", delimiter=",", names=True, dtype=None, encoding="utf-8")
            print([tuple(x) for x in c])
            h = np.genfromtxt(d + "/history.csv", delimiter=",", names=True)
            print(h.dtype.names, h["epoch"].tolist(), np.isnan(h["valid"]).tolist())
            """
        let read = try Tools.run(Tools.systemPython, ["-c", script, dir.path])
        #expect(read.status == 0, "\(read.stderr)")
        let lines = read.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count == 3)
        #expect(lines[0].hasPrefix("('threshold', 'fpr', 'tpr', 'accuracy') \(curve.pointCount) "))
        let area = try #require(Double(lines[0].split(separator: " ").last.map(String.init) ?? ""))
        #expect(abs(area - curve.auc) < 1e-9, "the trapezoids under the saved points are the AUC")
        let threshold = "\(matrix.threshold)"
        #expect(lines[1] == "[('anomalous', \(matrix.truePositives), \(matrix.falseNegatives), \(threshold)), "
                + "('normal', \(matrix.falsePositives), \(matrix.trueNegatives), \(threshold))]")
        #expect(lines[2] == "('epoch', 'train', 'valid', 'seconds') [1.0, 2.0] [True, False]")

        // Other formats are refused with the way to the figure.
        #expect(s.execute("save r dir + \"/roc.svg\"").error?.message
                == "save: a ROC curve is saved as CSV (.csv); its figure comes from curve VALUE save=\"….svg\"")
        #expect(s.execute("save ae.history dir + \"/h.h5\"").error?.message
                == "save: a training history is saved as CSV (.csv); its figure comes from curve MODEL save=\"….svg\"")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["confusion.csv", "history.csv", "roc.csv"])
    }
}
