import Analysis
import JetData
import NeuralNet
import Plot

/// Every value a jnb variable can hold.
public enum Value: Sendable {
    /// What a command returns when it has nothing to return (a plot saved to a file, `vars`).
    case nothing
    case number(Double)
    case string(String)
    case bool(Bool)
    case list([Value])
    /// Named parts, e.g. what `split` returns (`parts.train`, `parts.valid`).
    case record(Record)
    case column(Column)
    case jets(JetSet)
    /// One jet of a set, `jets[3]`.
    case jet(Jet)
    /// Positions `lower ..< upper`, written `lower:upper`.
    case range(lower: Int, upper: Int)
    /// Rows and named columns of numbers or text (`table`, `scan`); saved as CSV.
    case table(Analysis.Table)
    case confusion(ConfusionMatrix)
    case roc(ROCCurve)
    /// A drawn figure not yet saved; `save FIG "file.svg"` writes it.
    case figure(FigureValue)
    /// An autoencoder, with how it was trained.
    case model(ModelValue)
    /// Losses per epoch of a training run (`ae.history`).
    case history(TrainingHistory)

    /// The name of the value's type, as messages and `vars` show it.
    public var typeName: String {
        switch self {
        case .nothing: "nothing"
        case .number: "number"
        case .string: "string"
        case .bool: "bool"
        case .list: "list"
        case .record(let record): record.kind
        case .column(let column): column.isMask ? "mask" : "column"
        case .jets: "jet set"
        case .jet: "jet"
        case .range: "range"
        case .table: "table"
        case .confusion: "confusion matrix"
        case .roc: "ROC curve"
        case .figure: "figure"
        case .model: "model"
        case .history: "training history"
        }
    }

    /// "a number", "an autoencoder": the type name with its article, for messages ("no value"
    /// for nothing; the interpreter names the command that gave it where it can).
    public var typeWithArticle: String {
        if case .nothing = self { return "no value" }
        let name = typeName
        return (name.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + name
    }
}

/// A value made of named parts, shown and accessed by name.
public struct Record: Sendable {
    public struct Field: Sendable {
        public var name: String
        public var value: Value
        public init(_ name: String, _ value: Value) {
            self.name = name
            self.value = value
        }
    }

    /// What kind of record ("split"): its type name.
    public var kind: String
    public var fields: [Field]

    public init(kind: String, fields: [Field]) {
        self.kind = kind
        self.fields = fields
    }

    public subscript(name: String) -> Value? {
        fields.first { $0.name == name }?.value
    }
}

/// One jet: a single-row view of its set, and its position in that set.
public struct Jet: Sendable {
    public var view: JetSet
    public var position: Int

    public init(of set: JetSet, at position: Int) {
        self.view = set.subset([position])
        self.position = position
    }
}

/// A figure and its SVG, drawn when the command ran (so drawing errors belong to it).
public struct FigureValue: Sendable {
    public var figure: Figure
    public var svg: String
    /// What it shows, e.g. "histogram of m [GeV], 2 series".
    public var summary: String
}

/// A network with its training configuration and history, and where it came from.
public struct ModelValue: Sendable {
    public var model: Model
    /// "autoencoder seed=0", or the file it was loaded from.
    public var origin: String
}
