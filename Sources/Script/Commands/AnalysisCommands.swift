/// Commands that measure: residuals, confusion, roc, scan, table.
extension CommandTable {
    static let analysisCommands: [CommandSpec] = [
        CommandSpec(
            "residuals", group: .analysis,
            summary: "Relative residuals (input − output)/input of a quantity",
            details: "Returns a column; printing it shows μ ± σ/√N and σ ± σ/√(2N). 2σ is the thesis's \"reconstruction error for 95 % of the data\".",
            parameters: [
                .positional("input", .column, help: "the quantity for the input jets, e.g. mass(bg)"),
                .positional("output", .column, help: "the same quantity for the reconstructed jets, e.g. mass(out)"),
            ],
            examples: ["r = residuals mass(bg) mass(out)", "print 2 * r.std"],
            binding: .awaiting(module: "Analysis", part: "residual statistics")),
        CommandSpec(
            "confusion", group: .analysis,
            summary: "Confusion matrix of an anomaly threshold on the reconstruction loss",
            details: "Jets with a loss above the threshold are called anomalous. Without threshold=, the threshold with the best accuracy is used. Scores are the model's losses on the jets, or columns of scores given directly.",
            parameters: [
                .positional("model", .any, .optional, help: "the autoencoder whose loss is the score"),
                .keyword("normal", .any, help: "normal jets (or their scores)"),
                .keyword("anomalous", .any, help: "anomalous jets (or their scores)"),
                .keyword("threshold", .number, help: "loss above which a jet is called anomalous"),
                .saveFigure,
            ],
            examples: ["confusion ae normal=parts.valid anomalous=(select jets signal=1) save=\"figures/confusion.svg\""],
            binding: .awaiting(module: "Analysis", part: "the confusion matrix and threshold scan")),
        CommandSpec(
            "roc", group: .analysis,
            summary: "ROC curve and AUC of the reconstruction loss as an anomaly score",
            parameters: [
                .positional("model", .any, .optional, help: "the autoencoder whose loss is the score"),
                .keyword("normal", .any, help: "normal jets (or their scores)"),
                .keyword("anomalous", .any, help: "anomalous jets (or their scores)"),
                .saveFigure,
            ],
            examples: ["r = roc ae normal=parts.valid anomalous=(select jets signal=1) save=\"figures/roc.svg\"", "print r.auc"],
            binding: .awaiting(module: "Analysis", part: "ROC curves and AUC")),
        CommandSpec(
            "scan", group: .analysis,
            summary: "Accuracy and other figures of merit against the loss threshold",
            details: "Returns a table with one row per threshold (threshold, accuracy, true and false positive rates).",
            parameters: [
                .positional("model", .any, .optional, help: "the autoencoder whose loss is the score"),
                .keyword("normal", .any, help: "normal jets (or their scores)"),
                .keyword("anomalous", .any, help: "anomalous jets (or their scores)"),
                .keyword("steps", .integer(minimum: 2, maximum: nil), default: .number(100), help: "number of thresholds"),
                .saveFigure,
            ],
            examples: ["s = scan ae normal=parts.valid anomalous=sig save=\"figures/accuracy.svg\""],
            binding: .awaiting(module: "Analysis", part: "the threshold scan")),
        CommandSpec(
            "table", group: .analysis,
            summary: "A table from named columns, lists or single values",
            details: "Each NAME=VALUE is a column; lists and columns must have the same length, single values fill every row. save TABLE \"file.csv\" writes it.",
            extraKeywords: .any,
            examples: ["table setup=[1, 2, 3] m=[r1.std, r2.std, r3.std]"],
            binding: .implemented(table)),
    ]

    private static func table(_ invocation: Invocation) throws -> Value {
        guard !invocation.extraKeywords.isEmpty else {
            throw invocation.failure("give at least one column as NAME=VALUE, e.g. table setup=[1, 2, 3]")
        }
        var columns: [(name: String, cells: [Table.Cell]?, scalar: Table.Cell?)] = []
        for (name, value, span) in invocation.extraKeywords {
            switch value {
            case .number(let x): columns.append((name, nil, .number(x)))
            case .string(let s): columns.append((name, nil, .text(s)))
            case .bool(let b): columns.append((name, nil, .text(b ? "true" : "false")))
            case .column(let c): columns.append((name, c.values.map { .number($0) }, nil))
            case .list(let items):
                var cells: [Table.Cell] = []
                for item in items {
                    switch item {
                    case .number(let x): cells.append(.number(x))
                    case .string(let s): cells.append(.text(s))
                    case .bool(let b): cells.append(.text(b ? "true" : "false"))
                    default:
                        throw ScriptError.runtime("table: column '\(name)' holds \(item.typeWithArticle); table cells are numbers or text", at: span)
                    }
                }
                columns.append((name, cells, nil))
            default:
                throw ScriptError.runtime("table: column '\(name)' is \(value.typeWithArticle); give a number, text, a list or a column", at: span)
            }
        }
        let lengths = columns.compactMap { $0.cells?.count }
        let rows = lengths.first ?? 1
        if let (name, cells, _) = columns.first(where: { ($0.cells?.count ?? rows) != rows }), let cells {
            let span = invocation.extraKeywords.first { $0.name == name }?.span
            throw ScriptError.runtime("table: column '\(name)' has \(cells.count) entries, the first list has \(rows)", at: span)
        }
        let table = Table(columns: columns.map(\.name), rows: (0..<rows).map { r in
            columns.map { $0.cells?[r] ?? $0.scalar ?? .text("") }
        })
        return .table(table)
    }
}
