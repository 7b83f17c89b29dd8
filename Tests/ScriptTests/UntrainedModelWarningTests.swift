import Foundation
import Testing
import Script
import TestSupport

/// Scoring or reconstructing with a model that never completed an epoch works (a random-weight
/// baseline is legitimate) but says so in one warning line per command.
@Suite struct UntrainedModelWarningTests {
    private func session() throws -> (Session, CapturedOutput) {
        let output = CapturedOutput()
        let s = Session(output: output)
        try s.define("fixture", .string(Fixtures.pythia4k.path))
        let result = s.execute("""
            jets = load fixture rows=0:400
            bg = select jets signal=0
            sig = select jets signal=1
            ae = autoencoder [625, 16, 625] seed=3
            """)
        #expect(result.succeeded, "\(result.error?.description ?? "")")
        _ = output.take()
        return (s, output)
    }

    static let untrained = "model ae is untrained (random weights): a baseline, not a trained model's result"

    @Test(arguments: [
        ("l = loss ae bg", "loss"),
        ("out = reconstruct ae bg", "reconstruct"),
        ("r = roc ae normal=bg anomalous=sig", "roc"),
        ("c = confusion ae normal=bg anomalous=sig", "confusion"),
    ])
    func untrainedModelsWarnOnce(statement: String, command: String) throws {
        let (s, output) = try session()
        let result = s.execute(statement)
        #expect(result.succeeded, "\(result.error?.description ?? "")")
        #expect(output.warnings == ["\(command): \(Self.untrained)"])
    }

    @Test func aTrainedModelDoesNotWarn() throws {
        let (s, output) = try session()
        #expect(s.execute("fit ae bg epochs=1 batch=64 seed=1 threads=1").succeeded)
        #expect(s.execute("l = loss ae bg").succeeded)
        #expect(s.execute("r = roc ae normal=bg anomalous=sig").succeeded)
        #expect(output.warnings.isEmpty, "\(output.warnings)")
    }

    /// A model file without a training record (saved before any fit) is untrained too.
    @Test func aLoadedUntrainedModelWarns() throws {
        let (s, output) = try session()
        let folder = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try s.define("path", .string(folder.appendingPathComponent("ae.h5").path))
        #expect(s.execute("save ae path").succeeded)
        #expect(s.execute("m = load path").succeeded)
        _ = output.take()
        #expect(s.execute("l = loss m bg").succeeded)
        #expect(output.warnings == ["loss: model m is untrained (random weights): a baseline, not a trained model's result"])
    }
}
