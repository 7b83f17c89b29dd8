import Analysis
import NeuralNet

/// The values with a tabular form, which `save VALUE "file.csv"` writes: a table itself, a
/// column, a ROC curve (a row per point), a training history (a row per epoch) and a
/// confusion matrix (a row per true class).
extension Value {
    var table: Table? {
        switch self {
        case .table(let table): table
        case .column(let column): Table(title: column.name, columns: [column.name], rows: column.values.map { [.number($0)] })
        case .roc(let curve): curve.table
        case .history(let history): history.table
        case .confusion(let matrix): matrix.table
        default: nil
        }
    }

    /// The table whose text is how the value prints (a table, a training history, a
    /// confusion matrix), so a notebook report can show it as a table; nil for values that
    /// print otherwise.
    var printedTable: Table? {
        switch self {
        case .table(let table): table
        case .history(let history): history.table
        case .confusion(let matrix): matrix.printedTable
        default: nil
        }
    }
}

extension ROCCurve {
    var table: Table {
        let accuracy = self.accuracy
        return Table(title: "ROC curve", columns: ["threshold", "fpr", "tpr", "accuracy"], rows: (0..<pointCount).map {
            [.number(thresholds[$0]), .number(falsePositiveRate[$0]), .number(truePositiveRate[$0]), .number(accuracy[$0])]
        })
    }
}

extension TrainingHistory {
    /// A row per epoch. The valid column is there once a fit had validation samples, as a
    /// model file's history/valid_loss is, with an empty cell for each epoch of a fit without
    /// them (NaN in the file); without any validation loss there is no valid column. Seconds
    /// show to the millisecond on every row (in full in CSV).
    var table: Table {
        let valid = hasValidation
        let rows = (0..<epochs).map { e -> [Table.Cell] in
            let loss: Table.Cell = e < validLoss.count && validLoss[e].isFinite ? .number(validLoss[e]) : .text("")
            return [.count(e + 1), .number(trainLoss[e])] + (valid ? [loss] : [])
                + [e < epochSeconds.count ? .fixed(epochSeconds[e], decimals: 3) : .text("")]
        }
        return Table(title: "training history: \(summary)", columns: ["epoch", "train"] + (valid ? ["valid"] : []) + ["seconds"], rows: rows)
    }
}

extension ConfusionMatrix {
    /// The matrix as it prints: its counts with their true and predicted classes, the rates under them.
    var printedTable: Table {
        Table(title: title, columns: [""] + Self.predictedHeaders,
              rows: labelledRows.map { [.text($0.label)] + $0.counts.map { .count($0) } }, note: rates)
    }

    /// The threshold on every row, since a CSV file keeps no title.
    var table: Table {
        Table(title: title,
              columns: ["true_class", "predicted_anomalous", "predicted_normal", "threshold"],
              rows: [[.text("anomalous"), .count(truePositives), .count(falseNegatives), .number(threshold)],
                     [.text("normal"), .count(falsePositives), .count(trueNegatives), .number(threshold)]])
    }
}
