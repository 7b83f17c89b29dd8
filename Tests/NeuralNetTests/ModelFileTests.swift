import Foundation
import HDF5
import ModelFile
import Testing
import TestSupport
@_spi(Internals) import NeuralNet

/// Model files: round trips, a second reader (h5py), and clear refusals of wrong files.
@Suite struct ModelFileTests {
    static func trainedModel() throws -> (Model, Samples) {
        let data = try Reference.lowRank(count: 300, width: 30, rank: 3, seed: 4)
        let valid = try Samples(values: data.values, width: 30, rows: Array(200..<300))
        let train = try Samples(values: data.values, width: 30, rows: Array(0..<200))
        var model = Model(network: try Network(layers: [30, 12, 5, 12, 30], activation: .tanh, seed: 8))
        _ = try model.train(train, validation: valid, config: TrainingConfig(epochs: 3, batchSize: 40, seed: 77, patience: 5))
        return (model, data)
    }

    @Test func saveLoadReconstructIsIdentical() throws {
        let (model, data) = try ModelFileTests.trainedModel()
        let folder = try Fixtures.temporaryDirectory()
        let path = folder.appendingPathComponent("model.h5").path
        try ModelFile.save(model, to: path)
        let loaded = try ModelFile.load(path)
        #expect(loaded.network.layers == model.network.layers)
        #expect(loaded.network.activation == .tanh)
        #expect(loaded.network.parameters == model.network.parameters)
        #expect(loaded.training == model.training)
        #expect(loaded.history == model.history)
        #expect(try loaded.network.reconstruct(data) == model.network.reconstruct(data))
        // Written through a temporary file: nothing else is left in the folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["model.h5"])
    }

    @Test func untrainedModelHasNoTrainingRecord() throws {
        let model = Model(network: try Network(layers: [4, 3, 4], seed: 1))
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("fresh.h5").path
        try ModelFile.save(model, to: path)
        let loaded = try ModelFile.load(path)
        #expect(loaded.training == nil && loaded.history == nil)
        #expect(loaded.network.parameters == model.network.parameters)
    }

    /// h5py reads the file, and numpy's forward pass with the stored (out, in) weights gives jnb's output.
    @Test func h5pyReadsItAndAgrees() throws {
        let (model, data) = try ModelFileTests.trainedModel()
        let folder = try Fixtures.temporaryDirectory()
        let path = folder.appendingPathComponent("model.h5").path
        try ModelFile.save(model, to: path)
        let input = Array(data.values[0..<5 * 30])
        let inputPath = folder.appendingPathComponent("x.f32").path
        try input.withUnsafeBytes { Data($0) }.write(to: URL(fileURLWithPath: inputPath))
        let script = """
        import h5py, numpy as np, sys
        f = h5py.File(sys.argv[1], "r")
        text = lambda v: v.decode() if isinstance(v, bytes) else v
        layers = [int(v) for v in f.attrs["layers"]]
        assert text(f.attrs["format"]) == "jnb-model" and text(f.attrs["activation"]) == "tanh", dict(f.attrs)
        a = np.fromfile(sys.argv[2], dtype="<f4").reshape(-1, layers[0]).astype(np.float64)
        for l in range(len(layers) - 1):
            w, b = f[f"layers/{l}/weight"][:], f[f"layers/{l}/bias"][:]
            assert w.shape == (layers[l + 1], layers[l]) and w.dtype == np.float32, (w.shape, w.dtype)
            a = a @ w.T.astype(np.float64) + b
            if l < len(layers) - 2:
                a = np.tanh(a)
        print(len(f["history/train_loss"]), int(f.attrs["training_batch_size"]))
        print(" ".join(repr(v) for v in a.ravel()))
        """
        let result = try Tools.run(Tools.systemPython, ["-c", script, path, inputPath])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.first == "3 40")
        let numpy = lines.last.map { $0.split(separator: " ").compactMap { Double($0) } } ?? []
        let ours = try model.network.reconstruct(try Samples(values: input, width: 30))
        #expect(numpy.count == ours.count)
        for (a, b) in zip(numpy, ours) { #expect(abs(a - Double(b)) < 1e-4 * max(1, abs(a))) }
    }

    @Test func wrongFilesAreRefusedWithTheReason() throws {
        let folder = try Fixtures.temporaryDirectory()
        // A jet file is not a model.
        let notAModel = #expect(throws: HDF5Error.self) { try ModelFile.load(Fixtures.pythia4k.path) }
        #expect(notAModel?.description.contains("not a jnb model file") == true)

        // A model for another architecture: layers say 625-300-625, the first weight is 200 × 625.
        let wrong = folder.appendingPathComponent("wrong.h5").path
        let make = """
        import h5py, numpy as np, sys
        with h5py.File(sys.argv[1], "w") as f:
            f.attrs["format"] = "jnb-model"; f.attrs["format_version"] = 1
            f.attrs["layers"] = np.array([625, 300, 625], dtype=np.int64); f.attrs["activation"] = sys.argv[2]
            f["layers/0/weight"] = np.zeros((200, 625), np.float32); f["layers/0/bias"] = np.zeros(300, np.float32)
            f["layers/1/weight"] = np.full((625, 300), float(sys.argv[3]), np.float32); f["layers/1/bias"] = np.zeros(625, np.float32)
        """
        func message(activation: String = "leakyrelu", fill: String = "0") throws -> String? {
            let made = try Tools.run(Tools.systemPython, ["-c", make, wrong, activation, fill])
            #expect(made.status == 0, "\(made.stderr)")
            return #expect(throws: HDF5Error.self) { try ModelFile.load(wrong) }?.description
        }
        #expect(try message() == "\(wrong): dataset 'layers/0/weight': shape [200, 625], expected [300, 625] for the weights of layer 0 (625 → 300) of this layer list")
        #expect(try message(activation: "sigmoid")?.contains("attribute 'activation' is 'sigmoid', expected one of leakyrelu, relu, tanh, linear") == true)
        let missingFolder = folder.appendingPathComponent("no/such/folder/model.h5").path
        #expect(throws: HDF5Error.self) {
            try ModelFile.save(Model(network: try Network(layers: [4, 4], seed: 1)), to: missingFolder)
        }
    }

    @Test func nonFiniteWeightsAreRefused() throws {
        var network = try Network(layers: [4, 3, 4], seed: 1)
        network.setParameter(5, to: .nan)
        let path = try Fixtures.temporaryDirectory().appendingPathComponent("nan.h5").path
        try ModelFile.save(Model(network: network), to: path)
        let error = #expect(throws: HDF5Error.self) { try ModelFile.load(path) }
        #expect(error?.object == "layers/0/weight" && error?.message.contains("must be finite") == true, "\(String(describing: error))")
    }
}
