import Analysis
import Testing

@Suite struct TableTests {
    let table = Table(title: "Mean reconstruction loss",
                      columns: ["setup", "background", "signal", "ratio"],
                      rows: [[.text("625-300-100-300-625"), .number(0.026), .number(0.0092), .number(2.826)],
                             [.text("625, \"wide\""), .number(0.00066), .number(0.00012), .count(5)]],
                      note: "MSE per pixel in GeV²")

    @Test func textAlignsNumbersRight() {
        let expected = """
        Mean reconstruction loss
        setup                background   signal  ratio
        ───────────────────  ──────────  ───────  ─────
        625-300-100-300-625       0.026   0.0092  2.826
        625, "wide"             0.00066  0.00012      5
        MSE per pixel in GeV²

        """
        #expect(table.text() == expected)
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
