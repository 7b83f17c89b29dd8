import Testing
import Script

@Suite struct ScannerTests {
    private func kinds(_ source: String) throws -> [Token.Kind] {
        try Scanner.tokens(source).map(\.kind)
    }

    @Test func tokensCarryLineAndColumn() throws {
        let tokens = try Scanner.tokens("x = 1\n  fit ae epochs=30", origin: SourceOrigin(file: "t.jnb", line: 10))
        let fit = try #require(tokens.first { $0.identifier == "fit" })
        #expect(fit.span.line == 11)
        #expect(fit.span.column == 3)
        #expect(fit.span.length == 3)
        #expect(fit.span.description == "t.jnb:11:3")
        let thirty = try #require(tokens.first { $0.kind == .number(30) })
        #expect(thirty.span.column == 17)
    }

    @Test func numbersInTheirForms() throws {
        #expect(try kinds("1e-3 2.5 100_000 .5 3.") == [.number(1e-3), .number(2.5), .number(100_000), .number(0.5), .number(3), .endOfInput])
    }

    @Test func memberDotIsNotANumber() throws {
        #expect(try kinds("parts.train") == [.identifier("parts"), .symbol(.dot), .identifier("train"), .endOfInput])
    }

    @Test func stringsTakeBothQuotesAndEscapeOnlyQuotesAndBackslash() throws {
        #expect(try kinds(#""a\"b" 'it\'s' "a\\b""#) == [.string("a\"b"), .string("it's"), .string("a\\b"), .endOfInput])
        // Other backslashes stay: LaTeX in labels needs no doubling.
        #expect(try kinds(#""$\tau_{21}$ \nu \n""#) == [.string(#"$\tau_{21}$ \nu \n"#), .endOfInput])
    }

    @Test func lineEndsInsideBracketsAreSpace() throws {
        #expect(try kinds("[1,\n 2]\nx") == [.symbol(.leftBracket), .number(1), .symbol(.comma), .number(2),
                                             .symbol(.rightBracket), .newline, .identifier("x"), .endOfInput])
    }

    @Test func trailingBackslashJoinsLines() throws {
        #expect(try kinds("fit ae \\  # comment\n  data") == [.identifier("fit"), .identifier("ae"), .identifier("data"), .endOfInput])
    }

    @Test func commentsCRLFAndByteOrderMarkAreIgnored() throws {
        #expect(try kinds("\u{FEFF}x = 1 # set x\r\ny\r\n") == [.identifier("x"), .symbol(.assign), .number(1), .newline,
                                                                 .identifier("y"), .endOfInput])  // the final newline ends the input
    }

    @Test func twoCharacterOperators() throws {
        #expect(try kinds("a == b != c <= d >= e") == [.identifier("a"), .symbol(.equal), .identifier("b"), .symbol(.notEqual),
                                                       .identifier("c"), .symbol(.lessEqual), .identifier("d"),
                                                       .symbol(.greaterEqual), .identifier("e"), .endOfInput])
    }

    @Test func spaceBeforeDistinguishesCallFromArgument() throws {
        let tokens = try Scanner.tokens("mass(x) mass (x)")
        #expect(tokens[1].spaceBefore == false)
        #expect(tokens[5].spaceBefore == true)
    }

    @Test func unterminatedStringPointsAtItsQuote() {
        #expect(throws: ScriptError(.syntax, "unterminated string: the quote \" opened here is never closed",
                                    at: SourceSpan(file: "n.jnb", line: 2, column: 6))) {
            try Scanner.tokens("x = 1\nload \"data.h5\nmore", origin: SourceOrigin(file: "n.jnb"))
        }
    }

    @Test func unexpectedCharacterHasItsColumn() {
        #expect(throws: ScriptError(.syntax, "unexpected character '{'; lists use [ ]", at: SourceSpan(line: 1, column: 5))) {
            try Scanner.tokens("x = {1}")
        }
    }

    @Test func malformedExponent() {
        #expect(throws: ScriptError(.syntax, "malformed number: an exponent needs digits, as in 1e-3", at: SourceSpan(line: 1, column: 4, length: 2))) {
            try Scanner.tokens("lr=1e")
        }
    }

    @Test func openStateForContinuationLines() {
        #expect(Scanner.openState("hist [a,").brackets == 1)
        #expect(Scanner.openState("load \"data").insideString)
        #expect(Scanner.openState("fit ae \\").trailingBackslash)
        #expect(!Scanner.openState("x = (1 + 2)").isOpen)
        #expect(!Scanner.openState("x = 1 # [ not open").isOpen)
    }
}
