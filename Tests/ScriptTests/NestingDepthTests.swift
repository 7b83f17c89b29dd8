import Foundation
import Script
import Testing
import TestSupport

/// Deeply nested input gets a syntax error, not a stack overflow: the parser, the checker and
/// the interpreter all recurse over the syntax tree.
@Suite struct NestingDepthTests {
    private let grammar = CommandTable.standard.grammar

    private func depthError(_ source: String) -> ScriptError? {
        do {
            _ = try Parser.parse(source, grammar: grammar)
            return nil
        } catch {
            return error.message.contains("nested too deeply") ? error : nil
        }
    }

    @Test func nestingUpToTheLimitStillRuns() throws {
        let depth = Parser.maxDepth / 2
        let source = "x = " + String(repeating: "(", count: depth) + "1 + 2" + String(repeating: ")", count: depth)
        let session = Session(output: CapturedOutput())
        let execution = session.execute(source + "\nx")
        #expect(execution.succeeded)
        #expect(session.value("x")?.description == "3")
    }

    @Test(arguments: [
        String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000),
        String(repeating: "[", count: 5000),
        "x = " + String(repeating: "-", count: 5000) + "1",
        String(repeating: "not ", count: 5000) + "true",
        Array(repeating: "2", count: 5000).joined(separator: "^"),
        Array(repeating: "1", count: 5000).joined(separator: " + "),
        "a" + String(repeating: "[0]", count: 5000),
        String(repeating: "time ", count: 5000) + "vars",
        String(repeating: "print(", count: 5000),
    ])
    func deepInputIsASyntaxError(source: String) throws {
        let error = try #require(depthError(source))
        #expect(error.exitCode == 65)
        #expect(error.message.contains("more than \(Parser.maxDepth) levels"))
    }

    @Test func checkAndExecuteRefuseDeepInputWithoutRunningIt() {
        let session = Session(output: CapturedOutput())
        let source = "x = 1\n" + Array(repeating: "x", count: 3000).joined(separator: " * ")
        #expect(session.check(source)?.message.contains("nested too deeply") == true)
        let execution = session.execute(source)
        #expect(execution.exitCode == 65)
        #expect(session.value("x") == nil)
    }

    /// Inputs that once crashed the script fuzz target (docs/FUZZING.md), replayed through
    /// the session's check, each with the error it must now give.
    @Test(arguments: [
        // Its eighth `[` holds `r curveq(…`: a name that is not a command followed by another,
        // now refused as a missing comma before the parser descends any deeper.
        ("deep-brackets.jnb", "expected ',' or ']' in the list opened at 1:10"),
    ])
    func fuzzRegressionInput(name: String, expected: String) throws {
        let data = try Data(contentsOf: Fixtures.file("fuzz-regressions/script/\(name)"))
        let source = try SourceFile.decode(data, name: name)
        let origin = SourceOrigin(file: name)
        let error = try #require(Session(output: CapturedOutput()).check(source, origin: origin))
        #expect(error.message.contains(expected), "\(name): \(error.message)")
        #expect(Session.diagnostic(error, source: source, origin: origin).contains(name))
    }
}
