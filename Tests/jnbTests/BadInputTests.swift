import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import TestSupport

/// Bad files, bad notebooks and bad commands, each replayed by the built `jnb` in a notebook
/// of three cells: one that sets variables, the case, and one that prints the variables. For
/// every case the test checks the one-line message with its place, the exit status, that the
/// variables survived the failure, and that no file was left behind. The table of cases and
/// the messages jnb gave is docs/RELIABILITY.md's (regenerate it with JNB_UPDATE_DOCS=1).
@Suite struct BadInputTests {
    /// One bad input. `statement` goes into the case cell (line 7 of the notebook);
    /// `notebook` replaces the whole notebook (for cases about the notebook file itself).
    struct Case: Sendable {
        var area: String
        var what: String
        var statement: String = ""
        var notebook: String? = nil
        var bytes: [UInt8]? = nil
        /// The exit status of `jnb run --continue`.
        var status: Int32
        /// Text the `error:` and `warning:` lines must hold (with the place), in order; empty
        /// when there must be none.
        var expect: [String] = []
        /// Runs jnb as user `nobody` (for permissions, which do not bind root).
        var asUnprivileged = false
    }

    static let prelude = "keep = 1\nx = \"before\"\njets = load \"jets.h5\" rows=0:400\nae = autoencoder [625, 16, 625]"

    /// A file that cannot be read is reported at its name (column 10); a file that reads but
    /// does not fit the request, at the argument that asked (rows=0:50000 at column 25).
    static func file(_ what: String, _ name: String, _ status: Int32, _ expect: String, rows: String = "", column: Int = 10) -> Case {
        Case(area: "file", what: what, statement: "x = load \"\(name)\"\(rows)", status: status,
             expect: expect.isEmpty ? [] : ["case.jnb:7:\(column): load: \(name)" + expect])
    }

    static func command(_ what: String, _ statement: String, _ status: Int32, _ expect: String) -> Case {
        Case(area: "command", what: what, statement: statement, status: status, expect: ["case.jnb:7:" + expect])
    }

    static let cases: [Case] = [
        file("missing", "nope.h5", 74, ": no such file"),
        Case(area: "file", what: "unreadable (mode 000; jnb run as nobody, since permissions do not bind root)", statement: "x = load \"locked.h5\"",
             status: 74, expect: ["case.jnb:7:10: load: locked.h5: permission denied (not readable)"], asUnprivileged: true),
        Case(area: "file", what: "in a folder of mode 000 (jnb run as nobody)", statement: "x = load \"closed/jets.h5\"",
             status: 74, expect: ["case.jnb:7:10: load: closed/jets.h5: permission denied (a folder on the way may not be entered)"], asUnprivileged: true),
        file("a symbolic link to itself", "loop.h5", 74, ": too many levels of symbolic links (a link that loops?)"),
        file("a directory", "folder.h5", 74, ": is a directory, expected an HDF5 file"),
        file("empty (through a symbolic link)", "empty.h5", 74, ": empty file (0 bytes), expected an HDF5 file"),
        file("text, not HDF5", "text.h5", 74, ": not an HDF5 file (no HDF5 signature)"),
        file("truncated HDF5 (first half)", "truncated.h5", 74, ": cannot open as HDF5 (damaged or truncated file?)"),
        file("HDF5 with other datasets", "tracks.h5", 74, ": not a jet-image file: expected datasets image, signal, jet_pt, jet_eta, jet_phi, jet_mass, jet_delta_R, tau_1, tau_2, tau_3, tau_21, tau_32; found tracks"),
        file("HDF5 of another program (Keras weights)", "keras.h5", 74, ": not a jet-image file: expected datasets image, signal, jet_pt, jet_eta, jet_phi, jet_mass, jet_delta_R, tau_1, tau_2, tau_3, tau_21, tau_32; found model_weights"),
        file("a dataset missing", "no_tau32.h5", 74, ": missing dataset 'tau_32' of the jet-image schema; found image, "),
        file("32×32 images", "images32.h5", 74, ": dataset 'image': expected shape (N, 25, 25), found (6, 32, 32)"),
        file("flattened images (N, 625)", "flat.h5", 74, ": dataset 'image': expected shape (N, 25, 25), found (6, 625)"),
        Case(area: "file", what: "float64 pixels: loaded, converted to float32", statement: "f64 = load \"float64.h5\"", status: 0),
        file("images compressed with h5py's LZF", "lzf.h5", 74, ": dataset 'image': compressed with filter 32000 (LZF), which this HDF5 library cannot decode; rewrite it with gzip"),
        file("integer pixels: refused", "int16.h5", 74, ": dataset 'image': expected float32 or float64 values, found int16"),
        file("a NaN pixel", "nan.h5", 74, ": dataset 'image': 1 NaN or infinite pixel value, first in jet 2 (row 3, column 4)"),
        file("an infinite pixel", "inf.h5", 74, ": dataset 'image': 1 NaN or infinite pixel value, first in jet 4 (row 0, column 0)"),
        Case(area: "file", what: "a NaN jet variable: loaded; statistics skip it and count it (`nan` member)",
             statement: "nm = load \"nan_mass.h5\"; print \"NaN masses:\" nm.jet_mass.nan", status: 0),
        file("a label that is neither 0 nor 1", "label_half.h5", 74, ": dataset 'signal': value 0.5 in row 3; expected 0 (QCD) or 1 (W)"),
        file("datasets of different lengths", "short_mass.h5", 74, ": dataset 'jet_mass': expected 6 entries (one per jet, as 'image'), found 5"),
        file("rows past the end", "good.h5", 70, ": rows 0:50000 asked for, but the file has 6 jets", rows: " rows=0:50000", column: 25),
        Case(area: "file", what: "a model file for another architecture (100 values)", statement: "x = load \"model100.h5\"", status: 74,
             expect: ["case.jnb:7:10: load: model100.h5: the model maps 100 to 100 values; jnb's models take jet images of 625 pixels"]),

        command("unknown command", "x = fti ae jets", 65, "5: unknown command 'fti'; did you mean 'fit'?"),
        command("unknown argument", "x = split jets trian=0.8", 65, "16: split has no argument 'trian'; did you mean 'train'?"),
        command("missing argument", "x = split", 65, "5: split needs the argument 'jets' (the jets to split); usage: split JETS"),
        command("too many arguments", "x = mass jets jets", 65, "15: mass takes one positional argument (jets)"),
        command("wrong type (a number for jets)", "x = select 3 signal=0", 70, "12: select: argument 'jets': expected a jet set, got number 3"),
        command("wrong type (text for a number)", "x = simulate n=\"many\"", 70, "16: simulate: argument 'n': expected a whole number ≥ 1, got string \"many\""),
        command("wrong type (jets for a model)", "x = reconstruct jets jets", 70, "17: reconstruct: expected a model (made by autoencoder or load), got a jet set"),
        command("epochs=0", "fit ae jets epochs=0", 70, "20: fit: argument 'epochs': expected a whole number ≥ 1, got number 0"),
        command("batch larger than the data", "fit ae jets batch=100000", 70, "19: fit: batch 100000 is larger than the 400 training jets; give batch= at most 400"),
        command("an empty training set", "fit ae (select jets n=0)", 70, "8: fit: the training set is empty (0 jets)"),
        command("an empty validation set", "fit ae jets valid=(select jets n=0)", 70, "19: fit: the validation set is empty (0 jets)"),
        command("lr below zero", "fit ae jets lr=-1", 70, "16: fit: argument 'lr': expected a number > 0, got number -1"),
        command("split fraction 1.5", "x = split jets train=1.5", 70, "22: split: argument 'train': expected a fraction strictly between 0 and 1, got number 1.5"),
        command("train + test ≥ 1", "x = split jets train=0.8 test=0.3", 70, "31: split: train + test must leave something for valid, got 0.8 + 0.3"),
        command("layer list whose ends are not 625", "x = autoencoder [625, 100, 600]", 70, "17: autoencoder: the first and last layers must have 625 units (one per pixel), got 625-100-600"),
        command("a layer of 0 units", "x = autoencoder [625, 0, 625]", 70, "17: autoencoder: argument 'layers': item 1 of the list: expected a whole number ≥ 1, got number 0"),
        command("unknown variable", "x = select jest signal=0", 70, "12: unknown name 'jest'; did you mean 'jets'?"),
        command("index out of range", "x = jets[400]", 70, "10: index 400 is out of range for a set of 400 jets; positions run from 0 to 399"),
        command("a mask of another length", "x = select jets where=(jets[0:10].jet_mass > 0)", 70, "23: select: the mask has 10 entries but the set has 400 jets"),
        command("simulate n=0", "x = simulate n=0", 70, "16: simulate: argument 'n': expected a whole number ≥ 1, got number 0"),
        command("save a jet set as .csv", "save jets \"out/jets.csv\"", 70, "11: save: a jet set is saved as HDF5: give a file name ending in .h5 or .hdf5"),
        command("save over a directory", "save jets \"folder.h5\"", 74, "11: save: folder.h5 is a directory, expected a file name"),
        command("save under a regular file", "save (table a=[1]) \"good.h5/t.csv\"", 74, "20: save: cannot write good.h5/t.csv: good.h5 is a file, not a folder"),
        command("unterminated string", "x = load \"jets.h5", 65, "10: unterminated string: the quote \" opened here is never closed"),
        command("run a missing file", "run \"nope.jnb\"", 74, "5: run: nope.jnb: no such file"),
        Case(area: "command", what: "run an unreadable file (mode 000; jnb run as nobody)", statement: "run \"locked.h5\"", status: 74,
             expect: ["case.jnb:7:5: run: locked.h5: permission denied (not readable)"], asUnprivileged: true),

        Case(area: "notebook", what: "a variable that a failed statement would have set",
             notebook: "# %% one\njets = load \"jets.h5\" rows=0:100\ny = split jets train=1.5\n# %% two\nprint y.train\n", status: 70,
             expect: ["case.jnb:3:22: split: argument 'train': expected a fraction strictly between 0 and 1, got number 1.5",
                      "case.jnb:5:7: unknown name 'y'"]),
        Case(area: "notebook", what: "invalid UTF-8", bytes: Array("# %% one\nx = 1\nprint \"".utf8) + [0xFF, 0xFE] + Array("\"\n".utf8),
             status: 74, expect: ["case.jnb:3: the file is not UTF-8 text (invalid byte sequence on this line)"]),
        Case(area: "notebook", what: "CRLF line ends: accepted", notebook: "# %% one\r\nx = 1\r\nprint x\r\n", status: 0),
        Case(area: "notebook", what: "tabs: accepted", notebook: "# %%\tone\nx\t=\t1\nprint\tx\n", status: 0),
        Case(area: "notebook", what: "a byte-order mark: accepted", notebook: "\u{FEFF}# %% one\nprint 1\n", status: 0),
        Case(area: "notebook", what: "unterminated string", notebook: "# %% one\nx = 1\n# %% two\nprint \"x\n", status: 65,
             expect: ["case.jnb:4:7: unterminated string: the quote \" opened here is never closed"]),
        Case(area: "notebook", what: "unknown cell option: a warning, ignored", notebook: "# %% one colour=red\nprint 1\n", status: 0,
             expect: ["case.jnb:1: unknown cell option 'colour' ignored (known: allow_error, skip, timeout)"]),
        Case(area: "notebook", what: "unknown cell type: a warning, run as code", notebook: "# %% [raw] one\nprint 1\n", status: 0,
             expect: ["case.jnb:1: unknown cell type [raw] (known: [markdown], [parameters]); the cell is code"]),
        Case(area: "notebook", what: "bad option value", notebook: "# %% one timeout=soon\nprint 1\n", status: 65,
             expect: ["case.jnb:1:10: cell option timeout must be a number of seconds > 0, got 'soon'"]),
    ]

    struct Outcome: Sendable {
        var status: Int32
        /// The `error:` and `warning:` lines, without the prefix and the case's folder.
        var messages: [String]
        var stdout: String
        var leftovers: [String]
    }

    /// A folder with the bad files, made once by h5py.
    static let inputs: Result<URL, any Error> = Result {
        let dir = try Fixtures.temporaryDirectory("jnb-bad-inputs")
        let made = try Tools.run(Tools.systemPython, [Fixtures.file("make_bad_files.py").path, dir.path])
        guard made.status == 0 else { throw TestFailure(message: "make_bad_files.py failed: \(made.stderr)") }
        try Data(repeating: 0x41, count: 64).write(to: dir.appendingPathComponent("locked.h5"))
        return dir
    }

    struct TestFailure: Error { var message: String }

    /// A folder of its own with the inputs linked in and an unreadable file.
    static func caseFolder() throws -> URL {
        let inputs = try Self.inputs.get()
        let dir = try Fixtures.temporaryDirectory("jnb-bad-case")
        chmod(dir.path, 0o755)
        for name in try FileManager.default.contentsOfDirectory(atPath: inputs.path) where name != "locked.h5" {
            try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent(name).path,
                                                       withDestinationPath: inputs.appendingPathComponent(name).path)
        }
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("jets.h5").path, withDestinationPath: try Unprivileged.pythia())
        try Data(repeating: 0x41, count: 64).write(to: dir.appendingPathComponent("locked.h5"))
        chmod(dir.appendingPathComponent("locked.h5").path, 0)
        let closed = dir.appendingPathComponent("closed")
        try FileManager.default.createDirectory(at: closed, withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: closed.appendingPathComponent("jets.h5").path, withDestinationPath: try Unprivileged.pythia())
        chmod(closed.path, 0)
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("loop.h5").path, withDestinationPath: "loop.h5")
        return dir
    }

    /// Runs one case alone: its notebook is the prelude cell, the case cell and a cell that
    /// prints the variables.
    static func runAlone(_ c: Case) throws -> Outcome {
        let dir = try caseFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let notebook = c.bytes.map { Data($0) } ?? c.notebook.map { Data($0.utf8) }
            ?? Data("# %% before\n\(prelude)\n# %% case\n\(c.statement)\n# %% after\nprint \"after:\" keep x\n".utf8)
        try notebook.write(to: dir.appendingPathComponent("case.jnb"))
        let before = Set(try FileManager.default.subpathsOfDirectory(atPath: dir.path))

        let arguments = ["run", "case.jnb", "--continue"]
        let command = c.asUnprivileged ? try Unprivileged.jnb(arguments) : [CommandLineTests.jnb] + arguments
        let result = try Tools.run(command[0], Array(command.dropFirst()), environment: ["JNB_HISTORY": "/dev/null"], currentDirectory: dir)
        let messages = result.stderr.split(separator: "\n")
            .filter { $0.hasPrefix("error: ") || $0.hasPrefix("warning: ") }
            .map { String($0.drop { $0 != " " }.dropFirst()).replacingOccurrences(of: dir.path + "/", with: "") }
        let after = Set(try FileManager.default.subpathsOfDirectory(atPath: dir.path))
        return Outcome(status: result.status, messages: messages, stdout: result.stdout.replacingOccurrences(of: "after:", with: "after 7:"),
                       leftovers: after.subtracting(before).sorted())
    }

    /// Runs statement cases that fail when they run (not before) in one session, one cell
    /// each, every case cell followed by a cell that prints the variables: one session must
    /// survive them all. The status of each is that of `jnb run` had it been the first
    /// failure (the category in the --summary file); messages carry this notebook's lines.
    static func runTogether(_ cases: [Case]) throws -> [Outcome] {
        let dir = try caseFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = "# %% before\n\(prelude)\n"
        var lines: [Int] = []
        for (i, c) in cases.enumerated() {
            text += "# %% case \(i)\n"
            lines.append(text.split(separator: "\n", omittingEmptySubsequences: false).count)
            text += "\(c.statement)\n# %% after \(i)\nprint \"after \(lines[i]):\" keep x\n"
        }
        try text.write(to: dir.appendingPathComponent("case.jnb"), atomically: true, encoding: .utf8)
        let before = Set(try FileManager.default.subpathsOfDirectory(atPath: dir.path))
        let result = try Tools.run(CommandLineTests.jnb, ["run", "case.jnb", "--continue", "--summary", "s.json"],
                                   environment: ["JNB_HISTORY": "/dev/null"], currentDirectory: dir)
        let summary = try JSONDecoder().decode(Summary.self, from: Data(contentsOf: dir.appendingPathComponent("s.json")))
        let after = Set(try FileManager.default.subpathsOfDirectory(atPath: dir.path)).subtracting(before).subtracting(["s.json"])
        return cases.indices.map { i in
            let error = summary.cells.first { $0.name == "case \(i)" }?.error
            let status: Int32 = switch error?.category {
            case nil: 0
            case "syntax": 65
            case "io": 74
            case "interrupted": 130
            default: 70
            }
            let message = error.map { e in "case.jnb:\(e.line.map { "\($0):" } ?? "")\(e.column.map { "\($0): " } ?? " ")\(e.message)" }
            return Outcome(status: status, messages: message.map { [$0.replacingOccurrences(of: dir.path + "/", with: "")] } ?? [],
                           stdout: result.stdout, leftovers: after.sorted())
        }
    }

    /// The parts of the --summary file these tests read.
    struct Summary: Decodable {
        struct Cell: Decodable {
            struct Failure: Decodable { var category: String; var line: Int?; var column: Int?; var message: String }
            var name: String?
            var error: Failure?
        }
        var cells: [Cell]
    }

    /// Where the case's statement is in the notebook it runs in.
    static func line(of index: Int, together: [Int]) -> Int {
        guard let position = together.firstIndex(of: index) else { return 7 }
        return 7 + 4 * position
    }

    @Test func everyBadInputHasItsMessageAndChangesNothing() throws {
        let together = Self.cases.indices.filter {
            let c = Self.cases[$0]
            return c.notebook == nil && c.bytes == nil && c.status != 65 && !c.asUnprivileged && c.statement.split(separator: "\n").count == 1
        }
        let alone = Self.cases.indices.filter { !together.contains($0) }
        var outcomes = [Outcome?](repeating: nil, count: Self.cases.count)
        let runs = try concurrently(alone.count + 1) { k in
            k == 0 ? try Self.runTogether(together.map { Self.cases[$0] }) : [try Self.runAlone(Self.cases[alone[k - 1]])]
        }.map { try $0.get() }
        for (i, outcome) in zip(together, runs[0]) { outcomes[i] = outcome }
        for (i, run) in zip(alone, runs.dropFirst()) { outcomes[i] = run[0] }

        for (index, c) in Self.cases.enumerated() {
            let outcome = try #require(outcomes[index])
            let line = Self.line(of: index, together: together)
            #expect(outcome.status == c.status, "\(c.what): \(outcome.messages)")
            #expect(outcome.messages.count == c.expect.count, "\(c.what): \(outcome.messages)")
            for (message, expected) in zip(outcome.messages, c.expect) {
                let placed = expected.hasPrefix("case.jnb:7:") ? "case.jnb:\(line):" + expected.dropFirst("case.jnb:7:".count) : expected
                #expect(message.hasPrefix(placed), "\(c.what): \(message)")
            }
            // Nothing half-written, no temporary file left.
            #expect(outcome.leftovers.isEmpty, "\(c.what): \(outcome.leftovers)")
            if c.statement.contains("nan_mass") {
                #expect(outcome.stdout.contains("NaN masses: 1\n"), "\(outcome.stdout)")
            }
            if c.notebook == nil, c.bytes == nil, c.status != 65 {
                // The failed statement changed nothing: the cell after it still sees the old values.
                #expect(outcome.stdout.contains("after \(line): 1 before\n"), "\(c.what): \(outcome.stdout)")
            }
        }
        try DocsTable.check("bad-input-table", Self.markdownTable(zip(Self.cases, outcomes.compactMap { $0 })))
    }

    /// The docs table: area, case, statement, exit status and the message jnb gave.
    static func markdownTable(_ rows: some Sequence<(Case, Outcome)>) -> String {
        var lines = ["| area | case | statement | exit | message |", "| --- | --- | --- | --- | --- |"]
        for (c, outcome) in rows {
            let statement = c.bytes != nil ? "(the notebook)" : DocsTable.code(c.notebook ?? c.statement)
            lines.append("| \(c.area) | \(c.what) | \(statement) | \(outcome.status) | \(DocsTable.code(outcome.messages.joined(separator: "\n"))) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
