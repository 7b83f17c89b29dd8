import Testing
import Script

/// Each argument type accepts what it should and says what it expected otherwise.
@Suite struct ParameterTypeTests {
    private func message(_ type: ParameterType, _ value: Value) -> String? {
        do {
            _ = try type.convert(value)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func choicesSuggestTheClosestWord() {
        #expect(message(.choice(["leakyrelu", "relu", "tanh"]), .string("leakyrelo"))
                == "expected \"leakyrelu\" | \"relu\" | \"tanh\", got \"leakyrelo\"; did you mean 'leakyrelu'?")
        #expect(message(.choice(["leakyrelu", "relu", "tanh"]), .string("relu")) == nil)
    }

    @Test func numbersAndTheirRanges() {
        #expect(message(.integer(minimum: 1, maximum: nil), .number(0)) == "expected a whole number ≥ 1, got number 0")
        #expect(message(.integer(minimum: 1, maximum: nil), .number(2.5)) == "expected a whole number ≥ 1, got number 2.5")
        // A whole number too large to count with is not called "not a whole number".
        #expect(message(.integer(minimum: 1, maximum: nil), .number(4e18)) == "expected a whole number ≥ 1 below 10^15, got number 4e+18")
        #expect(message(.integer(minimum: 1, maximum: nil), .number(1e15 - 1)) == nil)
        #expect(message(.fraction, .number(1)) == "expected a fraction strictly between 0 and 1, got number 1")
        #expect(message(.numberIn(0...1), .number(1)) == nil)
        #expect(message(.numberAbove(0, strict: true), .number(0)) == "expected a number > 0, got number 0")
        #expect(message(.number, .string("3")) == "expected a number, got string \"3\"")
    }

    @Test func listsNameTheBadItem() {
        #expect(message(.list(.integer(minimum: 1, maximum: nil)), .list([.number(625), .number(-1)]))
                == "item 1 of the list: expected a whole number ≥ 1, got number -1")
    }

    @Test func aListOfNumbersIsAColumn() throws {
        guard case .column(let c) = try ParameterType.column.convert(.list([.number(1), .number(2)])) else {
            Issue.record("not a column")
            return
        }
        #expect(c.values == [1, 2])
    }

    @Test func masksAreZerosAndOnes() {
        #expect(message(.mask, .column(Column(name: "x", values: [0, 1, 2])))
                == "expected a mask (a comparison such as jets.jet_mass > 60), got a column with values other than 0 and 1")
    }
}
