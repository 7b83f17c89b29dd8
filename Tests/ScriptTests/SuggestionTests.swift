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

    /// `jets.mass` is what a physicist types first: the stored variable is jet_mass, and
    /// mass(jets) computes another mass from the image.
    @Test func jetVariablesByTheirUsualNames() {
        let s = Session(output: CapturedOutput())
        #expect(s.execute("j = simulate n=10").succeeded)
        func message(_ source: String) -> String? {
            s.execute(source).error?.message.components(separatedBy: " (members:").first
        }
        #expect(message("j.mass") == "a jet set has no member 'mass'; did you mean 'jet_mass' (stored) or mass(j) (from the image)?")
        #expect(message("j.pt") == "a jet set has no member 'pt'; did you mean 'jet_pt' (stored) or pt(j) (from the image)?")
        #expect(message("(select j signal=1).pt") == "a jet set has no member 'pt'; did you mean 'jet_pt' (stored) or pt(JETS) (from the image)?")
        #expect(message("j.eta") == "a jet set has no member 'eta'; did you mean 'jet_eta'?")
        #expect(message("j.phi") == "a jet set has no member 'phi'; did you mean 'jet_phi'?")
        #expect(message("j.tau21") == "a jet set has no member 'tau21'; did you mean 'tau_21'?")
        #expect(message("j.deltaR") == "a jet set has no member 'deltaR'; did you mean 'jet_delta_R'?")
        #expect(message("j.jetmass") == "a jet set has no member 'jetmass'; did you mean 'jet_mass' (stored) or mass(j) (from the image)?")
        #expect(message("j[0].mass") == "a jet has no member 'mass'; did you mean 'jet_mass'?")
    }
}
