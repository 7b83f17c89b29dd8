import Foundation
import Testing
import Script
import TestSupport

/// A training run whose loss becomes NaN or infinite stops with the epoch and batch where it
/// happened, and the model keeps the weights it had before the bad step.
@Suite struct FitDivergenceTests {
    @Test func aDivergingFitStopsAndKeepsTheLastGoodWeights() throws {
        let output = CapturedOutput()
        let s = Session(output: output)
        try s.define("fixture", .string(Fixtures.pythia4k.path))
        let setup = s.execute("""
            bg = select (load fixture rows=0:2000) signal=0
            ae = autoencoder [625, 32, 625] seed=1
            fit ae bg epochs=2 batch=200 threads=1
            before = (loss ae bg).mean
            """)
        try #require(setup.succeeded, "\(setup.error?.description ?? "")")
        let failed = s.execute("fit ae bg epochs=3 batch=200 lr=1e10 threads=1")
        #expect(failed.exitCode == 70)
        let message = try #require(failed.error?.message)
        let pattern = #/fit: training diverged: the loss became NaN or infinite at epoch 1, batch [0-9]+; kept the weights of the start \(no epoch completed\)/#
        #expect(message.wholeMatch(of: pattern) != nil, "\(message)")
        // The weights are those of before the failed fit: the same loss, to the last bit.
        _ = output.take()
        #expect(s.execute("print (loss ae bg).mean == before").succeeded)
        #expect(output.take() == "true\n")
        // The history goes on from the first fit's 2 epochs; the failed fit completed none, so
        // it is not counted as a fit, and the model says what became of it.
        #expect(s.execute("print ae.history.epochs ae.history.fits").succeeded)
        #expect(output.take() == "2 1\n")
        #expect(s.execute("ae").succeeded)
        #expect(output.take().contains("  later fit   stopped in its first epoch, where the loss became NaN (3 epochs, batch 200,"))
    }
}
