import Testing
import Script
import TestSupport

/// `quit` takes effect only when its statement succeeds, like every other effect of a
/// statement; a failing statement leaves the session running.
@Suite struct QuitTests {
    @Test func aFailingStatementDoesNotQuit() {
        let session = Session(output: CapturedOutput())
        for statement in ["x = 1 + quit", "x = vars + quit", "quit (-1)", "quit 256", "time quit [1]", "y = [quit]"] {
            let result = session.execute(statement)
            #expect(!result.succeeded, "\(statement) succeeded")
            #expect(session.quitStatus == nil, "\(statement) quit")
        }
        #expect(session.value("x") == nil)
        #expect(session.execute("print 1").succeeded)
    }

    @Test func aSucceedingQuitStopsTheRestWithItsStatus() {
        let output = CapturedOutput()
        let session = Session(output: output)
        let result = session.execute("print \"a\"\ntime quit 4\nprint \"b\"")
        #expect(result.succeeded)
        #expect(session.quitStatus == 4)
        #expect(!output.text.contains("b"))
    }

    @Test func aSignedStatusNeedsParentheses() {
        let session = Session(output: CapturedOutput())
        let result = session.execute("quit -1; print \"after\"")
        #expect(result.exitCode == 65)
        #expect(session.quitStatus == nil)
    }
}
