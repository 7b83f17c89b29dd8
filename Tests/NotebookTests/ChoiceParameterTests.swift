import Foundation
import Testing
import Notebook
import Script
import TestSupport

/// A `[parameters]` cell's `name = choice "a" "b" …` takes only those words from `--set`:
/// another value is refused before any cell runs, naming the parameter and its words.
@Suite struct ChoiceParameterTests {
    static let notebook = """
        # %% [parameters]
        out = "out"
        format = choice "svg" "pdf" "png"   # the figures' format
        # %% use
        print out + "/m." + format
        """

    private func replay(_ given: [String: String]) throws -> (result: ReplayResult, terminal: String) {
        let terminal = CapturedOutput()
        let session = Session(output: terminal)
        for (name, text) in given { try session.define(name, literal: text) }
        let document = try NotebookReader.parse(Self.notebook, file: "n.jnb")
        let result = try Replay(session: session, terminal: terminal).run(document)
        return (result, terminal.text)
    }

    @Test func theDefaultIsTheFirstWordAndSetPicksAnother() throws {
        #expect(try replay([:]).result.cells[1].output == "out/m.svg\n")
        #expect(try replay(["format": "pdf"]).result.cells[1].output == "out/m.pdf\n")
        #expect(try replay(["format": " \"png\" "]).result.cells[1].output == "out/m.png\n")
    }

    @Test func anotherValueIsRefusedBeforeAnythingRuns() throws {
        let words = "expected one of \"svg\", \"pdf\", \"png\" (its default is \"svg\")"
        for (text, message) in [
            ("jpg", "--set format=jpg: parameter 'format' of n.jnb: \(words); got 'jpg'"),
            ("PDF", "--set format=PDF: parameter 'format' of n.jnb: \(words); got 'PDF'; did you mean 'pdf'?"),
            ("1", "--set format=1: parameter 'format' of n.jnb: \(words); got '1'"),
        ] {
            let terminal = CapturedOutput()
            let session = Session(output: terminal)
            try session.define("format", literal: text)
            let document = try NotebookReader.parse(Self.notebook, file: "n.jnb")
            #expect(throws: ReplayUsageError(description: message)) {
                try Replay(session: session, terminal: terminal).check(document, ReplayOptions())
            }
            #expect(terminal.text.isEmpty)
        }
    }

    @Test func everyBadValueIsReportedAtOnce() throws {
        let terminal = CapturedOutput()
        let session = Session(output: terminal)
        for (name, text) in [("n", "2k"), ("format", "jpg"), ("out", "x")] { try session.define(name, literal: text) }
        let document = try NotebookReader.parse("# %% [parameters]\nn = 10\n" + Self.notebook, file: "n.jnb")
        let words = "expected one of \"svg\", \"pdf\", \"png\" (its default is \"svg\")"
        let expected = ReplayUsageError(problems: [
            "--set format=jpg: parameter 'format' of n.jnb: \(words); got 'jpg'",
            "--set n=2k: parameter 'n' of n.jnb: expected a number as the language writes it (6_000, 1e3, -2), like its default 10; got '2k'",
        ])
        #expect(throws: expected) { try Replay(session: session, terminal: terminal).run(document) }
        #expect(expected.description == expected.problems.joined(separator: "\n"))
        #expect(terminal.text.isEmpty)
    }

    @Test func wordsNotWrittenOutOrGivenTwiceStopTheReplayBeforeItStarts() throws {
        let strings = "the words of choice must be written out as strings, e.g. choice \"svg\" \"pdf\", "
            + "so that a --set value can be checked against them"
        for (declaration, message) in [
            ("f = choice words=[\"a\", \"b\"]", strings),
            ("f = choice x \"b\"", strings),
            ("f = choice \"a\" \"b\" + \"x\"", strings),
            ("f = choice 1 2 3", strings),
            ("f = choice \"a\" \"b\" \"a\"", "choice gives the word \"a\" twice; give each word once"),
        ] {
            let terminal = CapturedOutput()
            let session = Session(output: terminal)
            try session.define("f", literal: "zzz")
            let document = try NotebookReader.parse("# %% [parameters]\nx = \"a\"\n  \(declaration)\n# %% use\nprint f\n", file: "n.jnb")
            let result = try Replay(session: session, terminal: terminal).run(document)
            #expect(result.exitCode == 65, "\(declaration)")
            #expect(result.cells.allSatisfy { $0.status != .ok }, "\(declaration)")
            let error = try #require(result.cells[0].error)
            #expect(error.message == "parameter 'f': " + message)
            #expect(error.span?.file == "n.jnb" && error.span?.line == 3 && error.span?.column == 3)
            #expect(terminal.text.contains("error: n.jnb:3:3: parameter 'f': "), "\(terminal.text)")
            #expect(terminal.text.contains("nothing ran"))
        }
    }

    @Test func theLastDeclarationOverAllParametersCellsWins() throws {
        let cells = "# %% [parameters]\nf = choice \"a\" \"b\"\nn = 5\n# %% [parameters]\nf = choice \"b\" \"c\"\nn = 2 * 3\n# %% use\nprint f n\n"
        func replay(_ given: [String: String]) throws -> ReplayResult {
            let terminal = CapturedOutput()
            let session = Session(output: terminal)
            for (name, text) in given { try session.define(name, literal: text) }
            return try Replay(session: session, terminal: terminal).run(try NotebookReader.parse(cells, file: "n.jnb"))
        }
        #expect(try replay([:]).cells[2].output == "b 6\n")
        #expect(try replay(["f": "c"]).cells[2].output == "c 6\n")
        // The first cell's words no longer count, and n's later default is not a literal.
        #expect(try replay(["n": "2k"]).cells[2].output == "b 2k\n")
        #expect(throws: ReplayUsageError(description: "--set f=a: parameter 'f' of n.jnb: expected one of \"b\", \"c\" (its default is \"b\"); got 'a'")) {
            try replay(["f": "a"])
        }
    }

    @Test func onlyWordsWrittenOutAreChoices() throws {
        let session = Session(output: CapturedOutput())
        let defaults = session.parameterDefaults(in: """
            a = choice "svg" "pdf"
            b = choice "svg" other
            c = choice words=["svg", "pdf"]
            d = "svg"
            e = choice "svg" "svg"
            """)
        #expect(defaults["a"]?.choices == ["svg", "pdf"])
        #expect(defaults["a"]?.value.summary == "\"svg\"")
        #expect(defaults["b"] == nil && defaults["c"] == nil && defaults["e"] == nil)
        #expect(defaults["d"]?.choices == nil)
    }
}
