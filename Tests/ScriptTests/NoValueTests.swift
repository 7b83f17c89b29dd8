import Foundation
import Testing
import Script
import TestSupport

/// A command that gives no value (print, save, vars, quit, a plot saved with save=) used where
/// a value is needed is refused when the input is checked, before any of it runs, and named in
/// the error, "quit (which gives no value)", never "a nothing".
@Suite struct NoValueTests {
    @Test func theErrorNamesTheCommand() throws {
        let cases: [(source: String, message: String)] = [
            ("x = vars + 1", "cannot apply '+' to vars (which gives no value)"),
            ("x = 1 + quit", "cannot apply '+' to quit (which gives no value)"),
            ("x = -vars", "cannot apply '-' to vars (which gives no value)"),
            ("x = not (vars)", "cannot apply 'not' to vars (which gives no value)"),
            ("x = (print 1).count", "print (which gives no value) has no members"),
            ("x = (vars)[0]", "cannot index vars (which gives no value)"),
            ("x = [1, 2][vars]", "an index must be a whole number, a range or a mask, got vars (which gives no value)"),
            ("x = [1, vars]", "a list cannot hold vars (which gives no value)"),
            ("x = vars:3", "a range needs whole numbers on both sides of ':', got vars (which gives no value)"),
            ("print (vars)", "print: argument 'values': expected a value, got vars (which gives no value)"),
            ("print \"a\" (quit 4)", "print: argument 'values': expected a value, got quit (which gives no value)"),
            ("x = select (vars)", "select: argument 'jets': expected a jet set, got vars (which gives no value)"),
            ("x = table a=(help)", "table: argument 'a': expected a value, got help (which gives no value)"),
            ("x = vars", "vars gives no value, so there is nothing to assign to 'x'"),
            ("x = time print 1", "print gives no value, so there is nothing to assign to 'x'"),
            ("x = hist [1, 2] save=\"h.svg\"", "hist gives no value, so there is nothing to assign to 'x'"),
            ("x = save 1 \"a.csv\"", "save gives no value, so there is nothing to assign to 'x'"),
        ]
        for c in cases {
            let output = CapturedOutput()
            let result = Session(output: output).execute("print \"ran\"\n" + c.source)
            let error = try #require(result.error, "\(c.source) succeeded")
            #expect(error.message == c.message)
            #expect(error.exitCode == 65, "\(c.source)")
            #expect(error.span?.line == 2)
            #expect(output.text.isEmpty, "\(c.source) ran something")
        }
        #expect(Session(output: CapturedOutput()).execute("x = 0.5:10").error?.message
                    == "a range needs whole numbers on both sides of ':', got 0.5 and 10")
    }

    /// The caret is under the command, so the message needs no more place than its name.
    @Test func theCaretIsUnderTheCommand() throws {
        let source = "y = 1 + (print \"side effect\")"
        let origin = SourceOrigin(file: "t.jnb")
        let error = try #require(Session(output: CapturedOutput()).execute(source, origin: origin).error)
        #expect(Session.diagnostic(error, source: source, origin: origin) == """
            error: t.jnb:1:9: cannot apply '+' to print (which gives no value)
              y = 1 + (print "side effect")
                      ^^^^^^^^^^^^^^^^^^^^^
            """)
    }

    /// Whether a plot gives a value depends on save=, and time gives its statement's value.
    @Test func valuesThatDependOnTheArguments() throws {
        let session = Session(output: CapturedOutput())
        #expect(session.execute("h = hist [1, 2, 3]; t = time 1 + 2").succeeded)
        guard case .number(let t)? = session.value("t") else { Issue.record("t is not a number"); return }
        #expect(t == 3)
        guard case .figure? = session.value("h") else { Issue.record("h is not a figure"); return }
    }

    @Test func aRefusedStatementWritesNoFile() throws {
        let folder = try Fixtures.temporaryDirectory("jnb-novalue")
        defer { try? FileManager.default.removeItem(at: folder) }
        let session = Session(output: CapturedOutput())
        try session.define("tmp", .string(folder.path))
        for source in ["x = save [1, 2] (tmp + \"/a.csv\")", "x = hist [1, 2] save=(tmp + \"/a.svg\")",
                       "print (save [1, 2] (tmp + \"/b.csv\")) + 1"] {
            #expect(session.execute(source).exitCode == 65, "\(source)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}
