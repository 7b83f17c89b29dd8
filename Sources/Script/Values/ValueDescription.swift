import Foundation
import Analysis
import JetData
import NeuralNet

/// How values look: a one-line summary (`vars`, lists, records) and a fuller description
/// (`print`, and a statement whose value is shown).
extension Value {
    public var summary: String {
        switch self {
        case .nothing: return "nothing"
        case .number(let x): return NumberFormat.plain(x)
        case .string(let s): return "\"\(s)\""
        case .bool(let b): return b ? "true" : "false"
        case .list(let items):
            let shown = items.prefix(8).map(\.summary).joined(separator: ", ")
            return "[" + shown + (items.count > 8 ? ", … (\(items.count) items)]" : "]")
        case .record(let record):
            return record.kind + ": " + untypedSummary
        case .column(let column):
            return column.summary
        case .jets(let set):
            return set.summary
        case .jet(let jet):
            return jet.summary
        case .range(let lower, let upper):
            return "\(lower):\(upper)"
        case .table(let table):
            return "\(Format.count(table.rows.count)) rows: " + table.columns.joined(separator: ", ")
        case .confusion(let matrix):
            return "threshold \(NumberFormat.plain(matrix.threshold)), accuracy \(Format.number(matrix.accuracy)), "
                + (matrix.hasEqualClasses ? "" : "balanced accuracy \(Format.number(matrix.balancedAccuracy)), ")
                + "true positive rate \(Format.number(matrix.truePositiveRate)), false positive rate \(Format.number(matrix.falsePositiveRate))"
        case .figure:
            return "figure: " + untypedSummary
        case .model(let model):
            return model.summary
        case .history(let history):
            return history.summary
        case .roc(let curve):
            return "AUC \(Format.number(curve.auc)) (\(Format.count(curve.anomalousCount)) anomalous, \(Format.count(curve.normalCount)) normal jets)"
        }
    }

    /// The summary without the type name it starts with, for a line that names the type
    /// already: `vars` (`c  column  jet_mass [GeV]: 5 values, …`) and `help NAME`.
    public var untypedSummary: String {
        switch self {
        case .record(let record): record.fields.map { "\($0.name) \($0.value.summary)" }.joined(separator: ", ")
        case .column(let column): column.untypedSummary
        case .jet(let jet): jet.untypedSummary
        case .figure(let figure): figure.summary
        default: summary
        }
    }

    public var description: String {
        switch self {
        case .string(let s): return s
        case .list(let items) where items.count > 8 || items.contains(where: \.isLarge):
            return items.enumerated().map { "[\($0.offset)] \($0.element.summary)" }.joined(separator: "\n")
        case .record(let record):
            let width = record.fields.map(\.name.count).max() ?? 0
            return record.kind + "\n" + record.fields.map {
                "  " + $0.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + $0.value.summary
            }.joined(separator: "\n")
        case .column(let column): return column.description
        case .jets(let set): return set.description
        case .jet(let jet): return jet.description
        case .table(let table):
            var text = table.text(maxRows: 40)
            if table.rows.count > 40 { text += "(every row: save the table to a .csv file)\n" }
            while text.hasPrefix("\n") { text.removeFirst() }
            while text.hasSuffix("\n") { text.removeLast() }
            return text
        case .confusion(let matrix): return matrix.description
        case .model(let model): return model.description
        case .history(let history): return history.description
        case .roc(let curve):
            let best = curve.confusion(at: curve.bestIndex)
            // The AUC to the place of its error's second significant digit: 0.642 ± 0.014.
            let decimals = curve.aucError > 0 ? max(0, min(8, 1 - Int(log10(curve.aucError).rounded(.down)))) : 3
            let of = curve.label.map { " of \($0)" } ?? ""
            return "ROC curve\(of): AUC \(Format.fixed(curve.auc, decimals)) ± \(Format.fixed(curve.aucError, decimals)), \(Format.count(curve.anomalousCount)) anomalous and \(Format.count(curve.normalCount, "normal jet")), \(Format.count(curve.pointCount, "point"))\n"
                + (best.hasEqualClasses ? "  best accuracy \(Format.number(best.accuracy))"
                    : "  best balanced accuracy \(Format.number(best.balancedAccuracy)) (accuracy \(Format.number(best.accuracy)))")
                + " at threshold \(NumberFormat.plain(best.threshold))"
                + (curve.auc < 0.5 ? "\n  AUC below 0.5: the anomalous jets score lower than the normal ones" : "")
        default: return summary
        }
    }

    private var isLarge: Bool {
        switch self {
        case .number, .string, .bool, .nothing, .range, .figure: false
        default: true
        }
    }
}

extension Column {
    var summary: String { (isMask ? "mask " : "column ") + untypedSummary }

    var untypedSummary: String {
        if isMask {
            let on = values.reduce(0) { $0 + ($1 != 0 ? 1 : 0) }
            return "\(name): \(Format.count(on)) of \(Format.count(count)) true"
        }
        guard count > 0 else { return "\(label): empty" }
        let s = statistics
        return "\(label): \(Format.count(count)) values, mean \(NumberFormat.plain(s.mean)), std \(NumberFormat.plain(s.std))"
    }

    /// Up to this many values are all shown, as numpy shows an array; a longer column shows
    /// its first and last few and its statistics.
    static let valuesShownInFull = 20

    var description: String {
        guard count > 0 else { return summary }
        guard count > Self.valuesShownInFull else {
            return (isMask ? summary : "column \(label): \(Format.count(count, "value"))") + "\n" + shownValues(values[...])
        }
        guard !isMask else { return summary + "\n" + shownValues(values.prefix(3), values.suffix(3)) }
        let s = statistics
        var lines = [
            "column \(label): \(Format.count(count, "value"))",
            shownValues(values.prefix(3), values.suffix(3)),
            "  mean  \(Format.value(s.mean, error: s.meanError))",
            "  std   \(Format.value(s.std, error: s.stdError))",
            "  min   \(NumberFormat.plain(s.min))",
            "  max   \(NumberFormat.plain(s.max))",
        ]
        if s.excluded > 0 { lines.append("  left out of the statistics: \(Format.count(s.excluded, "NaN or infinite value"))") }
        return lines.joined(separator: "\n")
    }

    /// `[61.2837, 86.9468, 70.1]`, or `[1, 2, 3, …, 8, 9, 10]` with the values left out
    /// between `head` and `tail`; a mask's as true and false. Indented, wrapped at 90 columns.
    private func shownValues(_ head: ArraySlice<Double>, _ tail: ArraySlice<Double> = []) -> String {
        let written = { (x: Double) in isMask ? (x != 0 ? "true" : "false") : NumberFormat.plain(x) }
        let items = head.map(written) + (tail.isEmpty ? [] : ["…"] + tail.map(written))
        var lines: [String] = []
        var line = "  ["
        for (i, item) in items.enumerated() {
            let text = item + (i == items.count - 1 ? "]" : ",")
            if line.count + 1 + text.count > 90, line != "  [" {
                lines.append(line)
                line = "   " + text
            } else {
                line += (line == "  [" ? "" : " ") + text
            }
        }
        lines.append(line)
        return lines.joined(separator: "\n")
    }
}

extension ConfusionMatrix {
    /// The matrix as the thesis draws it: rows true class, columns predicted class.
    var description: String {
        let headers = Self.predictedHeaders
        let rows = labelledRows
        let widths = headers.indices.map { c in max(headers[c].count, rows.map { Format.count($0.counts[c]).count }.max() ?? 0) }
        func right(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(width - text.count, 0)) + text }
        var lines = [title, String(repeating: " ", count: 16) + zip(headers, widths).map { right($0, $1) }.joined(separator: "  ")]
        for (label, counts) in rows {
            lines.append("  " + label.padding(toLength: 14, withPad: " ", startingAt: 0)
                         + zip(counts, widths).map { right(Format.count($0), $1) }.joined(separator: "  "))
        }
        lines.append("  " + rates)
        return lines.joined(separator: "\n")
    }

    var title: String { "confusion matrix at threshold \(NumberFormat.plain(threshold))" }

    static let predictedHeaders = ["pred. anomalous", "pred. normal"]

    /// A row per true class, its counts under `predictedHeaders`.
    var labelledRows: [(label: String, counts: [Int])] {
        [("true anomalous", [truePositives, falseNegatives]), ("true normal", [falsePositives, trueNegatives])]
    }

    /// The line of rates under the counts.
    var rates: String {
        let balanced = hasEqualClasses ? "" : ", balanced accuracy \(Format.number(balancedAccuracy))"
        return "accuracy \(Format.number(accuracy))\(balanced), true positive rate \(Format.number(truePositiveRate)), false positive rate \(Format.number(falsePositiveRate))"
    }
}

extension JetSet {
    var summary: String {
        let s = signalCount
        return "\(Format.count(count, "jet")) (\(Format.count(s)) signal, \(Format.count(count - s)) background) from \(origin)"
    }

    var description: String {
        var lines = ["jet set: \(summary)"]
        for (variable, label) in [(JetVariable.pt, "jet_pt"), (.mass, "jet_mass")] {
            let values = self.values(variable).filter { !$0.isNaN }
            if let low = values.min(), let high = values.max() {
                lines.append("  \(label.padding(toLength: 9, withPad: " ", startingAt: 0)) \(NumberFormat.plain(Double(low))) … \(NumberFormat.plain(Double(high))) GeV")
            }
        }
        return lines.joined(separator: "\n")
    }
}

extension Jet {
    var summary: String { "jet \(position) " + details }

    var untypedSummary: String { "index \(position) " + details }

    /// "(signal), jet_pt 262.1 GeV, jet_mass 80.2 GeV"
    private var details: String {
        let kind = view.isSignal(0) ? "signal" : "background"
        let pt = view.values(.pt)[0], mass = view.values(.mass)[0]
        return "(\(kind)), jet_pt \(NumberFormat.plain(Double(pt))) GeV, jet_mass \(NumberFormat.plain(Double(mass))) GeV"
    }

    var description: String {
        // The position is in the set it was taken from, not a row of the file.
        var lines = ["jet \(position) of the set (\(view.origin.hasPrefix("reconstruct of") ? "" : "from ")\(view.origin)): \(view.isSignal(0) ? "signal" : "background")"]
        for variable in JetVariable.allCases {
            lines.append("  \(variable.rawValue.padding(toLength: 11, withPad: " ", startingAt: 0)) \(NumberFormat.plain(Double(view.values(variable)[0])))")
        }
        return lines.joined(separator: "\n")
    }
}

extension ModelValue {
    var layersText: String { model.network.layers.map(String.init).joined(separator: "-") }

    var summary: String {
        var text = "autoencoder \(layersText), \(model.network.activation.rawValue), \(Format.count(model.network.parameters.count)) parameters"
        // Untrained means no completed epoch, here as in the model's description and `history`.
        if model.isTrained, let history = model.history {
            text += ", " + history.summary
        } else {
            text += model.history == nil ? ", untrained" : ", untrained (its fit was stopped before its first epoch)"
        }
        return text
    }

    var description: String {
        let network = model.network
        var lines = ["autoencoder \(layersText) (\(origin))",
                     "  activation  \(network.activation.rawValue) between layers, linear output",
                     "  parameters  \(Format.count(network.parameters.count))"]
        guard let config = model.training, let history = model.history else {
            lines.append("  untrained")
            return lines.joined(separator: "\n")
        }
        let rate = config.schedule == .constant ? "constant lr" : "\(config.schedule.rawValue) max lr"
        let settings = "batch \(config.batchSize), \(rate) \(NumberFormat.plain(config.maxLearningRate)), wd \(NumberFormat.plain(config.weightDecay)), seed \(config.seed)"
        // A fit stopped before its first epoch ended is not counted: its steps moved the
        // weights, but no epoch has a loss.
        let stoppedBeforeAnEpoch = history.lastRunEpochs == 0
        let stepsTaken = "\(Format.count(history.steps)) of \(Format.count(history.plannedSteps, "step"))"
        let stoppedFit = (history.interrupted ? "stopped by Ctrl-C before its first epoch, after \(stepsTaken)"
                                              : "stopped in its first epoch, where the loss became NaN")
            + " (\(Format.count(config.epochs, "epoch")), \(settings))"
        guard history.epochs > 0 else {
            lines.append("  untrained   its fit was " + stoppedFit)
            return lines.joined(separator: "\n")
        }
        if stoppedBeforeAnEpoch {
            lines.append("  trained     \(Format.count(history.epochs, "epoch"))\(history.runs == 1 ? "" : " in \(history.runs) fits")")
        } else {
            // A model fitted more than once has the history of every fit; the configuration is the last one's.
            let runs = history.runs == 1 ? "" : "\(history.epochs) epochs in \(history.runs) fits; the last "
            lines.append("  trained     \(runs)\(history.lastRunEpochs) of \(Format.count(config.epochs, "epoch")), \(settings)")
        }
        // After an early stop the weights are those of the best epoch, so are the losses shown.
        let shown = history.stoppedEarly ? (history.bestEpoch ?? history.epochs) : history.epochs
        if shown >= 1, shown <= history.trainLoss.count {
            var losses = "  loss        train \(Format.number(history.trainLoss[shown - 1]))"
            if shown <= history.validLoss.count, history.validLoss[shown - 1].isFinite { losses += ", valid \(Format.number(history.validLoss[shown - 1]))" }
            losses += " (GeV² per pixel)" + (shown < history.epochs ? " at epoch \(shown)" : "") + " after \(NumberFormat.duration(history.epochSeconds.reduce(0, +)))"
            lines.append(losses)
        }
        if stoppedBeforeAnEpoch {
            lines.append("  later fit   " + stoppedFit + (history.interrupted ? "; the losses above are from before its steps" : ""))
        } else if history.interrupted {
            lines.append("  stopped by Ctrl-C after \(stepsTaken)")
        }
        if history.stoppedEarly { lines.append("  stopped early; kept the weights of epoch \(history.bestEpoch ?? history.epochs)") }
        return lines.joined(separator: "\n")
    }
}

extension TrainingHistory {
    var summary: String {
        guard let last = trainLoss.last else { return "no epochs" }
        var text = "\(epochs) epoch\(epochs == 1 ? "" : "s")\(runs == 1 ? "" : " in \(runs) fits"), train loss \(Format.number(last))"
        // The last fit may have had no validation: an older fit's loss says its epoch.
        if let valid = lastValidation {
            text += ", valid loss \(Format.number(valid.loss))" + (valid.epoch == epochs ? "" : " (epoch \(valid.epoch))")
        }
        if interrupted { text += lastRunEpochs == 0 ? " (a later fit was stopped by Ctrl-C before its first epoch)" : " (stopped by Ctrl-C)" }
        return text
    }

    /// One row per epoch.
    var description: String {
        var text = table.text()
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
