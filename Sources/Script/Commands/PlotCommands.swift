import Analysis
import Foundation
import JetData
import NeuralNet
import Plot

/// Commands that draw: hist, image, scatter, curve. Each takes save="file.svg"; without it
/// the figure is the command's value, shown (in a notebook report) or saved later with save.
extension CommandTable {
    static let plotCommands: [CommandSpec] = [
        CommandSpec(
            "hist", group: .plots,
            summary: "Histogram of one or more columns, overlaid with shared bins",
            details: "The bins span all columns (or range=). With one column, stats=true adds a box with μ ± σ/√N and σ ± σ/√(2N).",
            parameters: [
                .variadic("columns", .column, help: "the columns to histogram"),
                .keyword("bins", .integer(minimum: 1, maximum: 100_000), default: .number(50), help: "number of bins"),
                .keyword("labels", .list(.string), help: "legend entries, one per column (default: the columns' names when they differ)"),
                .keyword("xlabel", .string, help: "x-axis label (default: the first column's name)"),
                .keyword("ylabel", .string, default: .string("jets"), help: "y-axis label"),
                .keyword("logy", .bool, default: .bool(false), help: "logarithmic y axis"),
                .keyword("range", .list(.number), help: "[low, high] of the bins (default: the data's range)"),
                .keyword("stats", .bool, default: .bool(false), help: "show mean and width of the (single) column"),
                .keyword("title", .string, help: "figure title"),
                .saveFigure,
            ],
            examples: ["hist mass(parts.valid) mass(out) bins=100 labels=[\"Input\", \"Output\"] xlabel=\"m [GeV]\" save=\"figures/m_bg.svg\"",
                       "hist (residuals mass(bg) mass(out)) bins=100 stats=true save=\"figures/residual_m.svg\""],
            run: hist),
        CommandSpec(
            "image", group: .plots,
            summary: "Draw a jet image: the average image of a set, or one jet",
            details: "η runs left to right, φ bottom to top (+1.2 at the top), colour is pixel pT in GeV.",
            parameters: [
                .positional("jets", .jetsOrJet, help: "a jet set (its average image is drawn) or one jet, e.g. jets[3]"),
                .keyword("log", .bool, default: .bool(false), help: "logarithmic colour scale"),
                .keyword("title", .string, help: "figure title"),
                .saveFigure,
            ],
            examples: ["image (select jets signal=1) log=true save=\"figures/average_signal.svg\"", "image jets[l.argmax] save=\"figures/worst.svg\""],
            run: image),
        CommandSpec(
            "scatter", group: .plots,
            summary: "Scatter plot of one column against another",
            parameters: [
                .positional("x", .column, help: "horizontal values"),
                .positional("y", .column, help: "vertical values (same length)"),
                .keyword("xlabel", .string, help: "x-axis label (default: the column's name)"),
                .keyword("ylabel", .string, help: "y-axis label (default: the column's name)"),
                .keyword("diagonal", .bool, default: .bool(false), help: "draw the line y = x"),
                .keyword("title", .string, help: "figure title"),
                .saveFigure,
            ],
            examples: ["scatter mass(jets) jets.jet_mass diagonal=true save=\"figures/m_image_vs_file.svg\""],
            run: scatter),
        CommandSpec(
            "curve", group: .plots,
            summary: "Training and validation loss per epoch of a trained model",
            parameters: [
                .positional("model", .any, help: "a trained model (or its history)"),
                .keyword("logy", .bool, default: .bool(true), help: "logarithmic y axis"),
                .keyword("title", .string, help: "figure title"),
                .saveFigure,
            ],
            examples: ["curve ae save=\"figures/loss.svg\""],
            run: curve),
    ]

    // MARK: Drawing and saving

    /// The figure as the command's value, or, with save=, written to its file (and nothing
    /// returned but a note of where it went).
    static func finish(_ figure: Figure, summary: String, _ invocation: Invocation) throws -> Value {
        let drawn = try draw(figure, summary: summary)
        guard let path = try invocation.optionalString("save") else { return .figure(drawn) }
        try write(drawn, to: path, invocation)
        return .nothing
    }

    /// Draws `figure` for a command whose value is not the figure (confusion, roc, scan): only
    /// when save= is given, and then writes it.
    static func saveFigureIfAsked(_ figure: @autoclosure () -> Figure, summary: String, _ invocation: Invocation) throws {
        guard let path = try invocation.optionalString("save") else { return }
        try write(try draw(figure(), summary: summary), to: path, invocation)
    }

    static func draw(_ figure: Figure, summary: String) throws -> FigureValue {
        FigureValue(figure: figure, svg: try figure.svg(), summary: summary)
    }

    /// Writes a drawn figure (folders are created; the write is atomic), notes the file and
    /// says where it went.
    static func write(_ figure: FigureValue, to path: String, _ invocation: Invocation) throws {
        let place = invocation.span(invocation.isGiven("save") ? "save" : "file")
        do {
            try figure.figure.write(to: URL(fileURLWithPath: try FileWriting.prepare(path)))
        } catch let error as ScriptError {
            throw ScriptError(.io, "\(invocation.spec.name): \(error.message)", at: place)
        } catch {
            throw ScriptError(.io, "\(invocation.spec.name): \(error)", at: place)
        }
        invocation.wrote(path)
        invocation.print("wrote \(path)")
    }

    // MARK: Commands

    private static func hist(_ invocation: Invocation) throws -> Value {
        let columns = invocation.variadic.compactMap { entry -> Column? in
            if case .column(let c) = entry.value { return c }
            return nil
        }
        guard !columns.isEmpty else { throw invocation.failure("give at least one column to histogram") }
        let bins = try invocation.integer("bins")
        let edges: [Double]
        if let range = invocation.value("range") {
            guard case .list(let ends) = range, ends.count == 2, case .number(let low) = ends[0], case .number(let high) = ends[1], low < high else {
                throw invocation.failure("range must be [low, high] with low < high", argument: "range")
            }
            edges = try Bins.edges(from: low, to: high, count: bins)
        } else {
            let ranges = columns.compactMap { Bins.range(of: $0.values) }
            guard let low = ranges.map(\.lowerBound).min(), let high = ranges.map(\.upperBound).max() else {
                throw invocation.failure("the columns have no finite values to histogram")
            }
            // A single repeated value still gets a bin around it.
            edges = try Bins.edges(from: low < high ? low : low - 0.5, to: low < high ? high : high + 0.5, count: bins)
        }
        var labels: [String?] = columns.count > 1 && Set(columns.map(\.name)).count == columns.count ? columns.map(\.name) : columns.map { _ in nil }
        if let given = invocation.value("labels") {
            guard case .list(let items) = given, items.count == columns.count else {
                throw invocation.failure("labels has \(invocation.value("labels").flatMap { if case .list(let l) = $0 { l.count } else { nil } } ?? 0) entries for \(columns.count) columns", argument: "labels")
            }
            labels = items.map { if case .string(let s) = $0 { s } else { nil } }
        }
        var axes = Axes(title: try invocation.optionalString("title"), xLabel: try invocation.optionalString("xlabel") ?? columns[0].name,
                        yLabel: try invocation.string("ylabel"), yScale: try invocation.bool("logy") ? .log : .linear)
        for (column, label) in zip(columns, labels) {
            axes.addHistogram(try Bins.counts(column.values, edges: edges), edges: edges, label: label)
        }
        if try invocation.bool("stats") {
            guard columns.count == 1 else { throw invocation.failure("stats=true shows one column's mean and width; give one column", argument: "stats") }
            let s = columns[0].statistics
            axes.textBoxes.append(.meanAndWidth(mean: s.mean, meanError: s.meanError, sigma: s.std, sigmaError: s.stdError))
        }
        let what = columns.count == 1 ? columns[0].name : "\(columns.count) columns"
        return try finish(Figure(axes), summary: "histogram of \(what), \(bins) bins", invocation)
    }

    private static func image(_ invocation: Invocation) throws -> Value {
        let scale: Scale = try invocation.bool("log") ? .log : .linear
        switch invocation.value("jets") {
        case .jet(let jet)?:
            let title = try invocation.optionalString("title") ?? "jet \(jet.position) (\(jet.view.isSignal(0) ? "signal" : "background"))"
            let axes = Axes.jetImage(Array(jet.view.image(0)), title: title, colourScale: scale)
            return try finish(Figure(axes), summary: "image of \(title)", invocation)
        default:
            throw invocation.failure("the average image of a jet set is not available yet: it needs an average-image function in the JetData module; draw one jet with image jets[i]",
                                     argument: "jets")
        }
    }

    private static func scatter(_ invocation: Invocation) throws -> Value {
        let x = try invocation.column("x"), y = try invocation.column("y")
        guard x.count == y.count else {
            throw invocation.failure("x has \(Format.count(x.count)) values but y has \(Format.count(y.count)); they must be the same jets", argument: "y")
        }
        var axes = Axes(title: try invocation.optionalString("title"), xLabel: try invocation.optionalString("xlabel") ?? x.name,
                        yLabel: try invocation.optionalString("ylabel") ?? y.name)
        axes.addScatter(x: x.values, y: y.values, size: 2, opacity: 0.6)
        if try invocation.bool("diagonal") { axes.addReferenceLine(label: "$y = x$") }
        return try finish(Figure(axes), summary: "scatter of \(y.name) against \(x.name)", invocation)
    }

    private static func curve(_ invocation: Invocation) throws -> Value {
        let history: TrainingHistory
        switch invocation.value("model") {
        case .model(let model)?:
            guard let trained = model.model.history else { throw invocation.failure("the model has not been trained yet", argument: "model") }
            history = trained
        case .history(let given)?:
            history = given
        default:
            throw invocation.failure("expected a model or its history, got \(invocation.value("model")?.typeWithArticle ?? "nothing")", argument: "model")
        }
        guard history.epochs > 0 else { throw invocation.failure("the training history has no epochs", argument: "model") }
        var axes = Axes(title: try invocation.optionalString("title"), xLabel: "epoch", yLabel: "loss [GeV² per pixel]",
                        yScale: try invocation.bool("logy") ? .log : .linear)
        axes.x.integerTicks = true
        let epochs = (1...history.epochs).map(Double.init)
        axes.addLine(x: epochs, y: history.trainLoss, label: "training", markerSize: 4)
        if !history.validLoss.isEmpty {
            axes.addLine(x: Array(epochs.prefix(history.validLoss.count)), y: history.validLoss, label: "validation", markerSize: 4)
        }
        return try finish(Figure(axes), summary: "loss curve of \(history.epochs) epochs", invocation)
    }

    // MARK: Figures of the analysis commands

    static func confusionFigure(_ matrix: ConfusionMatrix) -> Figure {
        Figure(Axes.confusionMatrix(truePositive: matrix.truePositives, falseNegative: matrix.falseNegatives,
                                    falsePositive: matrix.falsePositives, trueNegative: matrix.trueNegatives,
                                    title: "threshold \(NumberFormat.plain(matrix.threshold)), accuracy \(Format.number(matrix.accuracy))"),
               width: 400, height: 345.6)
    }

    static func rocFigure(_ curve: ROCCurve) -> Figure {
        var axes = Axes(xLabel: "false positive rate", yLabel: "true positive rate", legend: .lowerRight)
        axes.x.limits = 0...1
        axes.y.limits = 0...1
        let points = curve.sampledIndices(count: 2000, keep: [curve.bestAccuracyIndex])
        axes.addLine(x: points.map { curve.falsePositiveRate[$0] }, y: points.map { curve.truePositiveRate[$0] },
                     label: "AUC = \(Format.number(curve.auc, digits: 3))")
        axes.addReferenceLine(label: "random guess")
        return Figure(axes)
    }

    static func scanFigure(_ curve: ROCCurve, points: [Int]) -> Figure {
        var axes = Axes(xLabel: "threshold", yLabel: "fraction of jets")
        axes.y.limits = 0...1.02
        let x = points.map { curve.thresholds[$0] }
        axes.addLine(x: x, y: points.map { curve.accuracy[$0] }, label: "accuracy")
        axes.addLine(x: x, y: points.map { curve.truePositiveRate[$0] }, label: "true positive rate", dash: .dashed)
        axes.addLine(x: x, y: points.map { curve.falsePositiveRate[$0] }, label: "false positive rate", dash: .dotted)
        return Figure(axes)
    }
}
