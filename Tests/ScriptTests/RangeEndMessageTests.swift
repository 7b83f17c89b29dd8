import Testing
import Script
import TestSupport

/// A range written as an index is written elsewhere too (`rows=1000:`, `l[-2:]`): the error
/// says what differs there, rather than only that a value was expected.
@Suite struct RangeEndMessageTests {
    private func error(_ source: String) -> ScriptError? {
        Session(output: CapturedOutput()).execute(source).error
    }

    @Test func anEndLeftOutOutsideAnIndexIsNamed() throws {
        let open = try #require(error("jets = load \"j.h5\" rows=1000:"))
        #expect(open.message == "expected the end of the range after ':', found the end of the input; only an index may leave it out (x[10:] is x from position 10 on)")
        #expect(open.span?.column == 30)
        #expect(error("x = (3:)")?.message == "expected the end of the range after ':', found ')'; only an index may leave it out (x[10:] is x from position 10 on)")
        // An open bracket is still named.
        #expect(error("x = (3:")?.message == "expected the end of the range after ':', found the end of the input; the '(' at 1:5 is not closed; only an index may leave it out (x[10:] is x from position 10 on)")
        let start = try #require(error("jets = load \"j.h5\" rows=:1000"))
        #expect(start.message == "expected a value, found ':'; only an index may leave out the start of a range (x[:10] is x up to position 10)")
        #expect(start.span?.column == 25)
        // Nothing was run: these are found before the file is opened.
        #expect(error("jets = load \"j.h5\" rows=1000:")?.exitCode == 65)
    }

    /// Python's step (`x[::2]`, `x[0:10:2]`) is not a missing value: ranges have none.
    @Test func aStepIsSaidToBeNone() throws {
        let step = "a range has no step: x[a:b] takes every position from a to b − 1"
        for (index, column) in [("l[::2]", 4), ("l[0:4:2]", 6), ("l[1::2]", 5), ("l[:2:1]", 5)] {
            let found = try #require(error("l = [1, 2, 3, 4]\n\(index)"), "\(index)")
            #expect(found.message == step, "\(index)")
            #expect(found.span?.column == column, "\(index)")
        }
        #expect(error("r = 0:4:2")?.message == step)
        #expect(error("l = [1, 2, 3, 4]\nx = [l[1:], l[:1], l[1:3], 0:2]") == nil)
    }

    @Test func aNegativeEndIsToldApartFromAnEndBeforeTheStart() {
        let negative = "has a negative end: a range's ends are positions from 0 on (only a single index counts from the end, as x[-1])"
        #expect(error("l = [1, 2, 3]\nl[-2:]")?.message == "the range -2: \(negative)")
        #expect(error("l = [1, 2, 3]\nl[:-1]")?.message == "the range :-1 \(negative)")
        #expect(error("l = [1, 2, 3]\nl[0:-1]")?.message == "the range 0:-1 \(negative)")
        #expect(error("l = [1, 2, 3]\nl[2:1]")?.message == "the range 2:1 ends before it starts")
        #expect(error("x = 3:1")?.message == "the range 3:1 ends before it starts")
    }
}
