import Testing
@_spi(Internals) import NeuralNet

/// Backward passes against central finite differences of the loss, for every activation and
/// both first-layer products (dense and sparse).
@Suite struct GradientTests {
    static let layers = [70, 9, 4, 9, 70]

    /// Sparse inputs (~30 % non-zero, as jet images are sparse) of a few samples.
    static func samples(seed: UInt64) throws -> Samples {
        var random = SplitMix64(seed: seed)
        let values = (0..<5 * 70).map { _ in random.uniform() < 0.3 ? Float(random.uniform() * 2) : 0 }
        return try Samples(values: values, width: 70)
    }

    @Test(arguments: Activation.allCases, [0.0, 1.0])
    func backwardMatchesFiniteDifferences(activation: Activation, sparseBelow: Double) throws {
        var network = try Network(layers: GradientTests.layers, activation: activation, seed: 3)
        let samples = try GradientTests.samples(seed: 11)
        let pass = BatchPass(layers: network.layers, activation: activation, capacity: samples.count, training: true)
        var gradient = [Float](repeating: .nan, count: network.parameters.count)
        let order = Array(0..<samples.count)
        order.withUnsafeBufferPointer { pass.load(samples, order: $0) }
        network.parameters.withUnsafeBufferPointer { p in
            pass.forward(network, parameters: p.baseAddress!, sparseBelow: sparseBelow)
            #expect(pass.usedSparse == (sparseBelow > 0))
            gradient.withUnsafeMutableBufferPointer { g in
                _ = pass.backward(network, parameters: p.baseAddress!, totalRows: samples.count, into: g.baseAddress!)
            }
        }
        // Every bias and a spread of weights in every layer.
        var checked = Set<Int>()
        for l in 0..<network.depth {
            checked.formUnion(network.biasOffsets[l]..<network.biasOffsets[l] + network.layers[l + 1])
            checked.formUnion(stride(from: network.weightOffsets[l], to: network.biasOffsets[l], by: 7))
        }
        let h: Float = 1e-4
        let scale = checked.map { abs(Double(gradient[$0])) }.max() ?? 1
        var worst = 0.0
        for i in checked {
            let saved = network.parameters[i]
            network.setParameter(i, to: saved + h)
            let up = Reference.meanLoss(network, samples)
            network.setParameter(i, to: saved - h)
            let down = Reference.meanLoss(network, samples)
            network.setParameter(i, to: saved)
            let numeric = (up - down) / (Double(saved + h) - Double(saved - h))
            // Relative error, with a floor at 1 % of the largest gradient so tiny ones do not dominate.
            let error = abs(numeric - Double(gradient[i])) / max(abs(numeric), 0.01 * scale)
            worst = max(worst, error)
        }
        // The float gradients agree with the double-precision differences to a few 1e-6.
        #expect(worst < 1e-4, "\(activation), sparse below \(sparseBelow): worst relative error \(worst)")
    }
}
