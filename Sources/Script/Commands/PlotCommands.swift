import Analysis
import Foundation
import JetData
import NeuralNet
import Plot

/// Commands that draw: hist, image, scatter, curve, grid. Each takes save="file.svg"; without it
/// the figure is the command's value, shown (in a notebook report) or saved later with save.
extension CommandTable {
    static let plotCommands: [CommandSpec] = [
        CommandSpec(
            "hist", group: .plots,
            summary: "Histogram of one or more columns, overlaid with shared bins",
            details: "The bins span all columns (or range=; values outside it are not drawn but counted in a box, as under- and overflow; so are NaN and infinite values). With one column, stats=true adds a box with μ ± σ/√N and σ ± σ·√(κ − 1)/(2√N) (κ the kurtosis) of all its values.",
            parameters: [
                .variadic("columns", .column, help: "the columns to histogram"),
                .keyword("bins", .integer(minimum: 1, maximum: 100_000), default: .number(50), help: "number of bins (exactly, with range=; else about this many, of a nice width)"),
                .keyword("labels", .list(.string), help: "legend entries, one per column (default: the columns' names when they differ, else the columns as written, e.g. mass(sig) and mass(bkg))"),
                .keyword("xlabel", .string, help: "x-axis label (default: the first column's name, with its unit: jet_mass [GeV])"),
                .keyword("ylabel", .string, help: "y-axis label (default: jets per bin width, as 'jets / 2 GeV'; with density=true, 1/N dN/dx with the inverse unit)"),
                .keyword("logy", .bool, default: .bool(false), help: "logarithmic y axis"),
                .keyword("logx", .bool, default: .bool(false), help: "logarithmic x axis with bins of equal width in log x (values ≤ 0 are left out)"),
                .keyword("density", .bool, default: .bool(false), help: "normalise each histogram to unit area (to compare samples of different sizes), with √N error bars"),
                .keyword("range", .list(.number), help: "[low, high] of the bins, kept exactly (default: the data's range, widened to edges on multiples of a width of 1, 2, 2.5 or 5 × 10ⁿ)"),
                .keyword("stats", .bool, default: .bool(false), help: "show mean and width of the (single) column"),
                .keyword("title", .string, help: "figure title"),
                .saveFigure,
            ],
            examples: ["hist mass(parts.valid) mass(out) bins=100 labels=[\"Input\", \"Output\"] xlabel=\"m [GeV]\" save=\"figures/m_bg.svg\"",
                       "hist (residuals mass(bg) mass(out)) bins=100 stats=true save=\"figures/residual_m.svg\""],
            result: .figureUnlessSaved, run: hist),
        CommandSpec(
            "image", group: .plots,
            summary: "Draw jet images: the average image of a set, or one jet; several side by side",
            details: "η runs left to right, φ bottom to top (+1.2 at the top), colour is pixel pT in GeV. Several images (an input jet beside its reconstruction, signal beside background) go in one row of panels with one colour range, so equal colours mean equal pT. Negative pixels (reconstructed images have them) extend a linear colour range below zero; a log scale cannot show them, leaves them blank and says how many in its colour bar.",
            parameters: [
                .variadic("jets", .jetsOrJet, help: "jet sets (their average images are drawn) or single jets, e.g. jets[3]"),
                .keyword("log", .bool, default: .bool(false), help: "logarithmic colour scale"),
                .keyword("titles", .list(.string), help: "one title per panel (default: what each image is)"),
                .keyword("columns", .integer(minimum: 1, maximum: 8), help: "panels per row (default: all in one row)"),
                .keyword("title", .string, help: "figure title"),
                .saveFigure,
            ],
            examples: ["image (select jets signal=1) log=true save=\"figures/average_signal.svg\"",
                       "image jets[l.argmax] out[l.argmax] titles=[\"input\", \"output\"] save=\"figures/worst.svg\""],
            result: .figureUnlessSaved, run: image),
        CommandSpec(
            "scatter", group: .plots,
            summary: "Scatter plot of one column against another",
            parameters: [
                .positional("x", .column, help: "horizontal values"),
                .positional("y", .column, help: "vertical values (same length)"),
                .keyword("xlabel", .string, help: "x-axis label (default: the column's name, with its unit)"),
                .keyword("ylabel", .string, help: "y-axis label (default: the column's name, with its unit)"),
                .keyword("diagonal", .bool, default: .bool(false), help: "draw the line y = x"),
                .keyword("title", .string, help: "figure title"),
                .saveFigure,
            ],
            examples: ["scatter mass(jets) jets.jet_mass diagonal=true save=\"figures/m_image_vs_file.svg\""],
            result: .figureUnlessSaved, run: scatter),
        CommandSpec(
            "hist2d", group: .plots,
            summary: "2D histogram of one column against another: jets per cell as colour",
            details: "For many jets, where a scatter plot saturates. Empty cells stay blank; jets outside range= and jets with a NaN or infinite value are counted in a box. With equal x and y ranges (one quantity two ways) the cells are square and y = x runs at 45°.",
            parameters: [
                .positional("x", .column, help: "horizontal values"),
                .positional("y", .column, help: "vertical values (same length)"),
                .keyword("bins", .integer(minimum: 1, maximum: 1000), default: .number(50),
                         help: "bins along each axis (exactly, with range=; else about this many, of a nice width)"),
                .keyword("range", .list(.number), help: "[xlow, xhigh, ylow, yhigh] of the bins, kept exactly (default: each column's range, widened to edges on multiples of a width of 1, 2, 2.5 or 5 × 10ⁿ; with diagonal=true both columns' range on both axes)"),
                .keyword("log", .bool, default: .bool(false), help: "logarithmic colour scale"),
                .keyword("diagonal", .bool, default: .bool(false), help: "draw the line y = x (without range=, on the same bins along both axes)"),
                .keyword("xlabel", .string, help: "x-axis label (default: the column's name, with its unit)"),
                .keyword("ylabel", .string, help: "y-axis label (default: the column's name, with its unit)"),
                .keyword("title", .string, help: "figure title"),
                .saveFigure,
            ],
            examples: ["hist2d mass(bg) bg.jet_mass range=[50, 110, 50, 110] bins=60 diagonal=true save=\"figures/m_image_vs_stored.svg\""],
            result: .figureUnlessSaved, run: hist2d),
        CommandSpec(
            "curve", group: .plots,
            summary: "Loss per epoch of trained models, or ROC curves, overlaid in one figure",
            details: "One model: its training and validation loss. Several models: one colour each, validation loss solid and training loss dashed, so the setups can be compared. ROC curves (values of roc): overlaid with their AUCs and the diagonal of a random guess.",
            parameters: [
                .variadic("curves", .any, help: "trained models (or their histories), or ROC curves"),
                .keyword("labels", .list(.string), help: "legend entries, one per curve (default: training/validation for one model; for several, their variables' names; each ROC curve's label= or its AUC alone)"),
                .keyword("logy", .bool, default: .bool(true), help: "logarithmic y axis (loss curves)"),
                .keyword("title", .string, help: "figure title"),
                .saveFigure,
            ],
            examples: ["curve ae save=\"figures/loss.svg\"",
                       "curve ae1 ae2 ae3 labels=[\"setup 1\", \"setup 2\", \"setup 3\"] save=\"figures/loss_setups.svg\"",
                       "curve r1 r2 r3 rtau labels=[\"setup 1\", \"setup 2\", \"setup 3\", \"−τ21\"] save=\"figures/roc.svg\""],
            result: .figureUnlessSaved, run: curve),
        CommandSpec(
            "grid", group: .plots,
            summary: "Put figures side by side: the panels of each, in a grid",
            details: "The figures come from plotting commands without save= (fig = hist …). Panels fill the grid row by row, in the order given; each keeps its own axes, legend and text boxes.",
            parameters: [
                .variadic("figures", .figure, help: "the figures whose panels to arrange"),
                .keyword("columns", .integer(minimum: 1, maximum: 8), default: .number(2), help: "panels per row"),
                .keyword("title", .string, help: "figure title"),
                .saveFigure,
            ],
            examples: ["m = hist mass(bg) mass(out) xlabel=\"m [GeV]\"; p = hist pt(bg) pt(out) xlabel=\"pT [GeV]\"",
                       "grid m p columns=2 title=\"setup 3, background\" save=\"figures/kinematics_bg.svg\""],
            result: .figureUnlessSaved, run: grid),
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
        let destination: FileWriting.Destination
        do {
            destination = try FileWriting.destination(for: path)
        } catch {
            throw ScriptError(.io, "\(invocation.spec.name): \(error.message)", at: place)
        }
        do {
            try figure.figure.write(to: URL(fileURLWithPath: destination.path), shouldStop: { invocation.interruption.isRequested })
        } catch is FigureWriteStopped {
            destination.abandon()
            throw ScriptError(.interrupted, "\(invocation.spec.name): stopped by Ctrl-C; \(path) was not written", at: place)
        } catch {
            destination.abandon()
            throw ScriptError(.io, "\(invocation.spec.name): \(error)", at: place)
        }
        invocation.wrote(path)
        invocation.print("wrote \(path)")
    }

    // MARK: Commands

    private static func hist(_ invocation: Invocation) throws -> Value {
        let entries = invocation.variadic.compactMap { entry -> (column: Column, text: String?)? in
            if case .column(let c) = entry.value { return (c, entry.text) }
            return nil
        }
        let columns = entries.map(\.column)
        guard !columns.isEmpty else { throw invocation.failure("give at least one column to histogram") }
        let bins = try invocation.integer("bins")
        let logx = try invocation.bool("logx")
        let low: Double, high: Double
        if let range = invocation.value("range") {
            guard case .list(let ends) = range, ends.count == 2, case .number(let a) = ends[0], case .number(let b) = ends[1],
                  a.isFinite, b.isFinite, a < b else {
                throw invocation.failure("range must be [low, high] of finite numbers with low < high; got \(range.summary)", argument: "range")
            }
            guard !logx || a > 0 else { throw invocation.failure("with logx=true the range must be positive; got \(range.summary)", argument: "range") }
            (low, high) = (a, b)
        } else {
            let ranges = columns.compactMap { Bins.range(of: logx ? $0.values.filter { $0 > 0 } : $0.values) }
            guard let a = ranges.map(\.lowerBound).min(), let b = ranges.map(\.upperBound).max() else {
                throw invocation.failure(logx ? "the columns have no positive values to histogram on a log axis" : "the columns have no finite values to histogram")
            }
            (low, high) = a < b ? (a, b) : logx ? (a / 2, b * 2) : widened(a)
        }
        try checkWidth(low, high, axis: "", invocation)
        // The data's range gets nice bins (width 1, 2, 2.5 or 5 × 10ⁿ on multiples of it); a
        // given range= is kept exactly, and log bins are equal in log x.
        let edges = logx ? try Bins.logEdges(from: low, to: high, count: bins)
            : invocation.isGiven("range") ? try Bins.edges(from: low, to: high, count: bins)
            : try Bins.niceEdges(covering: low, high, about: bins)
        let binWidth = (edges[edges.count - 1] - edges[0]) / Double(edges.count - 1)
        var labels = defaultLabels(entries)
        if let given = try oneStringEach("labels", for: columns.count, "column", invocation) { labels = given }
        let density = try invocation.bool("density")
        let unit = columns.allSatisfy { $0.unit == columns[0].unit } ? columns[0].unit : nil
        // The first column's name, with the unit only when every column has it.
        let xLabel = unit == nil ? columns[0].name : columns[0].label
        var axes = Axes(title: try invocation.optionalString("title"), xLabel: try invocation.optionalString("xlabel") ?? xLabel,
                        yLabel: try invocation.optionalString("ylabel") ?? countLabel(density: density, logx: logx, binWidth: binWidth, unit: unit),
                        xScale: logx ? .log : .linear, yScale: try invocation.bool("logy") ? .log : .linear)
        // Counts of jets are whole numbers: no ticks at 2.5 jets.
        axes.y.integerTicks = !density
        for (column, label) in zip(columns, labels) {
            let counts = try Bins.counts(column.values, edges: edges)
            if density {
                axes.addHistogram(try Bins.density(counts, edges: edges), edges: edges,
                                  errors: try Bins.densityErrors(counts, edges: edges), label: label, style: .step)
            } else {
                axes.addHistogram(counts, edges: edges, label: label)
            }
        }
        // As ROOT's under- and overflow: values the bins leave out are counted, not lost —
        // outside a given range, ≤ 0 on a log axis, and NaN or infinite (in no bin, whatever
        // the range).
        var lines: [String] = []
        for (column, label) in zip(columns, labels) {
            var parts: [String] = []
            let finite = column.values.filter(\.isFinite)
            let nonPositive = logx ? finite.filter { $0 <= 0 }.count : 0
            if nonPositive > 0 { parts.append("\(Format.count(nonPositive)) ≤ 0 (not on a log axis)") }
            let below = finite.filter { $0 < low && !(logx && $0 <= 0) }.count
            let above = finite.filter { $0 > high }.count
            if below + above > 0 { parts.append("\(Format.count(below)) below, \(Format.count(above)) above the range") }
            let notFinite = column.values.count - finite.count
            if notFinite > 0 { parts.append("\(Format.count(notFinite)) NaN or infinite") }
            guard !parts.isEmpty else { continue }
            let counts = parts.joined(separator: "; ")
            lines.append(columns.count > 1 ? "\(label ?? column.name): \(counts)" : counts)
        }
        if !lines.isEmpty { axes.addTextBox(lines) }
        if try invocation.bool("stats") {
            guard columns.count == 1 else { throw invocation.failure("stats=true shows one column's mean and width; give one column", argument: "stats") }
            let s = columns[0].statistics
            var box = TextBox.meanAndWidth(mean: s.mean, meanError: s.meanError, sigma: s.std, sigmaError: s.stdError)
            // One box with the counts left out, as ROOT's statistics box: two boxes seldom
            // fit side by side above the peak.
            if let counts = axes.textBoxes.popLast() { box.lines += counts.lines }
            axes.textBoxes.append(box)
        }
        let what = columns.count == 1 ? columns[0].name : "\(columns.count) columns"
        return try finish(Figure(axes), summary: "histogram of \(what), \(edges.count - 1) bins", invocation)
    }

    private static func image(_ invocation: Invocation) throws -> Value {
        let scale: Scale = try invocation.bool("log") ? .log : .linear
        var pictures: [(pixels: [Double], title: String)] = []
        for entry in invocation.variadic {
            switch entry.value {
            case .jet(let jet):
                let kind = jet.view.isSignal(0) ? "signal" : "background"
                let reconstructed = jet.view.origin.hasPrefix("reconstruct of") ? ", reconstructed" : ""
                pictures.append((jet.view.image(0).map(Double.init), "jet \(jet.position) (\(kind))\(reconstructed)"))
            case .jets(let set):
                guard !set.isEmpty else { throw invocation.failure("the jet set is empty; an average image needs at least one jet", argument: "jets") }
                pictures.append((set.averageImage(), "average of \(Format.count(set.count)) jets"))
            default:
                throw invocation.failure("expected a jet set or one jet, got \(entry.value.typeWithArticle)", argument: "jets")
            }
        }
        guard !pictures.isEmpty else { throw invocation.failure("give a jet set or a jet to draw") }
        if let titles = try oneStringEach("titles", for: pictures.count, "image", invocation) {
            for (i, title) in titles.enumerated() { pictures[i].title = title }
        }
        let title = try invocation.optionalString("title")
        if pictures.count == 1 {
            let axes = Axes.jetImage(pictures[0].pixels, title: title ?? pictures[0].title, colourScale: scale,
                                     colourBarLabel: colourBarLabel(pictures[0].pixels, scale: scale))
            return try finish(Figure(axes), summary: "image of \(pictures[0].title)", invocation)
        }
        let range = sharedColourRange(pictures.map(\.pixels), scale: scale)
        let panels = pictures.map {
            Axes.jetImage($0.pixels, title: $0.title, colourScale: scale, range: range, colourBarLabel: colourBarLabel($0.pixels, scale: scale))
        }
        let columns = min(panels.count, try invocation.optionalNumber("columns").map { Int($0) } ?? panels.count)
        let rows = (panels.count + columns - 1) / columns
        let figure = Figure(rows: rows, columns: columns, panels: panels, title: title,
                            width: 300 * Double(columns), height: 260 * Double(rows) + (title == nil ? 0 : 20))
        return try finish(figure, summary: "\(panels.count) images: \(pictures.map(\.title).joined(separator: ", "))", invocation)
    }

    /// The colour bar's label. A log scale cannot show negative pixels (a reconstructed image
    /// has them), so it says how many it leaves blank rather than pass them off as empty.
    private static func colourBarLabel(_ pixels: [Double], scale: Scale) -> String {
        let negative = pixels.filter { $0 < 0 }.count
        guard scale == .log, negative > 0 else { return Axes.pixelPtLabel }
        return "\(Axes.pixelPtLabel); \(Format.count(negative)) pixel\(negative == 1 ? "" : "s") < 0 blank"
    }

    /// One colour range for images shown side by side, as one image of all their pixels
    /// would get (see `ImageSeries.automaticRange`): so equal colours mean equal pT. Nil
    /// when nothing is positive (each panel then falls back to its own).
    private static func sharedColourRange(_ images: [[Double]], scale: Scale) -> ClosedRange<Double>? {
        let values = Array(images.joined())
        guard let high = values.filter(\.isFinite).max(), high > 0 else { return nil }
        return ImageSeries.automaticRange(of: values, scale: scale)
    }

    /// The y label of a histogram: jets per bin width ("jets / 2 GeV", "jets / 0.01"), jets per
    /// bin on a log axis, or 1/N dN/dx with the inverse unit for densities.
    private static func countLabel(density: Bool, logx: Bool, binWidth: Double, unit: String?) -> String {
        if density { return "1/N dN/dx" + (unit.map { " [1/\($0)]" } ?? "") }
        if logx { return "jets per bin" }
        return "jets / " + widthText(binWidth) + (unit.map { " " + $0 } ?? "")
    }

    /// A bin width as a label reads it: four significant digits, and a tiny or huge one as
    /// 1e-09 or 2.5e+12 rather than 1.000e-09.
    static func widthText(_ width: Double) -> String {
        let magnitude = abs(width)
        return magnitude >= 1e-4 && magnitude < 1e6 ? Format.number(width) : String(format: "%.4g", width)
    }

    /// Legend entries for overlaid columns: their names when those differ; otherwise their
    /// expressions as written (`mass(sig)`, `mass(bkg)`), so that two samples of one
    /// quantity are told apart, even when one is written twice; none for a single column.
    private static func defaultLabels(_ entries: [(column: Column, text: String?)]) -> [String?] {
        guard entries.count > 1 else { return [nil] }
        let names = entries.map(\.column.name)
        if Set(names).count == names.count { return names }
        return entries.map { $0.text ?? $0.column.name }
    }

    /// The list of strings given as `name` (labels=, titles=), which must have one for each of
    /// the `count` things drawn; nil when not given.
    static func oneStringEach(_ name: String, for count: Int, _ thing: String, _ invocation: Invocation) throws -> [String]? {
        guard case .list(let items)? = invocation.value(name) else { return nil }
        guard items.count == count else {
            throw invocation.failure("\(name) has \(Format.count(items.count, "entry", plural: "entries")) for \(Format.count(count, thing))", argument: name)
        }
        return items.map { if case .string(let s) = $0 { s } else { "" } }
    }

    private static func grid(_ invocation: Invocation) throws -> Value {
        let panels = invocation.variadic.flatMap { entry -> [Axes] in
            if case .figure(let figure) = entry.value { return figure.figure.panels }
            return []
        }
        guard !panels.isEmpty else { throw invocation.failure("give at least one figure") }
        let columns = min(try invocation.integer("columns"), panels.count)
        let rows = (panels.count + columns - 1) / columns
        let figure = Figure(rows: rows, columns: columns, panels: panels, title: try invocation.optionalString("title"))
        return try finish(figure, summary: "\(panels.count) panels in \(rows)×\(columns)", invocation)
    }

    private static func scatter(_ invocation: Invocation) throws -> Value {
        let x = try invocation.column("x"), y = try invocation.column("y")
        guard x.count == y.count else {
            throw invocation.failure("x has \(Format.count(x.count)) values but y has \(Format.count(y.count)); they must be the same jets", argument: "y")
        }
        var axes = Axes(title: try invocation.optionalString("title"), xLabel: try invocation.optionalString("xlabel") ?? x.label,
                        yLabel: try invocation.optionalString("ylabel") ?? y.label)
        axes.addScatter(x: x.values, y: y.values, size: 2, opacity: 0.6)
        if try invocation.bool("diagonal") { axes.addReferenceLine(label: "$y = x$") }
        return try finish(Figure(axes), summary: "scatter of \(y.name) against \(x.name)", invocation)
    }

    /// The range of bins around a single repeated value: ± 0.5, or more beside a large value,
    /// where ± 0.5 is the value again (1e17 + 0.5 == 1e17).
    private static func widened(_ value: Double) -> (Double, Double) {
        let pad = max(0.5, abs(value) * 1e-3)
        return (value - pad, value + pad)
    }

    /// Bins need a width high − low that is a number: [-1e308, 1e308] spans more than the
    /// largest one. `axis` is "x" or "y" for hist2d, empty for hist.
    private static func checkWidth(_ low: Double, _ high: Double, axis: String, _ invocation: Invocation) throws {
        guard !(high - low).isFinite else { return }
        if invocation.isGiven("range") {
            let form = axis.isEmpty ? "[low, high]" : "[xlow, xhigh, ylow, yhigh]"
            throw invocation.failure("range must be \(form) with \(axis)high − \(axis)low at most about 1.8e308 (the largest number), "
                                     + "got \(axis)low \(NumberFormat.plain(low)) and \(axis)high \(NumberFormat.plain(high))", argument: "range")
        }
        throw invocation.failure("the \(axis.isEmpty ? "" : axis + " ")values run from \(NumberFormat.plain(low)) to \(NumberFormat.plain(high)), further apart than the largest number (about 1.8e308); give range= to choose the bins")
    }

    private static func hist2d(_ invocation: Invocation) throws -> Value {
        let x = try invocation.column("x"), y = try invocation.column("y")
        guard x.count == y.count else {
            throw invocation.failure("x has \(Format.count(x.count)) values but y has \(Format.count(y.count)); they must be the same jets", argument: "y")
        }
        let diagonal = try invocation.bool("diagonal")
        let xRange: ClosedRange<Double>, yRange: ClosedRange<Double>
        if let given = invocation.value("range") {
            guard case .list(let items) = given, items.count == 4 else {
                throw invocation.failure("range must be [xlow, xhigh, ylow, yhigh]; got \(given.summary)", argument: "range")
            }
            let ends = items.compactMap { if case .number(let v) = $0, v.isFinite { v } else { nil } }
            guard ends.count == 4, ends[0] < ends[1], ends[2] < ends[3] else {
                throw invocation.failure("range must be [xlow, xhigh, ylow, yhigh] of finite numbers with low < high; got \(given.summary)", argument: "range")
            }
            (xRange, yRange) = (ends[0]...ends[1], ends[2]...ends[3])
        } else {
            // Only pairs with both coordinates finite count; a single value gets a bin around it.
            let pairs = zip(x.values, y.values).filter { $0.0.isFinite && $0.1.isFinite }
            guard let xr = Bins.range(of: pairs.map(\.0)), let yr = Bins.range(of: pairs.map(\.1)) else {
                throw invocation.failure("the columns have no pair of finite values to histogram")
            }
            func widened(_ r: ClosedRange<Double>) -> ClosedRange<Double> {
                guard r.lowerBound == r.upperBound else { return r }
                let (low, high) = Self.widened(r.lowerBound)
                return low...high
            }
            if diagonal {
                // One quantity two ways: both axes get the same bins, over both columns, so
                // the cells are square and y = x runs at 45°.
                let both = widened(min(xr.lowerBound, yr.lowerBound)...max(xr.upperBound, yr.upperBound))
                (xRange, yRange) = (both, both)
            } else {
                (xRange, yRange) = (widened(xr), widened(yr))
            }
        }
        try checkWidth(xRange.lowerBound, xRange.upperBound, axis: "x", invocation)
        try checkWidth(yRange.lowerBound, yRange.upperBound, axis: "y", invocation)
        let bins = try invocation.integer("bins")
        // As hist: the data's range gets nice bins on each axis (width 1, 2, 2.5 or 5 × 10ⁿ on
        // multiples of it, the count nearest bins=; with diagonal=true the same on both); a
        // given range= is kept exactly.
        func edges(_ range: ClosedRange<Double>) throws -> [Double] {
            invocation.isGiven("range") ? try Bins.edges(from: range.lowerBound, to: range.upperBound, count: bins)
                : try Bins.niceEdges(covering: range.lowerBound, range.upperBound, about: bins)
        }
        let xEdges = try edges(xRange), yEdges = try edges(yRange)
        let xBins = xEdges.count - 1, yBins = yEdges.count - 1
        let xSpan = xEdges[xBins] - xEdges[0], ySpan = yEdges[yBins] - yEdges[0]
        let counts = try Bins.counts2D(x: x.values, y: y.values, xEdges: xEdges, yEdges: yEdges)
        let equalSpans = abs(xSpan - ySpan) <= 1e-9 * xSpan
        // Rows from the top, as an image: the highest y bin first.
        let image = ImageSeries(pixels: Array(counts.reversed().joined()), rows: yBins, columns: xBins,
                                extent: ImageExtent(x: xEdges[0]...xEdges[xBins], y: yEdges[0]...yEdges[yBins]),
                                colourScale: try invocation.bool("log") ? .log : .linear,
                                colourBarLabel: "jets per cell", keepsAspect: equalSpans)
        var axes = Axes.image(image, title: try invocation.optionalString("title"),
                              xLabel: try invocation.optionalString("xlabel") ?? x.label, yLabel: try invocation.optionalString("ylabel") ?? y.label)
        if diagonal { axes.addReferenceLine(label: "$y = x$") }
        // As hist: jets in no cell are counted, not lost — outside the range, and with a NaN
        // or infinite coordinate. A 2D histogram has no empty corner for a box, so the counts
        // are notes above the cells.
        let counted = Int(counts.joined().reduce(0, +))
        let finite = zip(x.values, y.values).filter { $0.0.isFinite && $0.1.isFinite }.count
        var parts: [String] = []
        if counted < finite { parts.append("\(Format.count(finite - counted)) of \(Format.count(finite)) jets outside the range") }
        if finite < x.count { parts.append("\(Format.count(x.count - finite)) with a NaN or infinite value") }
        axes.notes = parts
        return try finish(Figure(axes), summary: "2D histogram of \(y.name) against \(x.name), \(xBins)×\(yBins) bins", invocation)
    }

    private static func curve(_ invocation: Invocation) throws -> Value {
        let entries = invocation.variadic
        guard !entries.isEmpty else { throw invocation.failure("give a trained model or a ROC curve to draw") }
        let labels = try oneStringEach("labels", for: entries.count, "curve", invocation)
        let title = try invocation.optionalString("title")
        if case .roc? = entries.first?.value {
            let curves = try entries.map { entry -> ROCCurve in
                switch entry.value {
                case .roc(let curve):
                    return curve
                case .model, .history:
                    throw mixedCurves(entry.value, after: entries[0].value, at: entry.span)
                default:
                    throw ScriptError.runtime("curve: expected ROC curves only (values of roc), got \(entry.value.typeWithArticle)", at: entry.span)
                }
            }
            // Without labels=, each curve's own label (roc … label=).
            let figure = rocFigure(zip(curves, labels ?? curves.map { $0.label ?? "" }).map { ($0, $1) }, title: title)
            return try finish(figure, summary: "\(curves.count) ROC curve\(curves.count == 1 ? "" : "s")", invocation)
        }
        let histories = try entries.map { entry -> TrainingHistory in
            switch entry.value {
            case .model(let model):
                guard let trained = model.model.history else {
                    throw ScriptError.runtime("curve: the model has not been trained yet", at: entry.span)
                }
                guard trained.epochs > 0 else { throw ScriptError.runtime("curve: the training history has no epochs", at: entry.span) }
                return trained
            case .history(let given):
                guard given.epochs > 0 else { throw ScriptError.runtime("curve: the training history has no epochs", at: entry.span) }
                return given
            case .roc:
                throw mixedCurves(entry.value, after: entries[0].value, at: entry.span)
            default:
                throw ScriptError.runtime("curve: expected a model or its history, or ROC curves, got \(entry.value.typeWithArticle)", at: entry.span)
            }
        }
        var axes = Axes(title: title, xLabel: "epoch", yLabel: "loss [GeV² per pixel]",
                        yScale: try invocation.bool("logy") ? .log : .linear)
        axes.x.integerTicks = true
        if histories.count == 1, let history = histories.first {
            let epochs = (1...history.epochs).map(Double.init)
            let name = labels?.first.map { $0.isEmpty ? "" : "\($0), " } ?? ""
            axes.addLine(x: epochs, y: history.trainLoss, label: name + "training", markerSize: 4)
            if let valid = validation(history) {
                axes.addLine(x: valid.epochs, y: valid.losses, label: name + "validation", markerSize: 4)
            }
        } else {
            for (k, history) in histories.enumerated() {
                let epochs = (1...history.epochs).map(Double.init)
                let colour = Colour.tab10[k % Colour.tab10.count]
                let name = labels?[k] ?? entries[k].variable ?? entries[k].text ?? "model \(k + 1)"
                axes.addLine(x: epochs, y: history.trainLoss, label: "\(name), training", colour: colour, dash: .dashed, markerSize: 3)
                if let valid = validation(history) {
                    axes.addLine(x: valid.epochs, y: valid.losses, label: "\(name), validation", colour: colour, markerSize: 4)
                }
            }
        }
        let summary = histories.count == 1 ? "loss curve of \(Format.count(histories[0].epochs, "epoch"))" : "loss curves of \(histories.count) models"
        return try finish(Figure(axes), summary: summary, invocation)
    }

    /// The validation losses by epoch, or nil when no epoch has one; the epochs of a fit
    /// without validation (a model fitted again without valid=) stay NaN, where the line
    /// breaks rather than joining its neighbours across them.
    private static func validation(_ history: TrainingHistory) -> (epochs: [Double], losses: [Double])? {
        guard history.hasValidation else { return nil }
        return (history.validLoss.indices.map { Double($0 + 1) }, history.validLoss)
    }

    /// A loss curve and a ROC curve have different axes: one figure shows one kind.
    private static func mixedCurves(_ value: Value, after first: Value, at span: SourceSpan) -> ScriptError {
        ScriptError.runtime("curve: models and ROC curves cannot be mixed in one figure; got \(value.typeWithArticle) after \(first.typeWithArticle)",
                            at: span)
    }

    // MARK: Figures of the analysis commands

    /// The confusion matrix, titled with the rule that made it (a score above the threshold
    /// is called anomalous) and how its threshold was chosen.
    static func confusionFigure(_ matrix: ConfusionMatrix, score: ScoreName, choice: String?, title: String?) -> Figure {
        let rule = score.rule(matrix.threshold) + (choice.map { " (\($0))" } ?? "")
        // The count of jets called right beside the accuracy: 0.50005 is 0.5 to four digits,
        // yet two jets better than calling every jet normal.
        let right = matrix.truePositives + matrix.trueNegatives
        return Figure(Axes.confusionMatrix(truePositive: matrix.truePositives, falseNegative: matrix.falseNegatives,
                                           falsePositive: matrix.falsePositives, trueNegative: matrix.trueNegatives,
                                           title: title ?? "\(rule): \(Format.count(right)) of \(Format.count(matrix.total)) right"),
                      width: 480, height: 345.6)
    }

    /// ROC curves overlaid, each labelled with its AUC (after its name, when it has one), and
    /// the diagonal of a random guess.
    static func rocFigure(_ curves: [(curve: ROCCurve, label: String)], title: String?) -> Figure {
        var axes = Axes(title: title, xLabel: "false positive rate (normal jets called anomalous)",
                        yLabel: "true positive rate (anomalous jets called anomalous)", legend: .lowerRight)
        axes.x.limits = 0...1
        axes.y.limits = 0...1
        for (curve, label) in curves {
            let points = curve.sampledIndices(count: 2000, keep: [curve.bestIndex])
            let auc = "AUC = " + Format.value(curve.auc, error: curve.aucError)
            axes.addLine(x: points.map { curve.falsePositiveRate[$0] }, y: points.map { curve.truePositiveRate[$0] },
                         label: label.isEmpty ? auc : "\(label) (\(auc))")
        }
        axes.addReferenceLine(label: "random guess")
        return Figure(axes)
    }

    /// The scan's rates against the threshold; `hidden` thresholds (≤ 0 on a log axis) are
    /// counted in a box.
    static func scanFigure(_ curve: ROCCurve, points: [Int], logx: Bool, xLabel: String, title: String?, hidden: Int = 0,
                           marks: [Double] = [], markLabels: [String]? = nil, score: ScoreName) -> Figure {
        var axes = Axes(title: title, xLabel: xLabel, yLabel: "fraction of jets", xScale: logx ? .log : .linear)
        if hidden > 0 { axes.addTextBox(["\(Format.count(hidden, "threshold")) ≤ 0 not on the log axis"]) }
        axes.y.limits = 0...1.02
        let x = points.map { curve.thresholds[$0] }
        axes.addLine(x: x, y: points.map { curve.accuracy[$0] }, label: "accuracy")
        if !curve.hasEqualClasses {
            axes.addLine(x: x, y: points.map { curve.confusion(at: $0).balancedAccuracy }, label: "balanced accuracy", dash: .dashDot)
        }
        axes.addLine(x: x, y: points.map { curve.truePositiveRate[$0] }, label: "true positive rate", dash: .dashed)
        axes.addLine(x: x, y: points.map { curve.falsePositiveRate[$0] }, label: "false positive rate", dash: .dotted)
        // Marked thresholds (working points) as vertical lines across the rates; a log axis
        // has no place for one ≤ 0.
        let markColours = [7, 5, 8, 9].map { Colour.tab10[$0] }  // grey, brown, olive, cyan: apart from the rates
        for (k, mark) in marks.enumerated() where !logx || mark > 0 {
            let what = markLabels.map { "\($0[k]): " } ?? "threshold "
            axes.addLine(x: [mark, mark], y: [0, 1.02], label: what + score.value(mark),
                         colour: markColours[k % markColours.count], dash: .dashDot)
        }
        return Figure(axes)
    }
}
