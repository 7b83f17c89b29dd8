/// A numeric column: what `mass jets`, `loss ae jets` or `jets.tau_21` return. One value per
/// jet, in the order of the set it came from. A comparison makes a mask column (1 = true,
/// 0 = false) that `select` accepts and `and`, `or`, `not` combine.
public struct Column: Sendable {
    /// What the numbers are ("jet_mass", "m from images", "loss"): a default axis label and
    /// legend entry.
    public var name: String
    public var values: [Double]
    public var isMask: Bool

    public init(name: String, values: [Double], isMask: Bool = false) {
        self.name = name
        self.values = values
        self.isMask = isMask
    }

    public init(name: String, floats: [Float]) {
        self.init(name: name, values: floats.map(Double.init))
    }

    public var count: Int { values.count }

    /// The values that are not NaN; statistics skip NaN (e.g. the mass of an output image
    /// with negative m²) and summaries say how many there were.
    var finite: [Double] { values.filter { !$0.isNaN } }
    var nanCount: Int { values.reduce(0) { $0 + ($1.isNaN ? 1 : 0) } }

    var sum: Double { finite.reduce(0, +) }

    var mean: Double {
        let f = finite
        return f.isEmpty ? .nan : f.reduce(0, +) / Double(f.count)
    }

    /// Population standard deviation (divides by N), NaN skipped.
    var standardDeviation: Double {
        let f = finite
        guard !f.isEmpty else { return .nan }
        let m = f.reduce(0, +) / Double(f.count)
        return (f.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(f.count)).squareRoot()
    }

    var minimum: Double { finite.min() ?? .nan }
    var maximum: Double { finite.max() ?? .nan }

    /// Position of the smallest (largest) value, NaN skipped; -1 when there is none.
    var argmin: Int { values.indices.filter { !values[$0].isNaN }.min { values[$0] < values[$1] } ?? -1 }
    var argmax: Int { values.indices.filter { !values[$0].isNaN }.max { values[$0] < values[$1] } ?? -1 }
}
