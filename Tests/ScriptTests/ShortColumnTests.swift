import Testing
import Script
import TestSupport

/// A column of up to 20 values is shown as its values, as numpy shows an array; a longer one
/// shows its first and last three values above its statistics.
@Suite struct ShortColumnTests {
    private func shown(_ source: String) -> String {
        let output = CapturedOutput()
        _ = Session(output: output).execute("t = table a=[3, 1.5, -2, 40, 5, 6]\nc = t.a\n" + source)
        return output.text
    }

    @Test func aShortColumnShowsItsValues() {
        #expect(shown("print c[0:5]") == "column a: 5 values\n  [3, 1.5, -2, 40, 5]\n")
        #expect(shown("c[1:3]") == "column a: 2 values\n  [1.5, -2]\n")
        #expect(shown("c > 2") == "mask a > 2: 4 of 6 true\n  [true, false, false, true, true, true]\n")
    }

    @Test func twentyValuesAreShownAndWrapped() throws {
        let output = CapturedOutput()
        _ = Session(output: output).execute("j = simulate n=20 seed=3\nj.jet_eta * 0 + 1234.5")
        let lines = output.text.split(separator: "\n").map(String.init)
        try #require(lines.count == 3)
        #expect(lines[0].hasSuffix(": 20 values"))
        #expect(lines[1].hasPrefix("  [1234.5, 1234.5,") && lines[1].count <= 90)
        #expect(lines[2].hasPrefix("   1234.5") && lines[2].hasSuffix("1234.5]"))
        #expect(lines[1...].joined().components(separatedBy: "1234.5").count - 1 == 20)
    }

    @Test func aLongColumnShowsItsEndsAndItsStatistics() {
        let output = CapturedOutput()
        _ = Session(output: output).execute("t = table a=[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21]\nt.a")
        let lines = output.text.split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        #expect(lines.prefix(2) == ["column a: 21 values", "  [1, 2, 3, …, 19, 20, 21]"])
        #expect(lines[2].hasPrefix("  mean  11"))
        #expect(lines[3].hasPrefix("  std   6.0"))
        #expect(lines[4...] == ["  min   1", "  max   21"])
    }
}
