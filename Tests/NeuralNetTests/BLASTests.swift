import COpenBLAS
import Testing
@_spi(Internals) import NeuralNet

/// The kernel switch happens in this process, and the kernels it picks compute correctly.
@Suite struct BLASTests {
    @Test func statusSaysWhatHappened() {
        let status = BLAS.status
        #expect(!status.coreAfter.isEmpty)
        #expect(!status.reason.isEmpty)
        if status.switched {
            #expect(status.coreBefore != status.coreAfter)
            #expect(BLAS.genericCores.contains(status.coreBefore.lowercased()))
        }
        // On a CPU with AVX-512 or AVX2 no generic kernel set may remain, unless the user chose it.
        if status.cpuVectorExtensions != "baseline" && !status.reason.contains("set by the user") {
            #expect(!BLAS.genericCores.contains(status.coreAfter.lowercased()), "\(status)")
        }
    }

    @Test func threadCountCanBeSet() {
        let before = BLAS.threads
        BLAS.setThreads(1)
        #expect(BLAS.threads == 1)
        BLAS.setThreads(before)
    }

    /// sgemm with every transpose combination the network uses, at the setups' shapes, against
    /// a product in double precision.
    @Test(arguments: [(16, 300, 625), (16, 625, 625), (100, 32, 300), (7, 13, 5)])
    func sgemmMatchesDoublePrecision(m: Int, n: Int, k: Int) {
        _ = BLAS.status
        var random = SplitMix64(seed: 7)
        let a = (0..<m * k).map { _ in Float(random.uniform() * 2 - 1) }
        let b = (0..<k * n).map { _ in Float(random.uniform() * 2 - 1) }
        for (ta, tb) in [(Transpose.noTrans, Transpose.noTrans), (.noTrans, .trans), (.trans, .noTrans)] {
            // a is m × k (or k × m when transposed), b is k × n (or n × k).
            var c = [Float](repeating: .nan, count: m * n)
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    c.withUnsafeMutableBufferPointer { pc in
                        gemm(ta, tb, m, n, k, pa.baseAddress!, ta == .trans ? m : k,
                             pb.baseAddress!, tb == .trans ? k : n, pc.baseAddress!, n)
                    }
                }
            }
            var worst = 0.0
            for i in 0..<m {
                for j in 0..<n {
                    var sum = 0.0
                    for p in 0..<k {
                        let x = Double(ta == .trans ? a[p * m + i] : a[i * k + p])
                        let y = Double(tb == .trans ? b[j * k + p] : b[p * n + j])
                        sum += x * y
                    }
                    worst = max(worst, abs(Double(c[i * n + j]) - sum))
                }
            }
            // Float rounding of k products of magnitude ≤ 1: well below 1e-4 · √k.
            #expect(worst < 1e-4 * Double(k).squareRoot(), "\(ta) \(tb) \(m)×\(n)×\(k): error \(worst)")
        }
    }

    /// jnb's sparse product (both kernels) against the dense definition, for widths below, at
    /// and above one block.
    @Test(arguments: [3, 64, 100, 300, 625], [true, false])
    func sparseProductMatchesDense(n: Int, avx512: Bool) {
        let rows = 37, width = 50
        var random = SplitMix64(seed: UInt64(n))
        let dense = (0..<rows * width).map { _ in random.uniform() < 0.1 ? Float(random.uniform() * 10) : 0 }
        let b = (0..<width * n).map { _ in Float(random.uniform() * 2 - 1) }
        var sparse = SparseRows(maxRows: rows, width: width)
        sparse.useAVX512 = avx512 && BLAS.hasAVX512
        defer { sparse.deallocate() }
        var out = [Float](repeating: .nan, count: rows * n)
        var outT = [Float](repeating: .nan, count: width * n)
        let g = (0..<rows * n).map { _ in Float(random.uniform() * 2 - 1) }
        dense.withUnsafeBufferPointer { d in sparse.load(d.baseAddress!, rows: rows) }
        sparse.transpose()
        b.withUnsafeBufferPointer { pb in
            out.withUnsafeMutableBufferPointer { sparse.timesDense(pb.baseAddress!, n: n, into: $0.baseAddress!) }
        }
        g.withUnsafeBufferPointer { pg in
            outT.withUnsafeMutableBufferPointer { sparse.transposedTimesDense(pg.baseAddress!, n: n, into: $0.baseAddress!) }
        }
        for r in 0..<rows {
            for j in 0..<n {
                let expected = (0..<width).reduce(0.0) { $0 + Double(dense[r * width + $1]) * Double(b[$1 * n + j]) }
                #expect(abs(Double(out[r * n + j]) - expected) < 1e-4)
            }
        }
        for c in 0..<width {
            for j in 0..<n {
                let expected = (0..<rows).reduce(0.0) { $0 + Double(dense[$1 * width + c]) * Double(g[$1 * n + j]) }
                #expect(abs(Double(outT[c * n + j]) - expected) < 1e-4)
            }
        }
    }
}
