import Analysis
import Foundation
import Testing
import Script
import TestSupport

/// A fit stopped by Ctrl-C before its first epoch ended moved the weights but completed no
/// epoch: it is not counted as a fit, and a model that has had only such fits is untrained
/// everywhere (`vars`, the model, its history).
@Suite struct FitStoppedBeforeAnEpochTests {
    private func text(_ s: Session, _ statement: String) -> String {
        let output = CapturedOutput()
        let previous = s.output
        s.output = output
        defer { s.output = previous }
        let result = s.execute(statement)
        return result.error.map { "error: " + $0.message } ?? output.text
    }

    private func stoppedFit(_ s: Session, epochs: Int = 5, batch: Int = 200) -> ScriptError? {
        let previous = s.output
        s.output = CtrlCAtFirstProgress(s.interruption)
        defer { s.output = previous }
        return s.execute("fit ae parts.train valid=parts.valid epochs=\(epochs) batch=\(batch) threads=1").error
    }

    @Test func aFitStoppedInItsFirstEpochIsNotAFit() throws {
        let s = Session(output: CapturedOutput())
        try s.define("fixture", .string(Fixtures.pythia4k.path))
        #expect(s.execute("parts = split (select (load fixture) signal=0) train=0.8 seed=1; ae = autoencoder [625, 16, 625] seed=3").succeeded)
        let steps = try #require(Double(text(s, "print (parts.train.count / 200)").trimmingCharacters(in: .newlines))) * 5

        let first = try #require(stoppedFit(s))
        #expect(first.category == .interrupted)
        #expect(first.message == "fit: stopped by Ctrl-C in epoch 1 of 5, before its first epoch ended; ae keeps the weights after 1 step, but is still untrained (no completed epoch)")
        #expect(text(s, "vars").contains("untrained (its fit was stopped before its first epoch)"))
        #expect(text(s, "ae").contains("  untrained   its fit was stopped by Ctrl-C before its first epoch, after 1 of \(Int(steps)) steps (5 epochs, batch 200,"))
        #expect(text(s, "ae.history") == "error: the model has not been trained yet (its fit was stopped before its first epoch), so it has no history (fit trains it)")

        #expect(s.execute("fit ae parts.train epochs=2 batch=200 threads=1").succeeded)
        let again = try #require(stoppedFit(s))
        #expect(again.message == "fit: stopped by Ctrl-C in epoch 1 of 5, before its first epoch ended; ae keeps its history of 2 epochs and the weights after 1 more step")
        #expect(text(s, "print ae.history.fits ae.history.epochs") == "1 2\n")
        let model = text(s, "ae")
        #expect(model.contains("  trained     2 epochs\n"))
        #expect(model.contains("  later fit   stopped by Ctrl-C before its first epoch, after 1 of \(Int(steps)) steps (5 epochs, batch 200,"))
        #expect(model.contains("; the losses above are from before its steps"))
        #expect(text(s, "ae.history").hasPrefix("training history: 2 epochs, train loss "))
    }

    /// Steps are counted in thousands with commas, as in fit's error: 1 of 12,800 steps.
    @Test func stepsInTheModelAreGroupedInThousands() throws {
        let s = Session(output: CapturedOutput())
        try s.define("fixture", .string(Fixtures.pythia4k.path))
        #expect(s.execute("parts = split (select (load fixture) signal=0) train=0.8 seed=1; ae = autoencoder [625, 16, 625] seed=3").succeeded)
        let jets = try #require(Int(text(s, "print parts.train.count").trimmingCharacters(in: .newlines)))
        let planned = (jets + 1) / 2 * 10
        try #require(planned >= 1000)
        let grouped = "\(planned / 1000),\(String(format: "%03d", planned % 1000))"
        #expect(stoppedFit(s, epochs: 10, batch: 2)?.category == .interrupted)
        #expect(text(s, "ae").contains("  untrained   its fit was stopped by Ctrl-C before its first epoch, after 1 of \(grouped) steps (10 epochs,"))
        #expect(s.execute("fit ae parts.train epochs=1 batch=200 threads=1").succeeded)
        #expect(stoppedFit(s, epochs: 10, batch: 2)?.category == .interrupted)
        #expect(text(s, "ae").contains("\n  later fit   stopped by Ctrl-C before its first epoch, after 1 of \(grouped) steps (10 epochs,"))
    }
}
