// The Swift half of scripts/bench-train: trains one network for one epoch, or times the
// sgemm calls of one training step, and prints one JSON line. The script alternates runs of
// this program with PyTorch runs and reports medians.
//
//   jnb-bench train IMAGES.f32 LAYERS THREADS [split|blas|default] [SPARSE_BELOW] [SAMPLES]
//   jnb-bench sgemm LAYERS THREADS
//   jnb-bench density IMAGES.f32 DENSITY OUT.f32 SAMPLES
//   jnb-bench firstlayer OUT DENSITY
import COpenBLAS
import Foundation
@_spi(Internals) import NeuralNet

enum TrainBenchmark {

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("jnb-bench: \(message)\n".utf8))
        exit(2)
    }

    static func peakRSSMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    static func layerList(_ text: String) -> [Int] {
        let sizes = text.split(separator: "-").compactMap { Int($0) }
        guard sizes.count >= 2 else { fail("layers like 625-300-100-300-625, got \(text)") }
        return sizes
    }

    /// Reads raw float32 rows straight into an array (no second copy: peak RSS is measured).
    static func readImages(_ path: String, width: Int, limit: Int?) -> [Float] {
        guard let file = fopen(path, "rb") else { fail("cannot read \(path)") }
        defer { fclose(file) }
        fseek(file, 0, SEEK_END)
        let available = ftell(file) / 4 / width
        fseek(file, 0, SEEK_SET)
        let rows = min(available, limit ?? available)
        var values = [Float](repeating: 0, count: rows * width)
        let read = values.withUnsafeMutableBytes { fread($0.baseAddress, 4, rows * width, file) }
        guard read == rows * width else { fail("short read from \(path)") }
        return values
    }

    static func json(_ fields: [(String, Any)]) -> String {
        "{" + fields.map { key, value in
            let text: String
            switch value {
            case let s as String: text = "\"\(s)\""
            case let d as Double: text = d.isFinite ? String(format: "%.6g", d) : "null"
            default: text = "\(value)"
            }
            return "\"\(key)\": \(text)"
        }.joined(separator: ", ") + "}"
    }

    /// Wall-clock seconds of `body`.
    static func time(_ body: () throws -> Void) rethrows -> Double {
        let start = ContinuousClock.now
        try body()
        let (s, a) = (ContinuousClock.now - start).components
        return Double(s) + Double(a) * 1e-18
    }

    static func train(_ args: [String]) throws {
        guard args.count >= 3 else { fail("train IMAGES LAYERS THREADS [split|blas] [SPARSE_BELOW] [SAMPLES]") }
        let layers = layerList(args[1])
        guard let threads = Int(args[2]) else { fail("threads: a number, got \(args[2])") }
        let parallelism = args.count > 3 ? Parallelism(rawValue: args[3]) ?? TrainingConfig().parallelism : TrainingConfig().parallelism
        let sparseBelow = args.count > 4 ? Double(args[4]) ?? TrainingConfig.defaultSparseInputBelow : TrainingConfig.defaultSparseInputBelow
        let limit = args.count > 5 ? Int(args[5]) : nil
        let values = readImages(args[0], width: layers[0], limit: limit)
        let samples = try Samples(values: values, width: layers[0])
        var network = try Network(layers: layers, seed: 1)
        let config = TrainingConfig(epochs: 1, seed: 1, threads: threads, parallelism: parallelism, sparseInputBelow: sparseBelow)
        var history = TrainingHistory()
        let seconds = try time { history = try network.train(samples, config: config) }
        let state = Double(network.parameters.count * 4 * 4) / 1_048_576  // parameters, gradients, two moments
        print(json([
            ("framework", "jnb"), ("layers", args[1]), ("threads", threads), ("parallelism", parallelism.rawValue),
            ("default_parallelism", TrainingConfig().parallelism.rawValue),
            ("sparse_below", sparseBelow), ("samples", samples.count), ("seconds", seconds),
            ("samples_per_second", Double(samples.count) / seconds), ("train_loss", history.trainLoss.last ?? .nan),
            ("peak_rss_mb", peakRSSMegabytes()), ("data_mb", Double(values.count * 4) / 1_048_576),
            ("model_and_optimiser_mb", state), ("blas", BLAS.status.coreAfter),
        ]))
    }

    /// Times the dense products of one training step (forward, weight gradients, input gradients
    /// except the first layer's) for batch 256: the rate no implementation on these kernels can
    /// beat without skipping work. With 2+ threads, both OpenBLAS's threading and one batch half
    /// per thread are timed and the faster is reported.
    static func sgemm(_ args: [String]) {
        guard args.count >= 2, let threads = Int(args[1]) else { fail("sgemm LAYERS THREADS") }
        let layers = layerList(args[0])
        _ = BLAS.status
        let batch = 256
        let step = StepProducts(layers: layers, batch: batch, parts: threads)
        func median(_ body: () -> Void) -> Double {
            for _ in 0..<5 { body() }
            var times: [Double] = []
            for _ in 0..<7 { times.append(time { for _ in 0..<20 { body() } } / 20) }
            return times.sorted()[3]
        }
        BLAS.setThreads(threads)
        let blasThreaded = median { step.run(rows: batch, part: 0) }
        var split = Double.infinity
        if threads > 1 {
            BLAS.setThreads(1)
            let share = batch / threads
            split = median { DispatchQueue.concurrentPerform(iterations: threads) { step.run(rows: share, part: $0) } }
        }
        var flops = 0.0
        for l in 0..<layers.count - 1 {
            flops += Double(2 * batch * layers[l] * layers[l + 1]) * (l > 0 ? 3 : 2)
        }
        let best = min(blasThreaded, split)
        print(json([
            ("framework", "sgemm"), ("layers", args[0]), ("threads", threads), ("seconds_per_step", best),
            ("samples_per_second", Double(batch) / best), ("gflops", flops / best / 1e9),
            ("blas_threaded_samples_per_second", Double(batch) / blasThreaded),
            ("split_samples_per_second", threads > 1 ? Double(batch) / split : Double.nan), ("blas", BLAS.status.coreAfter),
        ]))
    }

    /// Random matrices of one training step's shapes, one set of activations per thread.
    final class StepProducts: @unchecked Sendable {
        let layers: [Int]
        let weights: [UnsafeMutablePointer<Float>], grads: [UnsafeMutablePointer<Float>]
        let acts: [[UnsafeMutablePointer<Float>]], deltas: [[UnsafeMutablePointer<Float>]]

        init(layers: [Int], batch: Int, parts: Int) {
            self.layers = layers
            let widest = layers.max() ?? 1
            func buffer(_ n: Int) -> UnsafeMutablePointer<Float> {
                let p = UnsafeMutablePointer<Float>.allocate(capacity: n)
                for i in 0..<n { p[i] = Float.random(in: -1...1) }
                return p
            }
            weights = (0..<layers.count - 1).map { buffer(layers[$0] * layers[$0 + 1]) }
            grads = (0..<layers.count - 1).map { buffer(layers[$0] * layers[$0 + 1]) }
            acts = (0..<parts).map { _ in (0..<layers.count).map { buffer(batch * layers[$0]) } }
            deltas = (0..<parts).map { _ in [buffer(batch * widest), buffer(batch * widest)] }
        }

        /// The products of one step over `rows` rows with thread `part`'s activations.
        func run(rows: Int, part: Int) {
            let a = acts[part], d = deltas[part]
            for l in 0..<layers.count - 1 {
                let (n, m) = (Int32(layers[l]), Int32(layers[l + 1]))
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(rows), m, n, 1, a[l], n, weights[l], m, 0, a[l + 1], m)
            }
            for l in stride(from: layers.count - 2, through: 0, by: -1) {
                let (n, m) = (Int32(layers[l]), Int32(layers[l + 1]))
                cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, n, m, Int32(rows), 1, a[l], n, d[0], m, 0, grads[l], m)
                if l > 0 {
                    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(rows), n, m, 1, d[0], m, weights[l], m, 0, d[1], n)
                }
            }
        }
    }

    /// Writes SAMPLES images like those of IMAGES.f32 but with extra non-zero pixels until the
    /// fraction DENSITY is reached (for finding where the sparse first layer stops paying).
    static func density(_ args: [String]) {
        guard args.count >= 4, let target = Double(args[1]), let n = Int(args[3]) else {
            fail("density IMAGES.f32 DENSITY OUT.f32 SAMPLES")
        }
        var values = readImages(args[0], width: 625, limit: n)
        var random = SystemRandomNumberGenerator()
        let current = Double(values.filter { $0 != 0 }.count) / Double(values.count)
        let fill = max(0, (target - current) / (1 - current))
        for i in values.indices where values[i] == 0 && Double.random(in: 0..<1, using: &random) < fill {
            values[i] = Float.random(in: 0.1...2, using: &random)
        }
        let data = values.withUnsafeBytes { Data($0) }
        guard FileManager.default.createFile(atPath: args[2], contents: data) else { fail("cannot write \(args[2])") }
        print(json([("density", Double(values.filter { $0 != 0 }.count) / Double(values.count)), ("samples", n)]))
    }

    /// The first layer's two products (forward, weight gradient) for one batch of 256 random
    /// rows at DENSITY, dense (OpenBLAS) against sparse (NeuralNet's own path, including finding
    /// the non-zeros and sorting them by column), alternating, medians of 15: where the crossover lies.
    static func firstLayer(_ args: [String]) {
        guard args.count >= 2, let out = Int(args[0]), let density = Double(args[1]) else { fail("firstlayer OUT DENSITY") }
        _ = BLAS.status
        BLAS.setThreads(1)
        let (rows, width) = (256, 625)
        let x = (0..<rows * width).map { _ in Double.random(in: 0..<1) < density ? Float.random(in: 0.1...10) : 0 }
        let w = (0..<width * out).map { _ in Float.random(in: -0.04...0.04) }
        let g = (0..<rows * out).map { _ in Float.random(in: -1...1) }
        var z = [Float](repeating: 0, count: rows * out), dw = [Float](repeating: 0, count: width * out)
        var batch = SparseRows(maxRows: rows, width: width)
        func dense() {
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(rows), Int32(out), Int32(width), 1, x, Int32(width), w, Int32(out), 0, &z, Int32(out))
            cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans, Int32(width), Int32(out), Int32(rows), 1, x, Int32(width), g, Int32(out), 0, &dw, Int32(out))
        }
        func sparse() {
            x.withUnsafeBufferPointer { batch.load($0.baseAddress!, rows: rows) }
            w.withUnsafeBufferPointer { pw in z.withUnsafeMutableBufferPointer { batch.timesDense(pw.baseAddress!, n: out, into: $0.baseAddress!) } }
            batch.transpose()
            g.withUnsafeBufferPointer { pg in dw.withUnsafeMutableBufferPointer { batch.transposedTimesDense(pg.baseAddress!, n: out, into: $0.baseAddress!) } }
        }
        var denseTimes: [Double] = [], sparseTimes: [Double] = []
        for _ in 0..<3 { dense(); sparse() }
        for _ in 0..<15 {
            denseTimes.append(time { for _ in 0..<20 { dense() } } / 20)
            sparseTimes.append(time { for _ in 0..<20 { sparse() } } / 20)
        }
        let d = denseTimes.sorted()[7], sp = sparseTimes.sorted()[7]
        print(json([("framework", "firstlayer"), ("out", out), ("density", density), ("dense_ms", d * 1e3),
                     ("sparse_ms", sp * 1e3), ("sparse_speedup", d / sp)]))
    }
}
