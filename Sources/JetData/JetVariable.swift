/// The ten per-jet variables of the public jet-image file, in the file's dataset names.
public enum JetVariable: String, CaseIterable, Sendable, Hashable {
    case pt = "jet_pt"
    case eta = "jet_eta"
    case phi = "jet_phi"
    case mass = "jet_mass"
    case deltaR = "jet_delta_R"
    case tau1 = "tau_1"
    case tau2 = "tau_2"
    case tau3 = "tau_3"
    case tau21 = "tau_21"
    case tau32 = "tau_32"

    /// Position in `allCases`, used to index column storage.
    public var ordinal: Int {
        switch self {
        case .pt: 0
        case .eta: 1
        case .phi: 2
        case .mass: 3
        case .deltaR: 4
        case .tau1: 5
        case .tau2: 6
        case .tau3: 7
        case .tau21: 8
        case .tau32: 9
        }
    }

    /// The unit of the variable's values, nil for a pure number (η, φ in radians, ΔR, τ).
    public var unit: String? {
        switch self {
        case .pt, .mass: "GeV"
        default: nil
        }
    }

    /// Name of the dataset in the public file.
    public var datasetName: String { rawValue }

    /// The variable whose dataset has this name.
    public init?(datasetName: String) {
        self.init(rawValue: datasetName)
    }
}
