import Analysis

/// Commands that measure: residuals, confusion, roc, scan, table.
extension CommandTable {
    static let analysisCommands: [CommandSpec] = [
        CommandSpec(
            "residuals", group: .analysis,
            summary: "Relative residuals (input − output)/input of a quantity",
            details: "Returns a column; printing it shows μ ± σ/√N and σ ± σ·√(κ − 1)/(2√N), κ the kurtosis (σ/√(2N) for a normal distribution; the residuals' long tails make it larger). 2σ is what the thesis calls the \"reconstruction error for 95 % of the data\"; with long tails the share of jets within 2σ is only roughly 95 %. Jets with input 0 give no finite residual and are left out of the statistics.",
            parameters: [
                .positional("input", .column, help: "the quantity for the input jets, e.g. mass(bg)"),
                .positional("output", .column, help: "the same quantity for the reconstructed jets, e.g. mass(out)"),
            ],
            examples: ["r = residuals mass(bg) mass(out)", "print 2 * r.std"],
            result: .value(.column),
            run: residuals),
        CommandSpec(
            "confusion", group: .analysis,
            summary: "Confusion matrix of an anomaly threshold on a score",
            details: "Jets scoring above the threshold are called anomalous. The threshold is threshold= if given; with fpr=, the one that flags the most anomalous jets while calling at most that fraction of normal jets anomalous; otherwise the one of best accuracy (of best balanced accuracy, the mean of the true positive rate and 1 − the false positive rate, when the two samples differ in size: plain accuracy would favour calling every jet the larger class). The scores are the model's reconstruction losses on the jets, or columns of scores given directly.",
            parameters: [
                .positional("model", .any, .optional, help: "the autoencoder whose loss is the score"),
                Parameter("normal", .any, .required, help: "normal jets (or their scores)"),
                Parameter("anomalous", .any, .required, help: "anomalous jets (or their scores)"),
                .keyword("threshold", .number, help: "score above which a jet is called anomalous"),
                .keyword("fpr", .numberIn(0...1), help: "choose the threshold for this false-positive rate (at most)"),
                .keyword("title", .string, help: "figure title (default: the rule and its accuracy)"),
                .saveFigure,
            ],
            examples: ["confusion ae normal=parts.valid anomalous=(select jets signal=1) save=\"figures/confusion.svg\"",
                       "confusion ae normal=parts.valid anomalous=sig fpr=0.1",
                       "c = confusion normal=bg.tau_21 anomalous=sig.tau_21 threshold=0.5"],
            result: .value(.confusion),
            run: confusion),
        CommandSpec(
            "roc", group: .analysis,
            summary: "ROC curve and AUC of a score that should be higher for anomalous jets",
            details: "Returns a ROC curve (members auc, tpr, fpr, thresholds, accuracy, best). An AUC below 0.5 means the anomalous jets score lower, as the thesis found for W jets and a QCD-trained autoencoder. curve r1 r2 … overlays several in one figure.",
            parameters: [
                .positional("model", .any, .optional, help: "the autoencoder whose loss is the score"),
                Parameter("normal", .any, .required, help: "normal jets (or their scores)"),
                Parameter("anomalous", .any, .required, help: "anomalous jets (or their scores)"),
                .keyword("label", .string, help: "what the score is, for the legend (e.g. \"setup 3 loss\")"),
                .keyword("title", .string, help: "figure title"),
                .saveFigure,
            ],
            examples: ["r = roc ae normal=parts.valid anomalous=(select jets signal=1) save=\"figures/roc.svg\"", "print r.auc"],
            result: .value(.roc),
            run: roc),
        CommandSpec(
            "scan", group: .analysis,
            summary: "Accuracy and the true and false positive rates against the threshold",
            details: "Returns a table with one row per threshold, spread along the ROC curve, always including the threshold of best accuracy (balanced accuracy, and a column of it, when the two samples differ in size).",
            parameters: [
                .positional("model", .any, .optional, help: "the autoencoder whose loss is the score"),
                Parameter("normal", .any, .required, help: "normal jets (or their scores)"),
                Parameter("anomalous", .any, .required, help: "anomalous jets (or their scores)"),
                .keyword("steps", .integer(minimum: 2, maximum: nil), default: .number(50), help: "number of thresholds"),
                .keyword("logx", .bool, default: .bool(false), help: "logarithmic threshold axis in the figure (positive thresholds only)"),
                .keyword("xlabel", .string, help: "x-axis label (default: the loss threshold with its unit, or the score's name)"),
                .keyword("marks", .list(.number), help: "thresholds to mark with vertical lines, e.g. the working points of confusion matrices"),
                .keyword("marklabels", .list(.string), help: "what each of marks= is, for the legend, e.g. [\"best accuracy\", \"FPR ≤ 10 %\"]"),
                .keyword("title", .string, help: "figure title"),
                .saveFigure,
            ],
            examples: ["s = scan ae normal=parts.valid anomalous=sig save=\"figures/accuracy.svg\""],
            result: .value(.table),
            run: scan),
        CommandSpec(
            "table", group: .analysis,
            summary: "A table from named columns, lists or single values",
            details: "Each NAME=VALUE is a column; lists and columns must have the same length, single values fill every row. save TABLE \"file.csv\" writes it.",
            parameters: [.keyword("title", .string, default: .string(""), help: "a title printed above the table")],
            extraKeywords: .any,
            examples: ["table setup=[1, 2, 3] m=[r1.std, r2.std, r3.std] title=\"2σ of the m residual\""],
            result: .value(.table),
            run: table),
    ]

    private static func residuals(_ invocation: Invocation) throws -> Value {
        let input = try invocation.column("input"), output = try invocation.column("output")
        guard input.count == output.count else {
            throw invocation.failure("input has \(Format.count(input.count)) values but output has \(Format.count(output.count)); they must be the same jets",
                                     argument: "output")
        }
        let a = input.name.replacingOccurrences(of: " [GeV]", with: ""), b = output.name.replacingOccurrences(of: " [GeV]", with: "")
        let result = Residuals(input: input.values, output: output.values)
        // Input and output of one quantity (mass(bg), mass(out)) read as in/out; two
        // different quantities (bg.jet_mass, mass(bg)) are named as they are.
        let name = a == b ? "(in − out)/in of \(a)" : "(\(a) − \(b))/\(a)"
        return .column(Column(name: name, values: result.values))
    }

    /// The scores and labels `confusion`, `roc` and `scan` work on, anomalous first: the
    /// model's reconstruction losses on jet sets, or score columns given directly; and what
    /// the score is, for the figures: the loss with its unit, or the columns' name when both
    /// have the same.
    private static func scores(_ invocation: Invocation) throws -> (scores: [Double], anomalous: [Bool], score: ScoreName) {
        // One class's loss against another score of the other would compare unlike things.
        for (name, other) in [("anomalous", "normal"), ("normal", "anomalous")] {
            if case .column(let column)? = invocation.value(name), case .jets? = invocation.value(other) {
                throw invocation.failure("\(name)= is a column (\(column.name)) but \(other)= is a jet set: give both as jet sets, scored by a model's loss, or both as columns of the same score",
                                         argument: name)
            }
        }
        let model = invocation.isGiven("model") ? try model(invocation, "model") : nil
        var columns: [Column] = []
        var warned = false
        for name in ["anomalous", "normal"] {
            switch (invocation.value(name), model) {
            case (.column(let column)?, _):
                columns.append(column)
            case (.jets(let set)?, let model?):
                if !warned { warnIfUntrained(model, invocation) }
                warned = true
                columns.append(Column(name: "loss", floats: try losses(model, set, invocation), unit: "GeV² per pixel"))
            case (.jets?, nil):
                throw invocation.failure("\(name)= is a jet set: give the model whose loss scores it first, as in \(invocation.spec.name) ae \(name)=…", argument: name)
            default:
                throw invocation.failure("\(name)= must be a jet set (with a model first) or a column of scores; got \(invocation.value(name)?.typeWithArticle ?? "nothing")",
                                         argument: name)
            }
        }
        if model != nil, case .column? = invocation.value("anomalous"), case .column? = invocation.value("normal") {
            throw invocation.failure("normal= and anomalous= are score columns, so the model would not be used: leave it out, or give jet sets to score by its loss",
                                     argument: "model")
        }
        let name = columns[0].name == columns[1].name ? columns[0].name : "score"
        return (columns[0].values + columns[1].values,
                [Bool](repeating: true, count: columns[0].count) + [Bool](repeating: false, count: columns[1].count),
                ScoreName(name: name, unit: columns[0].unit == columns[1].unit ? columns[0].unit : nil))
    }

    private static func confusion(_ invocation: Invocation) throws -> Value {
        let (scores, anomalous, name) = try scores(invocation)
        let matrix: ConfusionMatrix
        let choice: String?
        if let threshold = try invocation.optionalNumber("threshold") {
            guard !invocation.isGiven("fpr") else {
                throw invocation.failure("give either threshold= or fpr=, not both", argument: "fpr")
            }
            matrix = try ConfusionMatrix(scores: scores, anomalous: anomalous, threshold: threshold)
            choice = nil
        } else if let rate = try invocation.optionalNumber("fpr") {
            let curve = try ROCCurve(scores: scores, anomalous: anomalous)
            matrix = curve.confusion(at: curve.index(atFalsePositiveRate: rate))
            choice = "false-positive rate ≤ \(NumberFormat.plain(rate))"
        } else {
            let curve = try ROCCurve(scores: scores, anomalous: anomalous)
            matrix = curve.confusion(at: curve.bestIndex)
            choice = curve.bestCriterion
        }
        let title = try invocation.optionalString("title")
        try saveFigureIfAsked(confusionFigure(matrix, score: name, choice: choice, title: title),
                              summary: "confusion matrix", invocation)
        return .confusion(matrix)
    }

    private static func roc(_ invocation: Invocation) throws -> Value {
        let (scores, anomalous, _) = try scores(invocation)
        var curve = try ROCCurve(scores: scores, anomalous: anomalous)
        curve.label = try invocation.optionalString("label")
        let title = try invocation.optionalString("title")
        try saveFigureIfAsked(rocFigure([(curve, curve.label ?? "")], title: title),
                              summary: "ROC curve", invocation)
        return .roc(curve)
    }

    private static func scan(_ invocation: Invocation) throws -> Value {
        let (scores, anomalous, name) = try scores(invocation)
        let curve = try ROCCurve(scores: scores, anomalous: anomalous)
        let best = curve.bestIndex
        let points = curve.sampledIndices(count: try invocation.integer("steps"), keep: [best])
        let logx = try invocation.bool("logx")
        let shown = logx ? points.filter { curve.thresholds[$0] > 0 } : points
        if logx, shown.isEmpty, invocation.isGiven("save") {
            throw invocation.failure("with logx=true the thresholds must be positive, and every one here is ≤ 0: leave logx out", argument: "logx")
        }
        let xLabel = try invocation.optionalString("xlabel") ?? name.thresholdLabel
        let title = try invocation.optionalString("title")
        var marks: [Double] = []
        if case .list(let items)? = invocation.value("marks") {
            marks = items.compactMap { if case .number(let x) = $0, x.isFinite { x } else { nil } }
            guard marks.count == items.count else { throw invocation.failure("marks must be finite numbers", argument: "marks") }
        }
        let markLabels = try oneStringEach("marklabels", for: marks.count, "mark", invocation)
        try saveFigureIfAsked(scanFigure(curve, points: shown, logx: logx, xLabel: xLabel, title: title, hidden: points.count - shown.count,
                                         marks: marks, markLabels: markLabels, score: name),
                              summary: "threshold scan", invocation)
        let balanced = !curve.hasEqualClasses
        let rows = points.map { i -> [Table.Cell] in
            let matrix = curve.confusion(at: i)
            return [.number(matrix.threshold), .number(matrix.accuracy)] + (balanced ? [.number(matrix.balancedAccuracy)] : [])
                + [.number(matrix.truePositiveRate), .number(matrix.falsePositiveRate)]
        }
        let bestMatrix = curve.confusion(at: best)
        let bestValue = balanced ? bestMatrix.balancedAccuracy : bestMatrix.accuracy
        return .table(Table(title: "threshold scan (\(curve.bestCriterion) \(Format.number(bestValue)) at \(NumberFormat.plain(bestMatrix.threshold)))",
                            columns: ["threshold", "accuracy"] + (balanced ? ["balanced_accuracy"] : []) + ["tpr", "fpr"], rows: rows))
    }

    private static func table(_ invocation: Invocation) throws -> Value {
        guard !invocation.extraKeywords.isEmpty else {
            throw invocation.failure("give at least one column as NAME=VALUE, e.g. table setup=[1, 2, 3]")
        }
        var columns: [(name: String, cells: [Table.Cell]?, scalar: Table.Cell?, span: SourceSpan)] = []
        for (name, value, span) in invocation.extraKeywords {
            switch value {
            case .number, .string, .bool:
                columns.append((name, nil, try cell(value, name, span), span))
            case .column(let c):
                columns.append((name, c.values.map { .number($0) }, nil, span))
            case .list(let items):
                var cells: [Table.Cell] = []
                for item in items { cells.append(try cell(item, name, span)) }
                columns.append((name, cells, nil, span))
            default:
                throw ScriptError.runtime("table: column '\(name)' is \(value.typeWithArticle); give a number, text, a list or a column", at: span)
            }
        }
        let rows = columns.compactMap { $0.cells?.count }.first ?? 1
        if let bad = columns.first(where: { ($0.cells?.count ?? rows) != rows }) {
            throw ScriptError.runtime("table: column '\(bad.name)' has \(bad.cells?.count ?? 0) entries, the first list has \(rows)", at: bad.span)
        }
        return .table(Table(title: try invocation.string("title"), columns: columns.map(\.name), rows: (0..<rows).map { r in
            columns.map { $0.cells?[r] ?? $0.scalar ?? .text("") }
        }))
    }

    private static func cell(_ value: Value, _ column: String, _ span: SourceSpan) throws(ScriptError) -> Table.Cell {
        switch value {
        case .number(let x): return .number(x)
        case .string(let s): return .text(s)
        case .bool(let b): return .text(b ? "true" : "false")
        default: throw ScriptError.runtime("table: column '\(column)' holds \(value.typeWithArticle); table cells are numbers or text", at: span)
        }
    }
}

/// What `confusion`, `roc` and `scan` score jets by, as their figures name it.
struct ScoreName {
    let name: String
    let unit: String?

    /// "loss > 1.2 GeV² per pixel": jets above the threshold are called anomalous.
    func rule(_ threshold: Double) -> String {
        "\(name) > \(value(threshold))"
    }

    /// A threshold to four significant digits with the unit: "5.457 GeV² per pixel".
    func value(_ threshold: Double) -> String {
        Format.number(threshold) + (unit.map { " \($0)" } ?? "")
    }

    /// The x-axis label of a threshold scan.
    var thresholdLabel: String {
        if let unit { return "\(name) threshold [\(unit)]" }
        return name == "score" ? "threshold" : "threshold on \(name)"
    }
}
