// Benchmark programs behind the scripts/bench-* scripts. Each subcommand prints
// `key=value` or JSON lines that the scripts collect; timing lives here, not in tests.
import Foundation
import NeuralNet

let arguments = Array(CommandLine.arguments.dropFirst())
let subcommands: [String: ([String]) throws -> Void] = [
    "make-jet-file": LoadBenchmark.makeFile,
    "load": LoadBenchmark.load,
    "simulate": SimulateBenchmark.run,
    "train": TrainBenchmark.train,
    "sgemm": { TrainBenchmark.sgemm($0) },
    "density": { TrainBenchmark.density($0) },
    "firstlayer": { TrainBenchmark.firstLayer($0) },
    "blas": { _ in print(BLAS.status) },
]

guard let name = arguments.first, let run = subcommands[name] else {
    let names = subcommands.keys.sorted().joined(separator: ", ")
    FileHandle.standardError.write(Data("usage: jnb-bench SUBCOMMAND ARGS…  (subcommands: \(names))\n".utf8))
    exit(64)
}
do {
    try run(Array(arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("jnb-bench \(name): \(error)\n".utf8))
    exit(1)
}
