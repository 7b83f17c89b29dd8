import Analysis
import Foundation
import Testing
import Script
import TestSupport

/// autoencoder, fit, reconstruct, loss, curve, blas and models in confusion/roc/scan, on the
/// Pythia background jets with a small network and one thread (so runs repeat exactly).
@Suite struct ModelCommandTests {
    private func session(_ setup: String = "") throws -> (Session, CapturedOutput) {
        let output = CapturedOutput()
        let s = Session(output: output)
        try s.define("fixture", .string(Fixtures.pythia4k.path))
        let result = s.execute("""
            jets = load fixture
            bg = select jets signal=0
            sig = select jets signal=1
            parts = split bg train=0.8 seed=1
            ae = autoencoder [625, 64, 625] seed=3
            """ + setup)
        #expect(result.succeeded, "\(result.error?.description ?? "")")
        _ = output.take()
        return (s, output)
    }

    private func number(_ s: Session, _ expression: String) -> Double? {
        let output = CapturedOutput()
        let previous = s.output
        s.output = output
        defer { s.output = previous }
        guard s.execute("print " + expression).succeeded else { return nil }
        return Double(output.text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    @Test func autoencoderChecksItsLayers() throws {
        let (s, _) = try session()
        #expect(number(s, "ae.parameters") == Double(625 * 64 + 64 + 64 * 625 + 625))
        #expect(s.execute("x = autoencoder [625, 100, 600]").error?.message
                == "autoencoder: the first and last layers must have 625 units (one per pixel), got 625-100-600")
        #expect(s.execute("x = autoencoder [625]").error?.message == "autoencoder: give at least two layer sizes, e.g. [625, 100, 625]")
        #expect(s.execute("x = autoencoder [625, 625] activation=\"relu\"").succeeded)
    }

    @Test func fitPrintsEachEpochAndUpdatesTheModel() throws {
        let (s, output) = try session()
        let result = s.execute("fit ae parts.train valid=parts.valid epochs=3 batch=64 threads=1")
        #expect(result.succeeded, "\(result.error?.description ?? "")")
        let epochLines = output.text.split(separator: "\n").filter { $0.hasPrefix("epoch ") }
        #expect(epochLines.count == 3)
        let pattern = #/^epoch [1-3]/3  train [0-9.]+  valid [0-9.]+  [0-9.]+ s$/#
        for line in epochLines { #expect(line.wholeMatch(of: pattern) != nil, "\(line)") }
        #expect(number(s, "ae.history.epochs") == 3)
        let first = try #require(number(s, "ae.history.train[0]")), last = try #require(number(s, "ae.history.train[2]"))
        #expect(last < first)
        // The mean per-image loss of the validation jets is the last validation loss.
        let mean = try #require(number(s, "(loss ae parts.valid).mean")), valid = try #require(number(s, "ae.history.valid[-1]"))
        #expect(abs(mean - valid) <= 1e-4 * valid)
    }

    /// After an early stop the model keeps the weights of its best epoch, and its summary
    /// shows that epoch's losses, not the last one's.
    @Test func anEarlyStoppedModelShowsTheLossesOfTheEpochItKept() throws {
        let (s, output) = try session()
        // Validated on W jets with a constant, high rate: the validation loss soon stops falling.
        let result = s.execute("fit ae parts.train valid=sig epochs=30 batch=64 lr=0.01 schedule=\"constant\" patience=1 threads=1")
        #expect(result.succeeded, "\(result.error?.description ?? "")")
        _ = output.take()
        #expect(s.execute("print ae").succeeded)
        let lines = output.text.split(separator: "\n").map(String.init)
        let kept = try #require(lines.first { $0.contains("stopped early; kept the weights of epoch ") })
        let best = try #require(Int(kept.split(separator: " ").last ?? ""))
        let epochs = try #require(number(s, "ae.history.epochs"))
        #expect(best < Int(epochs))
        let validAtBest = try #require(number(s, "ae.history.valid[\(best - 1)]"))
        #expect(validAtBest == number(s, "ae.history.valid.min"))
        let lossLine = try #require(lines.first { $0.hasPrefix("  loss ") })
        #expect(lossLine.contains(" (GeV² per pixel) at epoch \(best) after "), "\(lossLine)")
        #expect(lines.contains { $0.contains("constant lr 0.01,") })
    }

    /// Training a model that is not a variable updates nothing: fit says where the trained
    /// model is, and its value holds it.
    @Test func fitOnAModelThatIsNotAVariableSaysWhereTheResultIs() throws {
        let (s, output) = try session()
        #expect(s.execute("l = [ae]\nm = fit l[0] parts.train epochs=1 batch=64 threads=1").succeeded)
        #expect(output.text.contains("note: the model given is not a variable, so only fit's value holds the trained model"))
        #expect(number(s, "m.history.epochs") == 1)
        #expect(s.execute("x = l[0].history").error != nil, "the list still holds the untrained model")
        _ = output.take()
        #expect(s.execute("fit ae parts.train epochs=1 batch=64 threads=1").succeeded)
        #expect(!output.text.contains("note:"))
    }

    @Test func aFailingFitLeavesTheModelUntouched() throws {
        let (s, _) = try session()
        let result = s.execute("fit ae parts.train epochs=2 batch=100000")
        #expect(result.error?.message == "fit: batch 100000 is larger than the 1,600 training jets; give batch= at most 1600")
        #expect(result.error?.span?.column == 35)
        #expect(number(s, "ae.history.epochs") == nil)
        let output = CapturedOutput()
        s.output = output
        #expect(s.execute("ae").succeeded)
        #expect(output.text.contains("untrained"))
    }

    /// A second fit continues the model's record of training: the history has every epoch,
    /// and the model says how many fits it had.
    @Test func aSecondFitContinuesTheHistory() throws {
        let (s, output) = try session()
        #expect(s.execute("fit ae parts.train epochs=2 batch=200 threads=1; fit ae parts.train valid=parts.valid epochs=1 batch=200 threads=1").succeeded)
        #expect(number(s, "ae.history.epochs") == 3)
        #expect(number(s, "ae.history.fits") == 2)
        #expect(number(s, "ae.history.valid.nan") == 2)
        _ = output.take()
        #expect(s.execute("ae").succeeded)
        #expect(output.text.contains("trained     3 epochs in 2 fits; the last 1 of 1 epoch, batch 200"))
        _ = output.take()
        #expect(s.execute("ae.history").succeeded)
        #expect(output.text.hasPrefix("training history: 3 epochs in 2 fits, train loss "))
        #expect(s.execute("c = curve ae").succeeded)
    }

    /// After a fit without valid=, the validation column still has one entry per epoch, and
    /// the headline says which epoch the last validation loss is from.
    @Test func aFitWithoutValidationKeepsTheColumnsInStep() throws {
        let (s, output) = try session()
        #expect(s.execute("fit ae parts.train valid=parts.valid epochs=2 batch=200 threads=1; fit ae parts.train epochs=1 batch=200 threads=1").succeeded)
        #expect(number(s, "ae.history.valid.count") == 3)
        #expect(number(s, "ae.history.valid.nan") == 1)
        let valid = try #require(number(s, "ae.history.valid[1]"))
        _ = output.take()
        #expect(s.execute("ae.history").succeeded)
        let headline = try #require(output.text.split(separator: "\n").first)
        #expect(headline.hasSuffix(", valid loss \(Format.number(valid)) (epoch 2)"), "\(headline)")
    }

    /// Without batch=, a set smaller than the default batch is one batch (as Keras does).
    @Test func aSmallTrainingSetIsOneBatch() throws {
        let (s, output) = try session("\nsmall = parts.train[0:240]")
        #expect(s.execute("fit ae small epochs=1 threads=1").succeeded)
        #expect(output.text.contains("epoch 1/1"))
        _ = output.take()
        #expect(s.execute("ae").succeeded)
        #expect(output.text.contains("batch 240,"))
        #expect(s.execute("fit ae parts.train epochs=1 threads=1; ae").succeeded)
        #expect(output.text.contains("batch 256,"))
    }

    @Test func anEmptyTrainingSetIsNamed() throws {
        let (s, _) = try session()
        let result = s.execute("fit ae (select bg n=0) epochs=1")
        #expect(result.error?.message == "fit: the training set is empty (0 jets)")
        #expect(result.error?.span?.column == 8)
    }

    /// An empty validation set would give a NaN loss every epoch, on which early stopping never acts.
    @Test func anEmptyValidationSetIsNamed() throws {
        let (s, _) = try session()
        let result = s.execute("fit ae parts.train epochs=1 valid=(select bg n=0) patience=1")
        #expect(result.error?.message == "fit: the validation set is empty (0 jets)")
        #expect(result.error?.span?.column == 35)
        #expect(number(s, "ae.history.epochs") == nil)
    }

    @Test func anInterruptedFitKeepsItsWeightsAndHistory() throws {
        let (s, _) = try session()
        let flag = s.interruption
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.5) { flag.request() }
        let result = s.execute("fit ae parts.train valid=parts.valid epochs=100000 batch=64 threads=1")
        #expect(result.exitCode == 130)
        let message = try #require(result.error?.message)
        #expect(message.hasPrefix("fit: stopped by Ctrl-C in epoch "))
        #expect(message.contains("; ae keeps the weights and the history of "))
        let epochs = try #require(number(s, "ae.history.epochs"))
        #expect(epochs < 100000)
        #expect(s.execute("print ae.history.interrupted").succeeded)
    }

    @Test func reconstructKeepsVariablesAndLabels() throws {
        let (s, _) = try session("\nfit ae parts.train epochs=1 batch=64 threads=1\nout = reconstruct ae parts.valid")
        #expect(number(s, "out.count") == 400)
        #expect(number(s, "(out.jet_mass - parts.valid.jet_mass).max") == 0)
        #expect(number(s, "out.nsignal") == 0)
        #expect(try #require(number(s, "(mass(out) - mass(parts.valid)).max")) != 0)
    }

    @Test func modelsRoundTripThroughFiles() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (s, _) = try session("\nfit ae parts.train valid=parts.valid epochs=2 batch=64 threads=1")
        try s.define("path", .string(dir.path + "/models/ae.h5"))
        #expect(s.execute("save ae path\nback = load path").succeeded)
        #expect(number(s, "((loss back parts.valid) - (loss ae parts.valid)).max") == 0)
        #expect(number(s, "back.history.epochs") == 2)
        #expect(s.execute("x = load path rows=0:10").error?.message == "load: \(dir.path)/models/ae.h5 is a model file; rows= reads part of a jet file")
    }

    @Test func modelsScoreJetsInRocConfusionAndScan() throws {
        let (s, _) = try session("\nfit ae parts.train epochs=1 batch=64 threads=1")
        let viaModel = try #require(number(s, "(roc ae normal=parts.valid anomalous=sig).auc"))
        let viaColumns = try #require(number(s, "(roc normal=(loss ae parts.valid) anomalous=(loss ae sig)).auc"))
        #expect(viaModel == viaColumns)
        #expect(viaModel > 0 && viaModel < 1)
        #expect(number(s, "(confusion ae normal=parts.valid anomalous=sig).tp + (confusion ae normal=parts.valid anomalous=sig).fn") == 2000)
        #expect(number(s, "(scan ae normal=parts.valid anomalous=sig steps=5).count").map { $0 >= 5 } == true)
        #expect(s.execute("roc normal=parts.valid anomalous=sig").error?.message
                == "roc: anomalous= is a jet set: give the model whose loss scores it first, as in roc ae anomalous=…")
    }

    @Test func curveDrawsTheHistory() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let (s, _) = try session("\nfit ae parts.train valid=parts.valid epochs=2 batch=64 threads=1")
        try s.define("path", .string(dir.path + "/loss.svg"))
        #expect(s.execute("curve ae save=path").succeeded)
        let svg = try String(contentsOfFile: dir.path + "/loss.svg", encoding: .utf8)
        #expect(svg.contains(">training<") && svg.contains(">validation<"))
        #expect(try Tools.run("xmllint", ["--noout", dir.path + "/loss.svg"]).status == 0)
        #expect(s.execute("fresh = autoencoder [625, 625]\ncurve fresh").error?.message == "curve: the model has not been trained yet")
    }

    @Test func blasSaysWhatItUses() throws {
        let (s, output) = try session()
        #expect(s.execute("blas").succeeded)
        #expect(output.text.hasPrefix("OpenBLAS "))
    }
}
