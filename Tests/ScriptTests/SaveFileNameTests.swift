import Foundation
import Testing
import Script
import TestSupport

/// A file jnb writes must be named for its format: `save=` of every plotting command takes
/// only `.svg`, `.pdf` and `.png`; another name is refused with the caret on it before the
/// command does any work, so no folder is made.
@Suite struct SaveFileNameTests {
    /// Every command whose save= is declared as a figure file, from the command table.
    static let figureCommands: [CommandSpec] = CommandTable.standard.commands.filter { spec in
        guard case .path(let extensions)? = spec.parameter("save")?.type else { return false }
        return extensions == ["svg", "pdf", "png"]
    }

    /// A statement calling `spec` with placeholders for its required arguments and `save=name`.
    private func call(_ spec: CommandSpec, save name: String) -> String {
        let required = spec.parameters.filter { $0.isRequired }
        let arguments = required.map { $0.positional ? "x" : "\($0.name)=x" }
        return ([spec.name] + arguments + ["save=\"\(name)\""]).joined(separator: " ")
    }

    @Test func everyFigureCommandIsCovered() {
        let names = Set(Self.figureCommands.map(\.name))
        #expect(names.isSuperset(of: ["hist", "image", "scatter", "curve", "grid", "confusion", "roc", "scan"]))
    }

    @Test(arguments: ["fig/img.jpg", "fig/sc.eps", "fig/c.tiff", "fig/noext", "fig/"])
    func aWrittenNameOfAnotherFormatIsRefusedBeforeAnythingRuns(_ name: String) throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for spec in Self.figureCommands {
            let output = CapturedOutput()
            let session = Session(output: output)
            let statement = call(spec, save: dir.path + "/" + name)
            let result = session.execute("print \"first\"\n" + statement)
            let error = try #require(result.error, "\(spec.name) accepted save=\"\(name)\"")
            #expect(error.message == "\(spec.name): argument 'save': expected a file name ending in .svg, .pdf or .png, got \"\(dir.path)/\(name)\"")
            // Found before anything runs: the input is not a valid program.
            #expect(error.category == .syntax && result.exitCode == 65)
            // The caret is on the name, on line 2; the first line never ran.
            let quote = try #require(statement.firstIndex(of: "\""))
            let column = statement.distance(from: statement.startIndex, to: quote) + 1
            #expect(error.span?.line == 2 && error.span?.column == column, "\(spec.name): \(String(describing: error.span))")
            #expect(output.text.isEmpty, "\(spec.name) ran the statement before it")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func aComputedNameIsRefusedBeforeTheCommandWorks() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let output = CapturedOutput()
        let session = Session(output: output)
        try session.define("dir", .string(dir.path))
        let result = session.execute("t = table a=[1, 2, 3]\nname = dir + \"/fig/h.jpg\"\nhist t.a save=name")
        let error = try #require(result.error)
        #expect(error.message == "hist: argument 'save': expected a file name ending in .svg, .pdf or .png, got \"\(dir.path)/fig/h.jpg\"")
        #expect(error.span?.line == 3 && error.span?.column == 15)
        #expect(result.exitCode == 70)
        #expect(!output.text.contains("wrote"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func svgInAnyCaseIsWritten() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let session = Session(output: CapturedOutput())
        try session.define("dir", .string(dir.path))
        let result = session.execute("t = table a=[1, 2, 3]\nhist t.a save=dir + \"/fig/h.SVG\"\nsave t dir + \"/t.Csv\"")
        #expect(result.succeeded, "\(result.error?.description ?? "")")
        #expect(FileManager.default.fileExists(atPath: dir.path + "/fig/h.SVG"))
        #expect(FileManager.default.fileExists(atPath: dir.path + "/t.Csv"))
    }

    @Test func saveTakesOnlyTheFormatsItWrites() throws {
        let session = Session(output: CapturedOutput())
        let error = try #require(session.check("save t \"out/t.jpg\""))
        #expect(error.message == "save: argument 'file': expected a file name ending in .h5, .hdf5, .csv, .svg, .pdf or .png, got \"out/t.jpg\"")
        #expect(error.span?.column == 8)
        #expect(error.category == .syntax)
    }

    @Test func filesThatAreReadMayHaveAnyName() throws {
        // load, dataset and run recognise a file by its contents; their extensions only guide
        // completion, so a name of another format is not refused before the file is read.
        let session = Session(output: CapturedOutput())
        #expect(session.check("x = load \"jets.hdf\"\ny = dataset \"builtin\" n=10\nrun \"setup.txt\"") == nil)
        let result = session.execute("x = load \"/nonexistent/jets.hdf\"")
        #expect(result.error?.message.contains("no such file") == true, "\(result.error?.message ?? "")")
    }
}
