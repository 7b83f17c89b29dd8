import JetData
import Testing
import TestSupport
@_spi(Internals) import NeuralNet

/// The thesis's setup 3 on real Pythia QCD jets: a few epochs already reconstruct far better
/// than the best constant guess, the mean image.
@Suite struct PythiaTrainingTests {
    @Test func setup3BeatsTheMeanImage() throws {
        let jets = try JetFile.read(Fixtures.pythia4k.path).selecting(signal: false)
        let (train, valid) = try jets.split(fraction: 0.8, seed: 42)
        let images = jets.columns.images
        let trainSamples = try Samples(values: images, width: 625, rows: train.storageRows)
        let validSamples = try Samples(values: images, width: 625, rows: valid.storageRows)

        // Loss of predicting the training set's mean image for every validation jet.
        var mean = [Double](repeating: 0, count: 625)
        for r in train.storageRows { for p in 0..<625 { mean[p] += Double(images[r * 625 + p]) } }
        mean = mean.map { $0 / Double(train.count) }
        var meanLoss = 0.0
        for r in valid.storageRows { for p in 0..<625 { meanLoss += pow2(Double(images[r * 625 + p]) - mean[p]) } }
        meanLoss /= Double(valid.count * 625)

        var network = try Network(layers: [625, 300, 100, 300, 625], seed: 3)
        let history = try network.train(trainSamples, validation: validSamples,
                                        config: TrainingConfig(epochs: 20, batchSize: 64, seed: 1, threads: 2))
        let final = try #require(history.validLoss.last)
        #expect(final < meanLoss / 5, "validation loss \(final), mean-image loss \(meanLoss)")
        #expect(history.validLoss.first! > final)
    }

    func pow2(_ x: Double) -> Double { x * x }
}
