import Analysis
import Foundation
import HDF5
import JetData
import ModelFile
import Plot
import Simulator

/// Commands that make, pick and store jet sets: load, save, simulate, dataset, select, split, mass, pt.
extension CommandTable {
    static let dataCommands: [CommandSpec] = [
        CommandSpec(
            "load", group: .data,
            summary: "Read a jet file (HDF5, the public jet-image schema) or a model file",
            details: "A jet file gives a jet set: images and jet variables as stored (pixel = pT in GeV), the schema checked; Ctrl-C stops the read. A model file written by save gives the model with its training history.",
            parameters: [
                .positional("file", .inputPath(["h5", "hdf5"]), help: "the HDF5 file"),
                .keyword("rows", .range, help: "read only these rows, e.g. rows=0:100000"),
            ],
            examples: ["jets = load \"data/jet-images_Mass60-100_pT250-300_R1.25_Pix25.hdf5\" rows=0:100000", "ae = load \"models/setup3.h5\""],
            result: .value(nil),
            run: load),
        CommandSpec(
            "save", group: .data,
            summary: "Write a value to a file, in the format its extension names",
            details: "A jet set goes to HDF5 (.h5, .hdf5) in the public file's schema, a model to HDF5 with its training history, a column, a table, a ROC curve (a row per point), a training history (a row per epoch) or a confusion matrix to CSV (.csv: a header line of column names, then the rows at full precision, as numpy (genfromtxt with names=True) and pandas read it; a table's title, note and the units they state stay in its printed form and in the report), a figure to SVG (.svg), PDF (.pdf: a page the figure's size, text and lines kept as vectors, for LaTeX) or PNG (.png: 300 pixels per inch of the figure, 1920 × 1440 for a single plot, for slides); PDF and PNG are made from the SVG by rsvg-convert (Debian's librsvg2-bin), which must be on PATH. The file is written to a temporary name and renamed, so it is never left half-written; save then says where it went (wrote PATH), as save= does.",
            parameters: [
                .positional("value", .any, help: "what to write"),
                .positional("file", .path(["h5", "hdf5", "csv"] + FigureFormat.extensions), help: "where to write it"),
            ],
            examples: ["save bg \"out/background.h5\"", "save (loss ae bg) \"out/loss.csv\"", "save fig \"figures/m_bg.pdf\""],
            result: .nothing, run: save),
        CommandSpec(
            "simulate", group: .data,
            summary: "Make jets with the built-in simulator",
            details: "Returns a jet set of simulated W (signal) and QCD (background) jets that pass the public file's selection, in its schema; the same seed gives the same jets on any number of threads. The physics knobs (docs/SIMULATOR.md) change the model; Ctrl-C stops it.",
            parameters: [
                .keyword("n", .integer(minimum: 1, maximum: nil), default: .number(10_000), help: "number of jets"),
                .keyword("seed", .integer(minimum: 0, maximum: nil), default: .number(1), help: "random seed"),
                .keyword("signal_fraction", .numberIn(0...1), default: .number(0.5), help: "share of W (signal) jets"),
                .keyword("threads", .integer(minimum: 1, maximum: 64), help: "worker threads (default: every core); the jets do not depend on it"),
            ] + PhysicsParameters.knobs.map { knob in
                .knob(knob.name, knob.range, default: .number(PhysicsParameters()[keyPath: knob.keyPath]), help: "physics knob: " + knob.help)
            },
            examples: ["jets = simulate n=20000 seed=1", "w = simulate n=5000 seed=2 signal_fraction=1 alphaSAtMZ=0.118"],
            result: .value(.jets),
            run: simulate),
        CommandSpec(
            "dataset", group: .data,
            summary: "The jets of a study: from a jet file, or from the built-in simulator",
            details: "SOURCE is a jet file (the first n jets are read; all when n is not given) or \"builtin\" (n jets simulated with the seed, half W and half QCD, default physics). A notebook takes its data this way, so that --set data=FILE switches it from the simulator to a file and nothing else changes.",
            parameters: [
                .positional("source", .inputPath(["h5", "hdf5"]), help: "a jet file, or \"builtin\" for the simulator"),
                .keyword("n", .integer(minimum: 1, maximum: nil), help: "number of jets (required for \"builtin\"; for a file, at most this many from its start)"),
                .keyword("seed", .integer(minimum: 0, maximum: nil), default: .number(1), help: "simulator seed (a file is read as it is, whatever the seed)"),
            ],
            examples: ["jets = dataset \"builtin\" n=100000 seed=1", "jets = dataset data n=100000    # jnb run … --set data=jets.h5"],
            result: .value(.jets),
            run: dataset),
        CommandSpec(
            "select", group: .data,
            summary: "Pick jets: signal or background, by a mask, or the first n",
            details: "Returns a view of the set (no images are copied). Conditions combine: all must hold.",
            parameters: [
                .positional("jets", .jets, help: "the jets to choose from"),
                .keyword("signal", .integer(minimum: 0, maximum: 1), help: "1 for signal (W) jets, 0 for background (QCD)"),
                .keyword("where", .mask, help: "a mask such as jets.jet_mass > 60 (one entry per jet)"),
                .keyword("n", .integer(minimum: 0, maximum: nil), help: "keep at most the first n of the chosen jets"),
            ],
            examples: ["bg = select jets signal=0", "heavy = select jets where=(jets.jet_mass > 80) n=1000"],
            result: .value(.jets),
            run: select),
        CommandSpec(
            "split", group: .data,
            summary: "Split jets at random into training and validation (and test) parts",
            details: "Returns a split with parts train and valid (and test when test= is given): views of the same jets, shuffled with the seed. valid gets what train and test leave.",
            parameters: [
                .positional("jets", .jets, help: "the jets to split"),
                .keyword("train", .fraction, default: .number(0.8), help: "fraction for training"),
                .keyword("test", .fraction, help: "fraction for a test part"),
                .keyword("seed", .integer(minimum: 0, maximum: nil), default: .number(0), help: "random seed for the shuffle"),
            ],
            examples: ["parts = split bg train=0.8 seed=42", "parts = split bg train=0.7 test=0.1 seed=1"],
            result: .value(nil),
            run: split),
        CommandSpec(
            "mass", group: .data,
            summary: "Jet mass m computed from each image",
            details: "Each pixel counts as a massless particle at the pixel centre; returns a column in GeV (m² < 0, possible for network outputs, gives 0).",
            parameters: [.positional("jets", .jets, help: "the jets")],
            examples: ["hist mass(bg) mass(out) bins=100"],
            result: .value(.column),
            run: { invocation in
                .column(Column(name: "m", values: ImageKinematics.masses(try invocation.jets("jets")), unit: "GeV"))
            }),
        CommandSpec(
            "pt", group: .data,
            summary: "Jet transverse momentum pT computed from each image",
            details: "Each pixel counts as a massless particle at the pixel centre; returns a column in GeV.",
            parameters: [.positional("jets", .jets, help: "the jets")],
            examples: ["scatter pt(jets) jets.jet_pt"],
            result: .value(.column),
            run: { invocation in
                .column(Column(name: "pT", values: ImageKinematics.transverseMomenta(try invocation.jets("jets")), unit: "GeV"))
            }),
    ]

    private static func load(_ invocation: Invocation) throws -> Value {
        let path = try invocation.string("file")
        if let model = try modelFile(path, invocation) {
            guard !invocation.isGiven("rows") else {
                throw invocation.failure("\(path) is a model file; rows= reads part of a jet file", argument: "rows")
            }
            return .model(model)
        }
        var rows: Range<Int>?
        if case .range(let lower, let upper)? = invocation.value("rows") { rows = lower..<upper }
        do {
            return .jets(try readJets(path, rows: rows, invocation))
        } catch let error as JetDataError {
            // The file is fine; the rows asked for are not.
            guard case .rowsOutOfRange = error else { throw error }
            throw invocation.failure(error.description, argument: "rows")
        }
    }

    /// Reads jets with a progress bar; Ctrl-C stops the read.
    private static func readJets(_ path: String, rows: Range<Int>?, _ invocation: Invocation) throws -> JetSet {
        let bar = invocation.progress("load", total: rows?.count ?? 1, unit: "jets")
        defer { bar.finish() }
        return try JetFile.read(path, rows: rows) { done, total in
            bar.update(done, of: total)
            return !invocation.interruption.isRequested
        }
    }

    /// The simulator's workers: as asked, or one per core; 1 to 64.
    private static func simulationThreads(_ asked: Int?) -> Int {
        min(max(asked ?? ProcessInfo.processInfo.activeProcessorCount, 1), 64)
    }

    /// Simulates jets with a progress bar; Ctrl-C stops the simulation.
    private static func simulateJets(_ settings: SimulationSettings, _ invocation: Invocation) throws -> JetSet {
        let bar = invocation.progress("simulate", total: settings.count, unit: "jets")
        defer { bar.finish() }
        return try Simulator.simulateJets(settings, progress: { bar.update($0.accepted, of: $0.total) },
                                          shouldStop: { invocation.interruption.isRequested })
    }

    private static func simulate(_ invocation: Invocation) throws -> Value {
        var physics = PhysicsParameters()
        for knob in PhysicsParameters.knobs {
            physics[keyPath: knob.keyPath] = try invocation.number(knob.name)
        }
        if let knob = physics.knobOutOfRange() { throw knobOutOfRange(knob, physics, invocation) }
        let n = try invocation.integer("n")
        let settings = SimulationSettings(count: n, seed: UInt64(try invocation.integer("seed")),
                                          signalFraction: try invocation.number("signal_fraction"),
                                          threads: simulationThreads(try invocation.optionalNumber("threads").map { Int($0) }),
                                          physics: physics)
        return .jets(try simulateJets(settings, invocation))
    }

    /// A knob outside its range, worded as every argument error and shown under the knob's
    /// argument; a knob left at its default whose limit another knob moved is shown under that
    /// knob (`wMass=10` leaves the default wMassRange=20 too wide).
    private static func knobOutOfRange(_ knob: PhysicsParameters.Knob, _ physics: PhysicsParameters,
                                       _ invocation: Invocation) -> ScriptError {
        let value = physics[keyPath: knob.keyPath]
        let expected = "expected a number " + knob.range.description(given: physics, format: NumberFormat.plain)
        if invocation.isGiven(knob.name) {
            return ArgumentBinder.argumentError("\(expected), got \(ParameterType.shown(.number(value)))",
                                                command: "simulate", parameter: knob.name, at: invocation.span(knob.name))
        }
        let mover = knob.range.knobsRead.first(where: invocation.isGiven)
        return ArgumentBinder.argumentError("\(expected), got its default \(NumberFormat.plain(value)); give \(knob.name)= too",
                                            command: "simulate", parameter: knob.name,
                                            at: mover.map(invocation.span) ?? invocation.call.nameSpan)
    }

    private static func dataset(_ invocation: Invocation) throws -> Value {
        let source = try invocation.string("source")
        let n = try invocation.optionalNumber("n").map { Int($0) }
        guard source == "builtin" else {
            let available = try JetFile.inspect(source).jetCount
            return .jets(try readJets(source, rows: 0..<min(n ?? available, available), invocation))
        }
        guard let n else { throw invocation.failure("the simulator needs n= (how many jets to make)", argument: "n") }
        let settings = SimulationSettings(count: n, seed: UInt64(try invocation.integer("seed")), signalFraction: 0.5,
                                          threads: simulationThreads(nil), physics: PhysicsParameters())
        return .jets(try simulateJets(settings, invocation))
    }

    /// The model in `path`, when it is a model file rather than a jet file (nil otherwise,
    /// and for files that are neither: reading them as jets gives the better message).
    private static func modelFile(_ path: String, _ invocation: Invocation) throws -> ModelValue? {
        do {
            _ = try JetFile.inspect(path)
            return nil
        } catch {
            guard FileManager.default.fileExists(atPath: path) else { return nil }
        }
        do {
            let model = try ModelFile.load(path)
            let network = model.network
            guard network.inputWidth == JetImage.pixels, network.outputWidth == JetImage.pixels else {
                throw ScriptError(.io, "load: \(path): the model maps \(network.inputWidth) to \(network.outputWidth) values; jnb's models take jet images of \(JetImage.pixels) pixels",
                                  at: invocation.span("file"))
            }
            return ModelValue(model: model, origin: URL(fileURLWithPath: path).lastPathComponent)
        } catch let error as HDF5Error where error.message.hasPrefix("not a jnb model file") {
            return nil
        }
    }

    private static func select(_ invocation: Invocation) throws -> Value {
        let all = try invocation.jets("jets")
        var positions = Array(0..<all.count)
        if let signal = try invocation.optionalNumber("signal") {
            positions = positions.filter { all.isSignal($0) == (signal == 1) }
        }
        if case .column(let mask)? = invocation.value("where") {
            guard mask.count == all.count else {
                throw invocation.failure("the mask has \(Format.count(mask.count)) entries but the set has \(Format.count(all.count)) jets",
                                         argument: "where")
            }
            positions = positions.filter { mask.values[$0] != 0 }
        }
        if let n = try invocation.optionalNumber("n") {
            positions = Array(positions.prefix(Int(n)))
        }
        return .jets(all.subset(positions))
    }

    private static func split(_ invocation: Invocation) throws -> Value {
        let set = try invocation.jets("jets")
        let train = try invocation.number("train")
        let seed = UInt64(try invocation.integer("seed"))
        guard let test = try invocation.optionalNumber("test") else {
            let (first, second) = try set.split(fraction: train, seed: seed)
            return .record(Record(kind: "split", fields: [.init("train", .jets(first)), .init("valid", .jets(second))]))
        }
        guard train + test < 1 else {
            throw invocation.failure("train + test must leave something for valid, got \(NumberFormat.plain(train)) + \(NumberFormat.plain(test))",
                                     argument: "test")
        }
        let (first, rest) = try set.split(fraction: train, seed: seed)
        // The rest is already shuffled; cut it in order rather than shuffling again.
        let validCount = Int((Double(set.count) * (1 - train - test)).rounded())
        let valid = rest.prefix(validCount)
        let testPart = rest.subset(min(validCount, rest.count)..<rest.count)
        return .record(Record(kind: "split", fields: [.init("train", .jets(first)), .init("valid", .jets(valid)),
                                                      .init("test", .jets(testPart))]))
    }

    private static func save(_ invocation: Invocation) throws -> Value {
        let path = try invocation.string("file")
        let ext = URL(fileURLWithPath: path).pathExtension.lowercased()
        guard let value = invocation.value("value") else { return .nothing }
        if ext == "csv", let table = value.table {
            try write(table.csv(), to: path, invocation)
            return .nothing
        }
        switch (value, ext) {
        case (.model(let model), "h5"), (.model(let model), "hdf5"):
            try write(to: path, invocation) { try ModelFile.save(model.model, to: $0) }
        case (.model, _):
            throw invocation.failure("a model is saved as HDF5: give a file name ending in .h5 or .hdf5", argument: "file")
        case (.figure(let figure), _) where FigureFormat(fileName: path) != nil:
            try write(figure, to: path, invocation)
        case (.figure, _):
            throw invocation.failure("a figure is saved as SVG, PDF or PNG: give a file name ending in \(FigureFormat.extensionList)", argument: "file")
        case (.jets(let set), "h5"), (.jets(let set), "hdf5"):
            let bar = invocation.progress("save", total: set.count, unit: "jets")
            defer { bar.finish() }
            try write(to: path, invocation) { target in
                try JetFile.write(set, to: target) { done, total in
                    bar.update(done, of: total)
                    return !invocation.interruption.isRequested
                }
            }
        case (.column, _), (.table, _):
            throw invocation.failure("\(value.typeWithArticle) is saved as CSV: give a file name ending in .csv", argument: "file")
        case (.roc, _), (.history, _), (.confusion, _):
            let figure = switch value {
            case .roc: "curve VALUE save=\"….svg\""
            case .history: "curve MODEL save=\"….svg\""
            default: "confusion … save=\"….svg\""
            }
            throw invocation.failure("\(value.typeWithArticle) is saved as CSV (.csv); its figure comes from \(figure)", argument: "file")
        case (.jets, _):
            throw invocation.failure("a jet set is saved as HDF5: give a file name ending in .h5 or .hdf5", argument: "file")
        default:
            throw invocation.failure("cannot save \(value.typeWithArticle); save writes jet sets and models (.h5), columns, tables, ROC curves, training histories and confusion matrices (.csv), figures (.svg, .pdf, .png)",
                                     argument: "value")
        }
        return .nothing
    }

    /// Writes the file `path` with `body`, given the path to write (FileWriting.destination):
    /// a failure is worded as save's, at the file name, and removes the folders made for it.
    private static func write(to path: String, _ invocation: Invocation, _ body: (String) throws -> Void) throws {
        let destination: FileWriting.Destination
        do {
            destination = try FileWriting.destination(for: path)
        } catch {
            throw ScriptError(.io, "save: \(error.message)", at: invocation.span("file"))
        }
        do {
            try body(destination.path)
        } catch {
            destination.abandon()
            throw ErrorMapping.scriptError(error, command: "save", at: invocation.span("file"))
        }
        invocation.wrote(path)
        invocation.print("wrote \(path)")
    }

    private static func write(_ text: String, to path: String, _ invocation: Invocation) throws(ScriptError) {
        do {
            try FileWriting.writeAtomically(Data(text.utf8), to: path)
        } catch {
            throw ScriptError(.io, "save: \(error.message)", at: invocation.span("file"))
        }
        invocation.wrote(path)
        invocation.print("wrote \(path)")
    }
}
