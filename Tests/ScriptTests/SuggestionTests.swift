import Testing
import Script

/// "Did you mean": close spellings, jnb's word for a habit from another environment, and no
/// guess for a single letter (any other letter is one edit away).
@Suite struct SuggestionTests {
    @Test func habitsFromOtherEnvironmentsPointAtJnbsCommand() {
        let s = Session(output: CapturedOutput())
        #expect(s.execute("exit").error?.message == "unknown name 'exit'; did you mean 'quit'?")
        #expect(s.execute("exit()").error?.message == "unknown command 'exit'; did you mean 'quit'?")
        #expect(s.execute("whos").error?.message == "unknown name 'whos'; did you mean 'vars'?")
    }

    @Test func singleLettersGetNoGuessButLongerNamesDo() {
        let s = Session(output: CapturedOutput())
        #expect(s.execute("x = 1").succeeded)
        #expect(s.execute("print m").error?.message == "unknown name 'm'; 'vars' lists the variables, 'help' the commands")
        #expect(s.execute("simulat n=3").error?.message == "unknown command 'simulat'; did you mean 'simulate'?")
        #expect(s.execute("fit x x epohcs=3").error?.message.contains("did you mean 'epochs'?") == true)
        #expect(s.execute("q").error?.message == "unknown name 'q'; did you mean 'quit'?")
    }
}
