import Testing
import Script
import TestSupport

/// Arithmetic on columns names the result after what was computed, with the parentheses its
/// precedence needs; the name becomes a histogram's default axis label.
@Suite struct DerivedColumnNameTests {
    @Test func compoundOperandsKeepTheirParentheses() throws {
        let s = Session(output: CapturedOutput())
        try s.define("fixture", .string(Fixtures.pythia4k.path))
        #expect(s.execute("j = load fixture rows=0:10; a = j.jet_mass; b = j.jet_pt").succeeded)
        let cases = [
            ("(a - b) * 2", "(jet_mass - jet_pt) * 2"),
            ("a - (b - a)", "jet_mass - (jet_pt - jet_mass)"),
            ("-(a + b)", "-(jet_mass + jet_pt)"),
            ("(a - b) ^ 2", "(jet_mass - jet_pt) ^ 2"),
            ("a * 2", "jet_mass * 2"),
            ("a / b", "jet_mass / jet_pt"),
            ("a * 2 + 1", "jet_mass * 2 + 1"),
            ("a / (b * 2)", "jet_mass / (jet_pt * 2)"),
            ("(a < 80) and (b > 260)", "jet_mass < 80 and jet_pt > 260"),
        ]
        for (expression, name) in cases {
            #expect(s.execute("n = (\(expression)).name").succeeded)
            if case .string(let got)? = s.value("n") {
                #expect(got == name, "\(expression)")
            } else {
                Issue.record("\(expression) has no name")
            }
        }
    }
}
