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

    @Test func onlyWordsWrittenOutAreChoices() throws {
        let session = Session(output: CapturedOutput())
        let defaults = session.parameterDefaults(in: """
            a = choice "svg" "pdf"
            b = choice "svg" other
            c = choice words=["svg", "pdf"]
            d = "svg"
            """)
        #expect(defaults["a"]?.choices == ["svg", "pdf"])
        #expect(defaults["a"]?.value.summary == "\"svg\"")
        #expect(defaults["b"] == nil && defaults["c"] == nil)
        #expect(defaults["d"]?.choices == nil)
    }
}
