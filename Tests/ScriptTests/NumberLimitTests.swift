import Testing
import Script
import TestSupport

/// Numbers at the edge: a whole number out of a count's range is told the range (not "must be
/// a whole number"); a literal past the largest double is an error, in the language and in
/// `--set`, never infinity; a histogram range whose width is not a number is a plain
/// argument error.
@Suite struct NumberLimitTests {
    private func error(_ source: String) -> ScriptError? {
        Session(output: CapturedOutput()).execute(source).error
    }

    @Test func aWholeNumberOutOfRangeIsToldTheRange() {
        #expect(error("j = simulate n=1e30")?.message == "simulate: argument 'n': expected a whole number ≥ 1 below 10^15, got number 1e+30")
        #expect(error("quit 300")?.message == "quit: argument 'status': expected a whole number 0…255, got number 300")
        // Not whole: the type, as before.
        #expect(error("j = simulate n=2.5")?.message == "simulate: argument 'n': expected a whole number ≥ 1, got number 2.5")
        #expect(error("j = simulate n=0")?.message == "simulate: argument 'n': expected a whole number ≥ 1, got number 0")
    }

    @Test func aNumberPastTheLargestIsRefused() throws {
        let literal = try #require(error("x = 2 * 1e400"))
        #expect(literal.message == "this number is too large: numbers go up to about 1.8e308")
        #expect(literal.exitCode == 65)
        #expect(literal.span?.column == 9 && literal.span?.length == 5)
        #expect(error("x = 1.7e308") == nil)
        // --set, with and without a number default.
        let session = Session(output: CapturedOutput())
        #expect(throws: ScriptError.self) { try session.define("n", literal: "1e400", like: .number(1000)) }
        do {
            try session.define("m", literal: "-1e400")
            Issue.record("-1e400 was taken")
        } catch {
            #expect(error.message == "-1e400 is too large: numbers go up to about 1.8e308")
        }
        #expect(session.value("m") == nil)
        try session.define("text", literal: "1e400x")
        #expect(session.value("text").map { if case .string("1e400x") = $0 { true } else { false } } == true)
    }

    @Test func aHistogramRangeTooWideIsAnArgumentError() throws {
        let wide = try #require(error("j = simulate n=50 seed=1\nhist j.jet_mass range=[-1e308, 1e308]"))
        #expect(wide.message == "hist: range must be [low, high] with high − low at most about 1.8e308 (the largest number), got low -1e+308 and high 1e+308")
        #expect(wide.span?.line == 2 && wide.span?.column == 23)
        let wide2d = try #require(error("j = simulate n=50 seed=1\nhist2d j.jet_mass j.jet_pt range=[0, 1, -1e308, 1e308]"))
        #expect(wide2d.message == "hist2d: range must be [xlow, xhigh, ylow, yhigh] with yhigh − ylow at most about 1.8e308 (the largest number), got ylow -1e+308 and yhigh 1e+308")
        let data = try #require(error("t = table a=[-1e308, 1e308]\nhist t.a"))
        #expect(data.message == "hist: the values run from -1e+308 to 1e+308, further apart than the largest number (about 1.8e308); give range= to choose the bins")
    }
}
