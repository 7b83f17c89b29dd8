import Testing
import Script
import TestSupport

/// A command that gives no value (print, vars, quit, a plot saved with save=) used as a value
/// is named in the error, "quit (which gives no value)", never "a nothing".
@Suite struct NoValueTests {
    @Test func theErrorNamesTheCommand() throws {
        let cases: [(source: String, message: String)] = [
            ("x = vars + 1", "cannot apply '+' to vars (which gives no value) and a number"),
            ("x = -vars", "cannot apply '-' to vars (which gives no value)"),
            ("x = not (vars)", "cannot apply 'not' to vars (which gives no value)"),
            ("x = (print 1).count", "print (which gives no value) has no members"),
            ("x = (vars)[0]", "cannot index vars (which gives no value)"),
            ("x = [1, 2][vars]", "an index must be a whole number, a range or a mask, got vars (which gives no value)"),
            ("x = [1, vars]", "a list cannot hold vars (which gives no value)"),
            ("x = vars:3", "a range needs whole numbers on both sides of ':', got vars (which gives no value) and 3"),
            ("x = 0.5:10", "a range needs whole numbers on both sides of ':', got 0.5 and 10"),
            ("print (vars)", "print: argument 'values': expected a value, got vars (which gives no value)"),
            ("x = select (vars)", "select: argument 'jets': expected a jet set, got vars (which gives no value)"),
            ("x = vars", "vars gives no value, so there is nothing to assign to 'x'"),
        ]
        for c in cases {
            let result = Session(output: CapturedOutput()).execute(c.source)
            let error = try #require(result.error, "\(c.source) succeeded")
            #expect(error.message == c.message)
            #expect(error.exitCode == 70)
            #expect(!error.message.contains("a nothing"))
        }
    }
}
