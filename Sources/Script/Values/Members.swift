import Analysis
import JetData
import NeuralNet

/// The members a value has (`col.mean`, `jets.tau_21`, `parts.train`): one list per type,
/// used by member access, completion after a `.` and `help` on a variable.
enum Members {
    struct Member {
        var name: String
        /// What the member gives, for a value known only by its type (`mass(jets).mean` is a
        /// number); nil where that depends on the value (a record's field, a table's column).
        var type: ValueType?
        var help: String
        var get: @Sendable (Value) throws(ScriptError) -> Value
    }

    static func members(of value: Value) -> [Member] {
        switch value {
        case .column: columnMembers
        case .jets: jetSetMembers
        case .jet: jetMembers
        case .list, .string: countMembers
        case .record(let record):
            record.fields.map { field in Member(name: field.name, type: nil, help: field.value.typeName) { _ in field.value } }
        case .table(let table): tableMembers(table)
        case .confusion: confusionMembers
        case .roc: rocMembers
        case .model: modelMembers
        case .history: historyMembers
        case .nothing, .number, .bool, .range, .figure: []
        }
    }

    /// The members of every value of `type`; nil when they depend on the value (a table's
    /// columns).
    static func members(of type: ValueType) -> [Member]? {
        switch type {
        case .column: columnMembers
        case .jets: jetSetMembers
        case .jet: jetMembers
        case .list, .string: countMembers
        case .confusion: confusionMembers
        case .roc: rocMembers
        case .model: modelMembers
        case .history: historyMembers
        case .number, .bool: []
        case .table: nil
        }
    }

    static let countMembers = [Member(name: "count", type: .number, help: "number of items") { v in
        if case .list(let items) = v { return .number(Double(items.count)) }
        if case .string(let s) = v { return .number(Double(s.count)) }
        return .nothing
    }]

    /// The member `name` of `value`; `written` is the variable that holds the value, if any,
    /// for suggestions such as `mass(j)`.
    static func get(_ name: String, of value: Value, written: String? = nil) throws(ScriptError) -> Value {
        let available = members(of: value)
        if let member = available.first(where: { $0.name == name }) { return try member.get(value) }
        guard !available.isEmpty else {
            throw ScriptError.runtime("\(value.typeWithArticle) has no members", at: nil)
        }
        let suggestion = if case .jets = value {
            Suggestions.didYouMean(name, amongJetSetMembers: available.map(\.name), jets: written)
        } else {
            Suggestions.didYouMean(name, among: available.map(\.name))
        }
        throw ScriptError.runtime("\(value.typeWithArticle) has no member '\(name)'\(suggestion) (members: \(available.map(\.name).joined(separator: ", ")))", at: nil)
    }

    private static func column(_ value: Value) -> Column {
        if case .column(let c) = value { return c }
        return Column(name: "", values: [])
    }

    static let columnMembers: [Member] = [
        Member(name: "count", type: .number, help: "number of values (NaN included)") { .number(Double(column($0).count)) },
        Member(name: "mean", type: .number, help: "mean of the finite values") { .number(column($0).statistics.mean) },
        Member(name: "std", type: .number, help: "standard deviation (divides by N) of the finite values") { .number(column($0).statistics.std) },
        Member(name: "mean_error", type: .number, help: "statistical error of the mean, σ/√N (σ with N − 1)") { .number(column($0).statistics.meanError) },
        Member(name: "std_error", type: .number, help: "statistical error of the standard deviation, σ·√(κ − 1)/(2√N) with κ the kurtosis (σ/√(2N) for a normal distribution)") { .number(column($0).statistics.stdError) },
        Member(name: "min", type: .number, help: "smallest finite value") { .number(column($0).statistics.min) },
        Member(name: "max", type: .number, help: "largest finite value") { .number(column($0).statistics.max) },
        Member(name: "sum", type: .number, help: "sum of the finite values (for a mask: how many are true)") { .number(column($0).sum) },
        Member(name: "median", type: .number, help: "median of the finite values") { .number(Statistics.median(column($0).values)) },
        Member(name: "argmin", type: .number, help: "position of the smallest value") { .number(Double(column($0).argmin)) },
        Member(name: "argmax", type: .number, help: "position of the largest value") { .number(Double(column($0).argmax)) },
        Member(name: "nan", type: .number, help: "how many values are NaN or infinite (left out of the statistics)") { .number(Double(column($0).statistics.excluded)) },
        Member(name: "name", type: .string, help: "what the values are (axis label)") { .string(column($0).name) },
    ]

    private static func jetSet(_ value: Value) -> JetSet? {
        if case .jets(let set) = value { return set }
        return nil
    }

    static let jetSetMembers: [Member] = [
        Member(name: "count", type: .number, help: "number of jets") { .number(Double(jetSet($0)?.count ?? 0)) },
        Member(name: "signal", type: .column, help: "label column: 1 = signal (W), 0 = background (QCD)") {
            .column(Column(name: "signal", floats: jetSet($0)?.labels ?? []))
        },
        Member(name: "nsignal", type: .number, help: "number of signal jets") { .number(Double(jetSet($0)?.signalCount ?? 0)) },
        Member(name: "nbackground", type: .number, help: "number of background jets") { v in
            .number(Double((jetSet(v)?.count ?? 0) - (jetSet(v)?.signalCount ?? 0)))
        },
        Member(name: "origin", type: .string, help: "where the jets came from") { .string(jetSet($0)?.origin ?? "") },
    ] + JetVariable.allCases.map { variable in
        Member(name: variable.rawValue, type: .column, help: "the \(variable.rawValue) of each jet, as stored") {
            .column(Column(name: variable.rawValue, floats: jetSet($0)?.values(variable) ?? [], unit: variable.unit))
        }
    }

    private static func jet(_ value: Value) -> Jet? {
        if case .jet(let jet) = value { return jet }
        return nil
    }

    static let jetMembers: [Member] = [
        Member(name: "index", type: .number, help: "position in its set") { .number(Double(jet($0)?.position ?? 0)) },
        Member(name: "signal", type: .number, help: "1 = signal (W), 0 = background (QCD)") { .number(jet($0)?.view.isSignal(0) ?? false ? 1 : 0) },
    ] + JetVariable.allCases.map { variable in
        Member(name: variable.rawValue, type: .number, help: "the jet's \(variable.rawValue)") {
            .number(Double(jet($0)?.view.values(variable).first ?? .nan))
        }
    }

    private static func tableMembers(_ table: Table) -> [Member] {
        [Member(name: "count", type: .number, help: "number of rows") { _ in .number(Double(table.rows.count)) }]
            + table.columns.enumerated().map { i, name in
                Member(name: name, type: nil, help: "column \(name)") { _ in
                    var numbers: [Double] = []
                    for row in table.rows {
                        switch row[i] {
                        case .number(let x), .fixed(let x, _): numbers.append(x)
                        case .count(let n): numbers.append(Double(n))
                        case .text: return .list(table.rows.map { .string($0[i].rendered) })
                        }
                    }
                    return .column(Column(name: name, values: numbers))
                }
            }
    }

    private static func confusion(_ value: Value) -> ConfusionMatrix {
        if case .confusion(let matrix) = value { return matrix }
        return ConfusionMatrix(threshold: .nan, truePositives: 0, falseNegatives: 0, falsePositives: 0, trueNegatives: 0)
    }

    static let confusionMembers: [Member] = [
        Member(name: "threshold", type: .number, help: "score above which a jet is called anomalous") { .number(confusion($0).threshold) },
        Member(name: "accuracy", type: .number, help: "fraction of jets classified correctly") { .number(confusion($0).accuracy) },
        Member(name: "balanced_accuracy", type: .number, help: "mean of the fractions of anomalous and of normal jets classified correctly") {
            .number(confusion($0).balancedAccuracy)
        },
        Member(name: "tpr", type: .number, help: "true positive rate: fraction of anomalous jets flagged") { .number(confusion($0).truePositiveRate) },
        Member(name: "fpr", type: .number, help: "false positive rate: fraction of normal jets flagged") { .number(confusion($0).falsePositiveRate) },
        Member(name: "tp", type: .number, help: "anomalous jets flagged") { .number(Double(confusion($0).truePositives)) },
        Member(name: "fn", type: .number, help: "anomalous jets not flagged") { .number(Double(confusion($0).falseNegatives)) },
        Member(name: "fp", type: .number, help: "normal jets flagged") { .number(Double(confusion($0).falsePositives)) },
        Member(name: "tn", type: .number, help: "normal jets not flagged") { .number(Double(confusion($0).trueNegatives)) },
    ]

    private static func roc(_ value: Value) -> ROCCurve? {
        if case .roc(let curve) = value { return curve }
        return nil
    }

    static let rocMembers: [Member] = [
        Member(name: "auc", type: .number, help: "area under the curve (0.5: no separation; below 0.5: the score points the wrong way)") {
            .number(roc($0)?.auc ?? .nan)
        },
        Member(name: "auc_error", type: .number, help: "statistical error of the AUC from the sample sizes (Hanley–McNeil)") {
            .number(roc($0)?.aucError ?? .nan)
        },
        Member(name: "tpr", type: .column, help: "true positive rate at each point") { .column(Column(name: "true positive rate", values: roc($0)?.truePositiveRate ?? [])) },
        Member(name: "fpr", type: .column, help: "false positive rate at each point") { .column(Column(name: "false positive rate", values: roc($0)?.falsePositiveRate ?? [])) },
        Member(name: "thresholds", type: .column, help: "threshold of each point") { .column(Column(name: "threshold", values: roc($0)?.thresholds ?? [])) },
        Member(name: "accuracy", type: .column, help: "accuracy at each point") { .column(Column(name: "accuracy", values: roc($0)?.accuracy ?? [])) },
        Member(name: "best", type: .confusion, help: "the confusion matrix at the threshold of best accuracy (balanced accuracy when the samples differ in size)") { v in
            guard let curve = roc(v) else { return .nothing }
            return .confusion(curve.confusion(at: curve.bestIndex))
        },
    ]

    private static func model(_ value: Value) -> ModelValue? {
        if case .model(let model) = value { return model }
        return nil
    }

    static let modelMembers: [Member] = [
        Member(name: "layers", type: .list, help: "the layer sizes") { .list(model($0)?.model.network.layers.map { .number(Double($0)) } ?? []) },
        Member(name: "activation", type: .string, help: "the activation between layers") { .string(model($0)?.model.network.activation.rawValue ?? "") },
        Member(name: "parameters", type: .number, help: "number of weights and biases") { .number(Double(model($0)?.model.network.parameters.count ?? 0)) },
        Member(name: "history", type: .history, help: "losses per epoch of all its training (a second fit continues it)") { v throws(ScriptError) in
            // As `curve` says it: an untrained model (no completed epoch) has no history,
            // rather than an empty one.
            guard let history = model(v)?.model.history, history.epochs > 0 else {
                let stopped = model(v)?.model.history == nil ? "" : " (its fit was stopped before its first epoch)"
                throw ScriptError.runtime("the model has not been trained yet\(stopped), so it has no history (fit trains it)", at: nil)
            }
            return .history(history)
        },
    ]

    private static func history(_ value: Value) -> TrainingHistory {
        if case .history(let history) = value { return history }
        return TrainingHistory()
    }

    static let historyMembers: [Member] = [
        Member(name: "epochs", type: .number, help: "epochs completed, over all fits") { .number(Double(history($0).epochs)) },
        Member(name: "fits", type: .number, help: "how many fits trained the model (each continues the history; a fit stopped before its first epoch is not counted)") { .number(Double(history($0).runs)) },
        Member(name: "train", type: .column, help: "training loss per epoch") { .column(Column(name: "train loss", values: history($0).trainLoss, unit: "GeV² per pixel")) },
        Member(name: "valid", type: .column, help: "validation loss per epoch, one per epoch once a fit had valid= (NaN for the epochs of a fit without it)") { .column(Column(name: "validation loss", values: history($0).validLoss, unit: "GeV² per pixel")) },
        Member(name: "seconds", type: .column, help: "seconds per epoch, its validation included") { .column(Column(name: "seconds", values: history($0).epochSeconds)) },
        Member(name: "interrupted", type: .bool, help: "whether Ctrl-C stopped the last fit") { .bool(history($0).interrupted) },
    ]
}

