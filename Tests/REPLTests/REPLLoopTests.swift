import Foundation
import Testing
import REPL
import Script
import TestSupport

/// A line reader that plays back a script of inputs and records prompts, the statement each
/// line continues, and history.
final class ScriptedLineReader: LineReader {
    private var inputs: [LineInput]
    private(set) var prompts: [String] = []
    private(set) var statements: [String] = []
    private(set) var history: [String] = []

    init(_ inputs: [LineInput]) { self.inputs = inputs }

    func readLine(prompt: String, continuing statement: String) -> LineInput {
        prompts.append(prompt)
        statements.append(statement)
        return inputs.isEmpty ? .endOfInput : inputs.removeFirst()
    }

    func addToHistory(_ line: String) { history.append(line) }
}

@Suite struct REPLLoopTests {
    private func run(_ inputs: [LineInput]) -> (status: Int32, output: String, reader: ScriptedLineReader, session: Session) {
        let output = CapturedOutput()
        let session = Session(output: output)
        let reader = ScriptedLineReader(inputs)
        let status = REPL(session: session, reader: reader).run()
        return (status, output.text, reader, session)
    }

    @Test func runsEachLineAndShowsValues() {
        let r = run([.line("x = 6"), .line("x * 7"), .line("print \"done\"")])
        #expect(r.status == 0)
        #expect(r.output == "42\ndone\n")
        #expect(r.reader.history == ["x = 6", "x * 7", "print \"done\""])
    }

    @Test func unfinishedInputGetsAContinuationPrompt() {
        let r = run([.line("l = [1,"), .line("     2]"), .line("s = \"two"), .line("lines\""), .line("y = 1 + \\"), .line("2"), .line("print l s y")])
        #expect(r.output == "[1, 2] two\nlines 3\n")
        #expect(r.reader.prompts == ["jnb> ", "...> ", "jnb> ", "...> ", "jnb> ", "...> ", "jnb> ", "jnb> "])
    }

    /// Completion on a continuation line reads the statement so far: the reader is given the
    /// earlier lines, which the session completes together with the current one.
    @Test func aContinuationLineIsReadWithTheStatementSoFar() {
        let r = run([.line("ae = autoencoder [625, 300, 100,"), .line("300, 625]"), .line("fit ae \\"), .interrupted, .line("x = 1")])
        #expect(r.reader.statements == ["", "ae = autoencoder [625, 300, 100,\n", "", "fit ae \\\n", "", ""])
        #expect(r.session.completions(before: r.reader.statements[1] + "300, 625] act").candidates == ["activation="])
        #expect(r.session.completions(before: r.reader.statements[3] + "jets ep").candidates == ["epochs="])
    }

    @Test func ctrlCDropsTheUnfinishedInput() {
        let r = run([.line("l = [1,"), .interrupted, .line("l = 5"), .line("l")])
        #expect(r.output == "5\n")
        #expect(r.reader.prompts == ["jnb> ", "...> ", "jnb> ", "jnb> ", "jnb> "])
        #expect(r.reader.history == ["l = 5", "l"])
    }

    @Test func endOfInputOnAContinuationLineReportsTheStatementAndGoesOn() {
        let r = run([.line("x = (1 +"), .endOfInput, .line("print 42")])
        #expect(r.status == 0)
        #expect(r.output == """
            error: expected a value after '+', found the end of the input; the '(' at 1:5 is not closed
              x = (1 +
                      ^
            42

            """)
        #expect(r.reader.prompts == ["jnb> ", "...> ", "jnb> ", "jnb> "])
        #expect(r.reader.history == ["x = (1 +", "print 42"])
    }

    @Test func errorsShowACaretAndTheSessionGoesOn() {
        let r = run([.line("x = 1"), .line("x = x + [2]"), .line("split x trian=0.8"), .line("x")])
        #expect(r.output == """
            error: cannot apply '+' to a number and a list
              x = x + [2]
                  ^^^^^^^
            error: split has no argument 'trian'; did you mean 'train'? (its arguments are jets, train, test, seed)
              split x trian=0.8
                      ^^^^^
            1

            """)
    }

    @Test func anErrorInAFileThatRunRanShowsThatFilesLine() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("r1.jnb").path
        try "a = 1\nb = nosuch\nc = 3\n".write(toFile: path, atomically: true, encoding: .utf8)
        let r = run([.line("run \"\(path)\"")])
        #expect(r.output == """
            error: \(path):2:5: unknown name 'nosuch'; 'vars' lists the variables, 'help' the commands
              b = nosuch
                  ^^^^^^

            """)
    }

    @Test func blankLinesAreNotHistory() {
        let r = run([.line(""), .line("   "), .line("1")])
        #expect(r.reader.history == ["1"])
        #expect(r.output == "1\n")
    }

    @Test func quitEndsWithItsStatus() {
        let r = run([.line("quit 7"), .line("print \"not reached\"")])
        #expect(r.status == 7)
        #expect(r.output.isEmpty)
    }

    @Test func endOfInputEndsCleanly() {
        let r = run([.line("x = 1")])
        #expect(r.status == 0)
        #expect(r.session.variableNames == ["x"])
    }
}
