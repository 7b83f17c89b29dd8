import Simulator
import Testing
import Script
import TestSupport

/// The simulator's physics knobs: a value outside a knob's range is an argument error under
/// that knob, worded as every other argument error, and `help simulate` shows each range from
/// the same table the simulator validates with.
@Suite struct KnobRangeTests {
    /// The error's message and the columns its caret covers.
    private func failure(_ source: String) -> (message: String, columns: ClosedRange<Int>)? {
        guard let error = Session(output: CapturedOutput()).execute(source).error, let span = error.span else { return nil }
        return (error.message, span.column...(span.column + span.length - 1))
    }

    @Test func aKnobOutsideItsOwnRangeIsShownUnderIt() throws {
        let wMass = try #require(failure("j = simulate n=10 wMass=-80"))
        #expect(wMass.message == "simulate: argument 'wMass': expected a number > 0, got number -80")
        #expect(wMass.columns == 25...27)
        let fraction = try #require(failure("j = simulate n=10 quarkFraction=1.5"))
        #expect(fraction.message == "simulate: argument 'quarkFraction': expected a number 0…1, got number 1.5")
        let angle = try #require(failure("j = simulate n=10 partonMaxAngle=0"))
        #expect(angle.message == "simulate: argument 'partonMaxAngle': expected a number > 0 and ≤ 2, got number 0")
    }

    @Test func aLimitSetByAnotherKnobShowsItsValue() throws {
        let range = try #require(failure("j = simulate n=10 wMassRange=90"))
        #expect(range.message == "simulate: argument 'wMassRange': expected a number > 0 and < wMass (here 80.4), got number 90")
        #expect(range.columns == 30...31)
        let cutoff = try #require(failure("j = simulate n=10 alphaSAtMZ=0.2 showerCutoff=1"))
        #expect(cutoff.message.hasPrefix("simulate: argument 'showerCutoff': expected a number ≥ the kT where αs reaches 1.5 (here "))
        #expect(cutoff.message.hasSuffix(") and ≤ 10, got number 1"))
    }

    @Test func aDefaultMadeWrongByAnotherKnobIsShownUnderThatKnob() throws {
        // wMass=10 leaves the default Breit–Wigner cut of ±20 GeV reaching below zero.
        let moved = try #require(failure("j = simulate n=10 wMass=10"))
        #expect(moved.message == "simulate: argument 'wMassRange': expected a number > 0 and < wMass (here 10), got its default 20; give wMassRange= too")
        #expect(moved.columns == 25...26)
    }

    @Test func helpShowsEveryKnobsRange() throws {
        let output = CapturedOutput()
        #expect(Session(output: output).execute("help simulate").succeeded)
        #expect(output.text.contains("  wMass                   physics knob: W pole mass, GeV (number > 0; default 80.4)\n"))
        #expect(output.text.contains("  underlyingEventRadius   physics knob: underlying event made within this ΔR of the hard object (number 0…1.6; default 1.3)\n"))
        for knob in PhysicsParameters.knobs {
            let line = try #require(output.text.split(separator: "\n").first { $0.hasPrefix("  \(knob.name) ") })
            #expect(line.contains("(number \(knob.range.description(format: NumberFormat.plain)); default "), "\(line)")
        }
    }

    @Test func theDefaultsAreInsideTheirRanges() {
        #expect(PhysicsParameters().knobOutOfRange() == nil)
    }
}
