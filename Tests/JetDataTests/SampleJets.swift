import JetData

/// Small deterministic jet sets for tests: sparse images whose pixel values encode the jet
/// number, so misaligned rows are caught.
enum SampleJets {
    static func make(count: Int, seed: UInt64 = 1) throws -> JetSet {
        var generator = SeededGenerator(seed: seed)
        var images = [Float](repeating: 0, count: count * JetImage.pixels)
        var variables: [JetVariable: [Float]] = [:]
        var signal: [Float] = []
        for i in 0..<count {
            for _ in 0..<20 {
                let p = Int(generator.next() % UInt64(JetImage.pixels))
                images[i * JetImage.pixels + p] = Float(generator.uniform() * 10)
            }
            images[i * JetImage.pixels + 12 * JetImage.side + 12] = Float(100 + i)
            for v in JetVariable.allCases {
                variables[v, default: []].append(Float(i) + Float(v.ordinal) / 100)
            }
            signal.append(i % 3 == 0 ? 1 : 0)
        }
        return try JetSet(images: images, variables: variables, signal: signal, origin: "sample")
    }
}
