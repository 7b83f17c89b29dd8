import Testing
import Script
import TestSupport

/// Tab after `x[0].` or `x[0:10].` offers the members of the value the indexed expression
/// would have, worked out without running anything (a command is never run for completion).
@Suite struct IndexedMemberCompletionTests {
    private func session() -> Session {
        let s = Session(output: CapturedOutput())
        _ = s.execute("jets = simulate n=20 seed=1\nl = [jets, 3]\nc = jets.jet_mass\nt = table mass=[1, 2] pt=[3, 4]\nparts = split jets train=0.5")
        return s
    }

    @Test func anElementHasTheMembersOfItsType() {
        let s = session()
        #expect(s.completions(before: "jets[0].si") == Completions(replacing: ".si", candidates: [".signal"], suffixAfterSingleCandidate: " ",
                                                                    listedFrom: 1))
        #expect(s.completions(before: "x = jets[-1].i").candidates == [".index"])
        // Listed by name, as after a variable: the dot is not part of the name.
        #expect(s.completions(before: "jets[0].tau_2").listed == ["tau_2", "tau_21"])
        #expect(s.completions(before: "jets.tau_2").listed == ["tau_2", "tau_21"])
        #expect(s.completions(before: "t[1].").candidates == [".mass", ".pt"])
        #expect(s.completions(before: "print l[0].nsig").candidates == [".nsignal"])
        // A number has no members.
        #expect(s.completions(before: "c[0].").candidates.isEmpty)
        #expect(s.completions(before: "l[1].").candidates.isEmpty)
    }

    @Test func aSliceOrAMaskKeepsTheMembersOfWhatIsIndexed() {
        let s = session()
        #expect(s.completions(before: "jets[0:10].nsig").candidates == [".nsignal"])
        #expect(s.completions(before: "jets[jets.jet_mass > 60].jet_m").candidates == [".jet_mass"])
        #expect(s.completions(before: "c[:5].me").candidates == [".mean", ".mean_error", ".median"])
        #expect(s.completions(before: "parts.train[2:].cou").candidates == [".count"])
        // Members after the index go on: `jets[0:10].jet_mass.` is a column.
        #expect(s.completions(before: "jets[0:10].jet_mass.me").candidates == [".jet_mass.mean", ".jet_mass.mean_error", ".jet_mass.median"])
        #expect(s.completions(before: "(jets[3:]).co").candidates == [".count"])
    }

    @Test func nothingIsRunToComplete() {
        let output = CapturedOutput()
        let s = Session(output: output)
        _ = s.execute("jets = simulate n=20 seed=1")
        // A command's value is unknown until it runs (only its type is known): nothing printed.
        #expect(s.completions(before: "(print jets)[0].").candidates.isEmpty)
        #expect(s.completions(before: "mass(jets)[0:3].co").candidates == [".count"])
        #expect(output.text.isEmpty)
        // An index out of range, or of a value that has none, offers nothing.
        #expect(s.completions(before: "jets[99].").candidates.isEmpty)
        #expect(s.completions(before: "nope[0].").candidates.isEmpty)
    }
}
