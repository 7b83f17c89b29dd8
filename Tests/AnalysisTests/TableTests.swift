import Analysis
import Testing

@Suite struct TableTests {
    let table = Table(title: "Mean reconstruction loss",
                      columns: ["setup", "background", "signal", "ratio"],
                      rows: [[.text("625-300-100-300-625"), .number(0.026), .number(0.0092), .number(2.826)],
                             [.text("625, \"wide\""), .number(0.00066), .number(0.00012), .count(5)]],
                      note: "MSE per pixel in GeV²")

    @Test func textAlignsNumbersOnTheirDecimalPoints() {
        let expected = """
        Mean reconstruction loss
        setup                background   signal  ratio
        ───────────────────  ──────────  ───────  ─────
        625-300-100-300-625     0.026    0.0092   2.826
        625, "wide"             0.00066  0.00012  5
        MSE per pixel in GeV²

        """
        #expect(table.text() == expected)
    }

    /// A long table prints its head and its last five rows around the count of rows left out;
    /// a table within the limit prints whole.
    @Test func longTablesPrintHeadAndTail() {
        let long = Table(title: "squares", columns: ["n", "n²"], rows: (0..<1000).map { [.count($0), .count($0 * $0)] })
        let lines = long.text(maxRows: 12).split(separator: "\n").map(String.init)
        #expect(lines.count == 3 + 12 + 1)
        #expect(lines[3] == "  0       0" && lines[9] == "  6      36")
        #expect(lines[10] == "… 988 more rows …")
        #expect(lines[11] == "995  990025" && lines[15] == "999  998001")
        #expect(long.text(maxRows: 1000) == long.text())
        #expect(long.text(maxRows: 999) == long.text(), "one hidden row is printed instead")
        #expect(table.text(maxRows: 40) == table.text())
    }

    /// Decimal points stand in line down a column, without digits added; a column with a
    /// number that needs an exponent writes all its numbers with one.
    @Test func decimalPointsLineUp() {
        let t = Table(title: "t", columns: ["a", "b"],
                      rows: [[.number(0.564), .number(123456789)], [.number(0.6274), .number(1600)], [.number(12), .number(2.5e-9)],
                             [.number(.nan), .text("")]])
        #expect(t.text() == """
            t
                  a          b
            ───────  ─────────
             0.564   1.235e+08
             0.6274  1.600e+03
            12       2.500e-09
                nan

            """)
        #expect(t.csv().contains("12,2.5e-09") && t.csv().contains("0.6274,1600\n"))
        // Whole numbers up to 2⁵³ in full, in the table and the CSV.
        let whole = Table(title: "w", columns: ["n"], rows: [[.number(9_007_199_254_740_992)], [.number(1e15)], [.number(1e20)]])
        #expect(whole.csv() == "n\n9007199254740992\n1000000000000000\n1e+20\n")
        #expect(whole.text().contains("9.007e+15"), "a column with 1e20 is written with exponents")
    }

    @Test func csvQuotesAndKeepsFullPrecision() {
        #expect(table.csv() == """
        setup,background,signal,ratio
        625-300-100-300-625,0.026,0.0092,2.826
        "625, ""wide\"\"\",0.00066,0.00012,5

        """)
    }

    @Test func markdownHasAlignedHeader() {
        let lines = table.markdown().split(separator: "\n")
        #expect(lines[1] == "| setup | background | signal | ratio |")
        #expect(lines[2] == "| --- | ---: | ---: | ---: |")
    }
}
