import Testing
import Script

/// `help VARIABLE.MEMBER` explains the member, as `help VARIABLE` lists the members.
@Suite struct MemberHelpTests {
    @Test func helpOfAMemberSaysWhatItIs() {
        let output = CapturedOutput()
        let s = Session(output: output)
        #expect(s.execute("t = table a=[1, 2]; l = [t]; help t.a; help t.a.mean").succeeded)
        #expect(output.text.hasPrefix("t.a is a column: a: 2 values, mean 1.5"))
        #expect(output.text.contains("\nt.a.mean is a number: 1.5\n  "))
        let misspelt = s.execute("help t.b")
        #expect(misspelt.error?.message.hasPrefix("help: ") == true)
        #expect(misspelt.error?.message.contains("no member 'b'") == true, "\(misspelt.error?.message ?? "")")
        #expect(misspelt.error?.span?.column == 6)
    }

    /// What is not a name gets an example that names something.
    @Test func anExpressionIsRefusedWithARealExample() {
        let result = Session(output: CapturedOutput()).execute("help (1 + 2)")
        #expect(result.error?.message == "help: argument 'topic' must be a name, as in 'help fit'")
    }
}
