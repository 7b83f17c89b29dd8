import Analysis

/// A numeric column: what `mass jets`, `loss ae jets` or `jets.tau_21` return. One value per
/// jet, in the order of the set it came from. A comparison makes a mask column (1 = true,
/// 0 = false) that `select` accepts and `and`, `or`, `not` combine.
public struct Column: Sendable {
    /// What the numbers are ("jet_mass", "m from images", "loss"): a default axis label and
    /// legend entry.
    public var name: String
    public var values: [Double]
    public var isMask: Bool
    /// The unit of the values when the name does not say it ("GeV" for `jet_mass`).
    public var unit: String?

    public init(name: String, values: [Double], isMask: Bool = false, unit: String? = nil) {
        self.name = name
        self.values = values
        self.isMask = isMask
        self.unit = unit
    }

    public init(name: String, floats: [Float], unit: String? = nil) {
        self.init(name: name, values: floats.map(Double.init), unit: unit)
    }

    /// The name with its unit, as an axis is labelled: "jet_mass [GeV]".
    public var label: String { unit.map { "\(name) [\($0)]" } ?? name }

    public var count: Int { values.count }

    /// Statistics of the finite values (NaN and ±inf are left out and counted), from Analysis.
    var statistics: Statistics { Statistics(values) }

    var sum: Double { values.reduce(0) { $1.isFinite ? $0 + $1 : $0 } }

    /// Position of the smallest (largest) finite value; -1 when there is none.
    var argmin: Int { values.indices.filter { values[$0].isFinite }.min { values[$0] < values[$1] } ?? -1 }
    var argmax: Int { values.indices.filter { values[$0].isFinite }.max { values[$0] < values[$1] } ?? -1 }
}
