/// Commands that draw: hist, image, scatter, curve. Each takes save="file.svg".
extension CommandTable {
    static let plotCommands: [CommandSpec] = [
        CommandSpec(
            "hist", group: .plots,
            summary: "Histogram of one or more columns, overlaid with shared bins",
            parameters: [
                .variadic("columns", .column, help: "the columns to histogram"),
                .keyword("bins", .integer(minimum: 1, maximum: nil), default: .number(50), help: "number of bins"),
                .keyword("labels", .list(.string), help: "legend entries, one per column"),
                .keyword("xlabel", .string, help: "x-axis label (default: the column's name)"),
                .keyword("ylabel", .string, default: .string("jets"), help: "y-axis label"),
                .keyword("logy", .bool, default: .bool(false), help: "logarithmic y axis"),
                .keyword("range", .list(.number), help: "[low, high] of the x axis (default: the data's range)"),
                .keyword("title", .string, help: "figure title"),
                .saveFigure,
            ],
            examples: ["hist mass(parts.valid) mass(out) bins=100 labels=[\"Input\", \"Output\"] xlabel=\"m [GeV]\" save=\"figures/m_bg.svg\""],
            binding: .awaiting(module: "Plot", part: "the SVG renderer")),
        CommandSpec(
            "image", group: .plots,
            summary: "Draw a jet image: the average image of a set, or one jet",
            parameters: [
                .positional("jets", .jetsOrJet, help: "a jet set (its average image is drawn) or one jet, e.g. jets[3]"),
                .keyword("log", .bool, default: .bool(false), help: "logarithmic colour scale"),
                .keyword("title", .string, help: "figure title"),
                .saveFigure,
            ],
            examples: ["image (select jets signal=1) log=true save=\"figures/average_signal.svg\""],
            binding: .awaiting(module: "Plot", part: "the SVG renderer")),
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
            binding: .awaiting(module: "Plot", part: "the SVG renderer")),
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
            binding: .awaiting(module: "Plot", part: "the SVG renderer")),
    ]
}

extension CommandTable {
    /// Until the Plot module lands, a command asked to draw (save=) says so instead of
    /// returning its result without the figure.
    static func requireFigureSupport(_ invocation: Invocation) throws(ScriptError) {
        guard invocation.isGiven("save") else { return }
        throw ScriptError.runtime("\(invocation.spec.name): drawing the figure is not available yet: it needs the SVG renderer from the Plot module, which has not landed in this build of jnb; leave out save= to get the result without the figure",
                                  at: invocation.span("save"))
    }
}
