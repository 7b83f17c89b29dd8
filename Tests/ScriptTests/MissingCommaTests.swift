import Testing
import Script
import TestSupport

/// A forgotten comma between a call's arguments (or a list's items) is a syntax error at the
/// place of the missing comma, not a "missing argument" of the outer command.
@Suite struct MissingCommaTests {
    private func error(_ source: String) -> ScriptError? {
        Session(output: CapturedOutput()).check(source)
    }

    @Test func aMissingCommaIsReportedWhereItIsMissing() throws {
        let cases: [(source: String, message: String, column: Int)] = [
            ("fit(ae parts.train)", "expected ',' or ')' in the call to 'fit' opened at 1:4, found name 'parts'", 8),
            ("r = residuals(a b)", "expected ',' or ')' in the call to 'residuals' opened at 1:14, found name 'b'", 17),
            ("fit(model=ae parts.train)", "expected ',' or ')' in the call to 'fit' opened at 1:4, found name 'parts'", 14),
            ("l = [a b]", "expected ',' or ']' in the list opened at 1:5, found name 'b'", 8),
            ("print(fti ae)", "expected ',' or ')' in the call to 'print' opened at 1:6, found name 'ae'; 'fti' is not a command; did you mean 'fit'?", 11),
        ]
        for c in cases {
            let found = try #require(error(c.source), "\(c.source) was accepted")
            #expect(found.message == c.message)
            #expect(found.category == .syntax)
            #expect(found.span?.column == c.column, "\(c.source)")
        }
    }

    @Test func aCommandInsideParenthesesStillDropsItsOwn() {
        let output = CapturedOutput()
        let result = Session(output: output).execute("t = table a=[1, 2]\nprint(table b=[3], t.a.count)\nl = [table c=[1] d=[2], 5]\nprint l.count")
        #expect(result.succeeded, "\(result.error?.description ?? "")")
        #expect(output.text.hasSuffix("2\n2\n"))
    }

    @Test func helpInParenthesesIsHelpOfTheName() {
        let plain = CapturedOutput(), called = CapturedOutput()
        #expect(Session(output: plain).execute("help fit").succeeded)
        let result = Session(output: called).execute("help(fit)")
        #expect(result.succeeded, "\(result.error?.description ?? "")")
        #expect(called.text == plain.text)
        #expect(called.text.hasPrefix("usage: fit MODEL DATA"))
    }
}
