import Testing
import Script
import TestSupport

/// `x[10:]`, `x[:10]`, `x[:]`: a range in an index may leave out its start or its end, for
/// every value that can be indexed; an end past the length is refused as for `x[a:b]`.
@Suite struct OpenSliceTests {
    private func shown(_ source: String) -> (output: String, error: ScriptError?) {
        let output = CapturedOutput()
        let result = Session(output: output).execute(source)
        return (output.text, result.error)
    }

    @Test func listsColumnsJetSetsAndTables() {
        #expect(shown("l = [1, 2, 3, 4]\nl[2:]\nl[:1]\nl[:]").output == "[3, 4]\n[1]\n[1, 2, 3, 4]\n")
        #expect(shown("t = table a=[5, 6, 7]\nc = t.a\nprint c[1:].count c[:2].sum c[:].count").output == "2 11 3\n")
        #expect(shown("j = simulate n=50 seed=1\nprint j[45:].count j[:5].count j[:].count j[50:].count").output == "5 5 50 0\n")
        #expect(shown("t = table a=[1, 2, 3]\nprint t[1:].count t[:1].count").output == "2 1\n")
        // The same jets as with both ends written.
        #expect(shown("j = simulate n=50 seed=1\nprint j[45:].jet_mass.sum == j[45:50].jet_mass.sum").output == "true\n")
        // Ends are computed like any other: `n - 2:` reads as `(n - 2):`.
        #expect(shown("n = 4\nl = [1, 2, 3, 4]\nl[n - 2:]").output == "[3, 4]\n")
    }

    @Test func endsPastTheLengthAreRefusedAsForAFullRange() throws {
        let past = try #require(shown("l = [1, 2, 3]\nl[5:]").error)
        #expect(past.message == "the range 5: goes past the end of a list of 3 items")
        #expect(past.span?.line == 2 && past.span?.column == 3 && past.span?.length == 2)
        #expect(shown("l = [1, 2, 3]\nl[:4]").error?.message == "the range :4 goes past the end of a list of 3 items")
        #expect(shown("l = [1, 2, 3]\nl[0:4]").error?.message == "the range 0:4 goes past the end of a list of 3 items")
        #expect(shown("l = [1, 2, 3]\nl[-1:]").error?.message == "the range -1: has a negative end: a range's ends are positions from 0 on (only a single index counts from the end, as x[-1])")
        #expect(shown("l = [1, 2, 3]\nl[0.5:]").error?.message == "a range needs a whole number before ':', got 0.5")
        #expect(shown("l = [1, 2, 3]\nl[:\"a\"]").error?.message == "a range needs a whole number after ':', got a string")
        #expect(shown("x = 3\nx[1:]").error?.message == "a number cannot be indexed; lists, columns, jet sets and tables can")
    }

    @Test func onlyAnIndexLeavesAnEndOut() {
        #expect(shown("l = [1, 2, 3]\nl[1:2:]").error?.message == "a range has no step: x[a:b] takes every position from a to b − 1")
        #expect(shown("x = 2:").error?.message == "expected the end of the range after ':', found the end of the input; only an index may leave it out (x[10:] is x from position 10 on)")
        #expect(shown("x = [1, 2:]").error?.message == "expected ',' or ']' in the list opened at 1:5, found ':'")
    }
}
