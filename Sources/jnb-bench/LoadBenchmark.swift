import Foundation
import JetData

/// Reading jet files: `make-jet-file` writes a large file in the public schema by resampling
/// real jets, `load` times reading it into memory.
enum LoadBenchmark {
    /// make-jet-file --from SOURCE.h5 --jets N --layout contiguous|gzip OUT.h5
    static func makeFile(_ arguments: [String]) throws {
        guard let source = Bench.option("from", in: arguments),
              let n = Bench.option("jets", in: arguments).flatMap(Int.init),
              let output = arguments.last, !output.hasPrefix("--") else {
            throw Bench.UsageError(description: "make-jet-file --from SOURCE.h5 --jets N [--layout contiguous|gzip] OUT.h5")
        }
        let layout: JetFile.Layout = Bench.option("layout", in: arguments) == "contiguous" ? .contiguous : .gzip()
        let jets = try JetFile.read(source)
        var generator = SeededGenerator(seed: 2017)
        let picks = (0..<n).map { _ in Int(generator.next() % UInt64(jets.count)) }
        let resampled = try JetSet.concatenating([jets.subset(picks)], origin: "resampled \(source)")
        try JetFile.write(resampled, to: output, layout: layout)
    }

    /// load FILE: reads every dataset into memory and prints seconds, MB/s and peak RSS.
    static func load(_ arguments: [String]) throws {
        guard let path = arguments.first else { throw Bench.UsageError(description: "load FILE.h5") }
        let start = Bench.now()
        let jets = try JetFile.read(path)
        let seconds = Bench.now() - start
        let bytes = jets.columns.images.count * 4 + (JetVariable.allCases.count + 1) * jets.count * 4
        Bench.report([
            "reader": "jnb",
            "jets": String(jets.count),
            "seconds": String(format: "%.4f", seconds),
            "array_bytes": String(bytes),
            "mb_per_s": String(format: "%.1f", Double(bytes) / 1e6 / seconds),
            "peak_rss_bytes": String(Bench.peakRSS()),
        ])
    }
}
