import Testing
import Script

@Suite struct ParserTests {
    private let grammar = CommandTable.standard.grammar

    private func parse(_ source: String) throws -> [Statement] {
        try Parser.parse(source, grammar: grammar)
    }

    /// A compact rendering of the tree: calls as name(args), keywords as k=v.
    private func shape(_ e: Expression) -> String {
        switch e.kind {
        case .number(let x): return NumberFormat.plain(x)
        case .string(let s): return "\"\(s)\""
        case .bool(let b): return "\(b)"
        case .variable(let n): return n
        case .list(let items): return "[" + items.map(shape).joined(separator: ", ") + "]"
        case .call(let call):
            return call.name + "(" + call.arguments.map { a in
                let value: String
                switch a.value {
                case .expression(let e): value = shape(e)
                case .statement(let s): value = "{" + shape(s) + "}"
                }
                return (a.label.map { $0 + "=" } ?? "") + value
            }.joined(separator: ", ") + ")"
        case .member(let base, let name, _): return shape(base) + "." + name
        case .index(let base, let i): return shape(base) + "[" + shape(i) + "]"
        case .unary(let op, let x): return "(" + op.rawValue + " " + shape(x) + ")"
        case .binary(let op, let a, let b): return "(" + shape(a) + " " + op.rawValue + " " + shape(b) + ")"
        case .range(let a, let b): return (a.map(shape) ?? "") + ":" + (b.map(shape) ?? "")
        }
    }

    private func shape(_ s: Statement) -> String {
        switch s.kind {
        case .assignment(let name, _, let value): return name + " = " + shape(value)
        case .expression(let e): return shape(e)
        }
    }

    private func shapes(_ source: String) throws -> [String] {
        try parse(source).map(shape)
    }

    @Test func commandsWithoutParentheses() throws {
        #expect(try shapes("fit ae parts.train epochs=30") == ["fit(ae, parts.train, epochs=30)"])
        #expect(try shapes("bg = select jets signal=0") == ["bg = select(jets, signal=0)"])
        #expect(try shapes("hist mass(sig) mass(bkg) bins=80") == ["hist(mass(sig), mass(bkg), bins=80)"])
        #expect(try shapes("confusion ae anomalous=(select jets signal=1)") == ["confusion(ae, anomalous=select(jets, signal=1))"])
    }

    @Test func commandsWithParentheses() throws {
        #expect(try shapes("fit(ae, parts.train, epochs=30)") == ["fit(ae, parts.train, epochs=30)"])
        #expect(try shapes("x = mass(select jets signal=1)") == ["x = mass(select(jets, signal=1))"])
    }

    @Test func aSpaceBeforeParenthesisMakesAnArgument() throws {
        #expect(try shapes("hist (mass a) (mass b)") == ["hist(mass(a), mass(b))"])
        #expect(try shapes("autoencoder [625, 100, 625]") == ["autoencoder([625, 100, 625])"])
        #expect(try shapes("x = jets[3]") == ["x = jets[3]"])
    }

    @Test func commandAloneIsACall() throws {
        #expect(try shapes("vars") == ["vars()"])
        #expect(try shapes("help fit") == ["help(fit)"])
    }

    @Test func timeTakesAStatement() throws {
        #expect(try shapes("time fit ae data epochs=2") == ["time({fit(ae, data, epochs=2)})"])
        #expect(try shapes("time out = reconstruct ae bg") == ["time({out = reconstruct(ae, bg)})"])
    }

    @Test func precedence() throws {
        #expect(try shapes("x = 1 + 2 * 3 ^ 2") == ["x = (1 + (2 * (3 ^ 2)))"])
        #expect(try shapes("x = -2 ^ 2") == ["x = (- (2 ^ 2))"])
        #expect(try shapes("m = a > 1 and not b < 2 or c == 3") == ["m = (((a > 1) and (not (b < 2))) or (c == 3))"])
        #expect(try shapes("y = mass(x).mean / 2") == ["y = (mass(x).mean / 2)"])
    }

    @Test func ranges() throws {
        #expect(try shapes("load f rows=0:n / 4") == ["load(f, rows=0:(n / 4))"])
        #expect(try shapes("x = jets[10:20]") == ["x = jets[10:20]"])
    }

    @Test func argumentsAreWholeExpressions() throws {
        #expect(try shapes("select jets where=jets.jet_mass > 60 n=10") == ["select(jets, where=(jets.jet_mass > 60), n=10)"])
        #expect(try shapes("hist a - b") == ["hist((a - b))"])
    }

    @Test func statementsSeparatedByLinesAndSemicolons() throws {
        #expect(try shapes("a = 1; b = 2\n\n c = [1,\n 2]") == ["a = 1", "b = 2", "c = [1, 2]"])
    }

    private func expectError(_ source: String, _ message: String, line: Int = 1, column: Int, length: Int = 1,
                             sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(throws: ScriptError(.syntax, message, at: SourceSpan(line: line, column: column, length: length)),
                sourceLocation: sourceLocation) {
            try parse(source)
        }
    }

    /// `hist -sig.jet_mass` is a subtraction; the advice wraps the whole operand, not its first word.
    @Test func aSignedArgumentIsAdvisedWhole() {
        func advice(_ command: String, _ operand: String) -> String {
            "'\(command) -\(operand)' reads as the subtraction '\(command) - \(operand)': after a command name, as after any value, "
                + "'-' is an operator; to pass -\(operand) as an argument, write '\(command) (-\(operand))'"
        }
        expectError("hist -sig.jet_mass save=\"h.svg\"", advice("hist", "sig.jet_mass"), column: 6, length: 13)
        expectError("print -l[0, 1].x", advice("print", "l[0, 1].x"), column: 7, length: 10)
        expectError("print -1", advice("print", "1"), column: 7, length: 2)
    }

    @Test func errorsSayWhereAndWhat() {
        expectError("x = ", "expected a value after 'x ='", column: 4, length: 1)  // right after the last token
        expectError("x = (1 + 2", "expected ')' to close the '(' at 1:5, found the end of the input", column: 11)
        // Blank lines after the text do not move the end of the input away from it.
        expectError("x = 1\ny = (2 +\n\n", "expected a value after '+', found the end of the input; the '(' at 2:5 is not closed", line: 2, column: 9)
        // A newline ending the text (as in a file or on standard input) is not "the end of the line".
        expectError("b = 1 +\n", "expected a value after '+', found the end of the input", column: 8)
        expectError("b = 1 +\nc = 2", "expected a value after '+', found the end of the line", column: 8)
        expectError("hist a, b", "commas separate arguments only inside parentheses: write 'hist a b' or 'hist(a, b)'", column: 7)
        expectError("print \"m\", x", "commas separate arguments only inside parentheses: write 'print a b' or 'print(a, b)'", column: 10)
        expectError("x = 1, 2", "a comma separates items only inside brackets: write [a, b] for a list", column: 6)
        expectError("x = 3 4", "unexpected number 4 after the end of the statement; put one statement per line or separate them with ;", column: 7)
        expectError("x = a < b < c", "comparisons cannot be chained; write 'a < b and b < c'", column: 11)
        expectError("y = 1)", "')' has no matching opening bracket", column: 6)
        expectError("f(1 2)", "expected ',' or ')' in the call to 'f' opened at 1:2, found number 2", column: 5)
        expectError("f(1, 2", "expected ')' to close the call to 'f' opened at 1:2, found the end of the input", column: 7)
        expectError("x = col.mean()", "'mean' is a value, not a function: write '.mean' without parentheses", column: 13)
        expectError("a.b = 1", "only a name can be assigned to (write 'name = value'); to compare, use ==", column: 5)
        expectError("x = [1, 2", "expected ']' to close the list opened at 1:5, found the end of the input", column: 10)
        expectError("fit ae data epochs=", "expected a value after 'epochs='", column: 20)
    }

    /// Input that ends inside brackets: the error says what the value should have followed
    /// and which brackets are still open, innermost first, and where they were opened.
    @Test func theEndOfTheInputNamesTheOpenBrackets() {
        expectError("x = (1 +", "expected a value after '+', found the end of the input; the '(' at 1:5 is not closed", column: 9)
        expectError("x = [1, (2 *", "expected a value after '*', found the end of the input; the '(' at 1:9 and the '[' at 1:5 are not closed",
                    column: 13)
        expectError("l = [a,\n  f(b.", "expected a member name after '.', found the end of the input; the '(' at 2:4 and the '[' at 1:5 are not closed",
                    line: 2, column: 7)
        expectError("x = y[(1 -", "expected a value after '-', found the end of the input; the '(' at 1:7 and the '[' at 1:6 are not closed",
                    column: 11)
        expectError("print (hist x bins=", "expected a value after 'bins='; the '(' at 1:7 is not closed", column: 20)
        // The bracket the message is about is not named twice; brackets around it are.
        expectError("x = y[1", "expected ']' to close the index opened at 1:6, found the end of the input", column: 8)
        expectError("x = (y[1", "expected ']' to close the index opened at 1:7, found the end of the input; the '(' at 1:5 is not closed",
                    column: 9)
        // Input that ends right after a value: the innermost bracket's closer is missing.
        expectError("x = [1, (2", "expected ')' to close the '(' at 1:9, found the end of the input; the '[' at 1:5 is not closed",
                    column: 11)
        expectError("x = ((1", "expected ')' to close the '(' at 1:6, found the end of the input; the '(' at 1:5 is not closed",
                    column: 8)
        expectError("x = (f(1,", "expected ')' to close the call to 'f' opened at 1:7, found the end of the input; the '(' at 1:5 is not closed",
                    column: 10)
        expectError("x = f([1, 2", "expected ']' to close the list opened at 1:7, found the end of the input; the '(' at 1:6 is not closed",
                    column: 12)
        // Outside brackets there is nothing to close.
        expectError("x = 1 +", "expected a value after '+', found the end of the input", column: 8)
    }

    @Test func errorLinesCountFromTheOrigin() {
        #expect(throws: ScriptError(.syntax, "expected a value, found ')'", at: SourceSpan(file: "a.jnb", cell: "train", line: 13, column: 8))) {
            try Parser.parse("x = 1\ny = 2 *)", origin: SourceOrigin(file: "a.jnb", line: 12, cell: "train"), grammar: grammar)
        }
    }
}
