import Synchronization
import Testing
@_spi(Internals) import NeuralNet

/// Reconstruction and per-sample loss against the double-precision reference forward pass.
@Suite struct InferenceTests {
    @Test(arguments: Activation.allCases)
    func reconstructMatchesReference(activation: Activation) throws {
        let network = try Network(layers: [40, 30, 7, 30, 40], activation: activation, seed: 5)
        // 600 samples: more than two inference batches, so batch boundaries are crossed.
        let samples = try Reference.lowRank(count: 600, width: 40, rank: 4, seed: 9)
        let out = try network.reconstruct(samples)
        #expect(out.count == 600 * 40)
        for i in stride(from: 0, to: 600, by: 37) {
            let expected = Reference.forward(network, Reference.sample(samples, i))
            for j in 0..<40 {
                #expect(abs(Double(out[i * 40 + j]) - expected[j]) < 1e-4 * max(1, abs(expected[j])))
            }
        }
    }

    @Test func perSampleLossMatchesReference() throws {
        let network = try Network(layers: [40, 12, 40], seed: 1)
        let samples = try Reference.lowRank(count: 300, width: 40, rank: 3, seed: 2)
        let loss = try network.perSampleLoss(samples)
        let expected = Reference.perSampleLoss(network, samples)
        #expect(loss.count == 300)
        for (a, b) in zip(loss, expected) { #expect(abs(Double(a) - b) < 1e-5 * max(1, b)) }
    }

    @Test(arguments: [1, 2])
    func aStopRequestEndsInferenceBetweenBatches(threads: Int) throws {
        let network = try Network(layers: [40, 12, 40], seed: 1)
        let samples = try Reference.lowRank(count: 2000, width: 40, rank: 3, seed: 2)
        // Asked before every batch of 256 on every thread: stop after the third question.
        let asked = Atomic<Int>(0)
        let stop: Network.StopRequest = { asked.add(1, ordering: .relaxed).newValue > 3 }
        #expect(throws: NeuralNetError.interrupted) { try network.reconstruct(samples, threads: threads, shouldStop: stop) }
        #expect(asked.load(ordering: .relaxed) < 2000 / 256 + threads)
        asked.store(0, ordering: .relaxed)
        #expect(throws: NeuralNetError.interrupted) { try network.perSampleLoss(samples, threads: threads, shouldStop: stop) }
        // A request that never comes changes nothing.
        #expect(try network.reconstruct(samples, threads: threads, shouldStop: { false }) == network.reconstruct(samples, threads: threads))
    }

    @Test func threadsAndViewsGiveTheSameRows() throws {
        let network = try Network(layers: [64, 20, 64], seed: 4)
        let all = try Reference.lowRank(count: 700, width: 64, rank: 5, seed: 3)
        let one = try network.reconstruct(all, threads: 1)
        let two = try network.reconstruct(all, threads: 2)
        #expect(zip(one, two).allSatisfy { abs($0 - $1) <= 1e-5 * max(1, abs($0)) })
        let rows = [699, 3, 3, 250]
        let view = try Samples(values: all.values, width: 64, rows: rows)
        let picked = try network.reconstruct(view)
        for (k, r) in rows.enumerated() {
            #expect(Array(picked[k * 64..<(k + 1) * 64]) == Array(one[r * 64..<(r + 1) * 64]))
        }
    }

    @Test func wrongWidthIsRefused() throws {
        let network = try Network(layers: [64, 20, 64], seed: 4)
        let samples = try Samples(values: [Float](repeating: 1, count: 50), width: 25)
        #expect(throws: NeuralNetError.self) { try network.reconstruct(samples) }
        let error = #expect(throws: NeuralNetError.self) { try network.perSampleLoss(samples) }
        #expect(error?.description == "samples: expected 64 values per sample (the first layer), found 25")
    }
}
