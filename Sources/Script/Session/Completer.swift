import Foundation

/// Completion candidates for the text before the cursor.
public struct Completions: Sendable, Equatable {
    /// The end of the text before the cursor that each candidate replaces.
    public var replacing: String
    /// Full replacements for `replacing`, sorted.
    public var candidates: [String]
    /// What a line editor should type after a single candidate: a space after a command,
    /// variable or value, nothing after `name=` or a file name (a folder goes on), the closing
    /// quote after an argument's choice inside quotes.
    public var suffixAfterSingleCandidate: String
    /// How many leading characters of every candidate a list of them leaves out: what stands
    /// before a member's name (`jets.` of `jets.eta`, the `.` of `.index` after `jets[0]`)
    /// or a file's name (its folder); 0 for whole words.
    public var listedFrom: Int

    /// Candidates outside strings, listed whole.
    public init(replacing: String, candidates: [String]) {
        let argumentName = candidates.count == 1 && candidates[0].hasSuffix("=")
        self.init(replacing: replacing, candidates: candidates, suffixAfterSingleCandidate: argumentName ? "" : " ")
    }

    public init(replacing: String, candidates: [String], suffixAfterSingleCandidate: String, listedFrom: Int = 0) {
        self.replacing = replacing
        self.candidates = candidates
        self.suffixAfterSingleCandidate = suffixAfterSingleCandidate
        self.listedFrom = listedFrom
    }

    /// The candidates as a list of them reads: names, as bash lists the files of a folder and
    /// IPython the members of a value (`jets.` and `jets[0].` both list `count eta …`, not
    /// `jets.count` beside `.index`).
    public var listed: [String] { candidates.map { String($0.dropFirst(listedFrom)) } }

    /// Characters that end the word being completed; a line editor should use the same set
    /// (a `.` is not among them, so `parts.tr` completes to `parts.train`).
    public static let wordBreakCharacters = " \t\n\"'=([,;+-*/<>^)]"
}

/// Works out what is being typed from the tokens before the cursor, then lists candidates
/// from the command table and the session's variables.
struct Completer {
    let table: CommandTable
    let variables: [String: Value]

    func complete(_ prefix: String) -> Completions {
        if let string = openString(prefix) {
            // Each candidate keeps the text as typed and adds the rest as the string writes it:
            // a quote or backslash in a file name escaped, so that the string still means it.
            // After a lone backslash, what comes next is not known.
            func written(_ candidates: [String]) -> [String] {
                string.pendingBackslash ? [] : candidates.map { string.typed + Self.escaped(String($0.dropFirst(string.content.count)), in: string.quote) }
            }
            // Inside the quotes of `activation="`: that argument's choices, closed by the quote.
            if case .keywordValue(let command, let parameter) = Context(String(string.before), table: table).position,
               case .choice(let words)? = table[command]?.parameter(parameter)?.type {
                return Completions(replacing: string.typed, candidates: written(words.filter { $0.hasPrefix(string.content) }.sorted()),
                                   suffixAfterSingleCandidate: String(string.quote))
            }
            let folder = string.typed.lastIndex(of: "/").map { string.typed.distance(from: string.typed.startIndex, to: $0) + 1 } ?? 0
            return Completions(replacing: string.typed, candidates: written(paths(string.content)), suffixAfterSingleCandidate: "",
                               listedFrom: folder)
        }
        let breaks = Set(Completions.wordBreakCharacters)
        let word = String(prefix.reversed().prefix { !breaks.contains($0) }.reversed())
        let before = String(prefix.dropLast(word.count))
        if let dot = word.lastIndex(of: ".") {
            let base = String(word[..<dot])
            let candidates = members(base: base, partial: String(word[word.index(after: dot)...]), before: before)
            return Completions(replacing: word, candidates: candidates, suffixAfterSingleCandidate: " ", listedFrom: base.count + 1)
        }
        var candidates: [String]
        switch Context(before, table: table).position {
        case .value:
            candidates = table.names + Array(variables.keys)
        case .argument(let command, let given, let positionalOpen):
            candidates = positionalOpen ? Array(variables.keys) : []
            if let spec = table[command] {
                if positionalOpen, given.isEmpty, case .name? = spec.positionalParameters.first?.type {
                    candidates += table.names + ["syntax"]
                } else {
                    candidates += spec.parameters.filter { !given.contains($0.name) }.map { $0.name + "=" }
                }
            }
        case .keywordValue(let command, let parameter):
            candidates = values(for: table[command]?.parameter(parameter)?.type)
        }
        let matching = candidates.filter { $0.hasPrefix(word) }
        return Completions(replacing: word, candidates: Array(Set(matching)).sorted())
    }

    /// The string still open at the end of `prefix`: its quote, its text as typed, what the
    /// text means (escapes read as the scanner reads them: `\"`, `\'`, `\\`; any other
    /// backslash stays), whether it ends in a backslash whose meaning the next character
    /// decides, and what comes before the quote; nil outside strings. A comment ends at its
    /// line's end: the statement may go on on the next line.
    private func openString(_ prefix: String) -> (quote: Character, typed: String, content: String, pendingBackslash: Bool, before: Substring)? {
        var open: (quote: Character, typed: String, content: String, pendingBackslash: Bool, before: Substring)?
        var inComment = false
        for index in prefix.indices {
            let c = prefix[index]
            if inComment {
                inComment = !c.isNewline
            } else if var string = open {
                if string.pendingBackslash {
                    string.pendingBackslash = false
                    string.content += Self.escapedCharacters.contains(c) ? String(c) : "\\" + String(c)
                } else if c == "\\" {
                    string.pendingBackslash = true
                } else if c == string.quote {
                    open = nil
                    continue
                } else {
                    string.content.append(c)
                }
                string.typed.append(c)
                open = string
            } else if c == "\"" || c == "'" {
                open = (c, "", "", false, prefix[..<index])
            } else if c == "#" {
                inComment = true
            }
        }
        return open
    }

    /// The characters a backslash escapes in a string.
    private static let escapedCharacters: Set<Character> = ["\\", "\"", "'"]

    /// `text` as a string quoted with `quote` writes it: its backslashes and that quote escaped.
    private static func escaped(_ text: String, in quote: Character) -> String {
        text.reduce(into: "") { written, c in
            if c == "\\" || c == quote { written.append("\\") }
            written.append(c)
        }
    }

    private func values(for type: ParameterType?) -> [String] {
        switch type {
        case .choice(let words)?: words.map { "\"\($0)\"" }
        case .bool?: ["true", "false"]
        default: Array(variables.keys)
        }
    }

    /// Members of `base` (`parts.train`) starting with `partial`. A `base` that starts with
    /// its dot (`.signal` in `jets[0].signal.`) belongs to the expression ending `before`.
    private func members(base: String, partial: String, before: String) -> [String] {
        let path = base.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = path.first else { return [] }
        let start = first.isEmpty ? Self.trailingExpression(before, grammar: table.grammar).flatMap(known(_:)) : named(first)
        guard var known = start else { return [] }
        for name in path.dropFirst() {
            guard let next = known.member(name) else { return [] }
            known = next
        }
        return known.memberNames.filter { $0.hasPrefix(partial) }.sorted().map { base + "." + $0 }
    }

    /// What completion knows of an expression without running anything.
    private enum Known {
        /// Its value: a variable, its members, indexes of them.
        case value(Value)
        /// Only its type: what a command gives (the command table says), its members and elements.
        case type(ValueType)

        var memberNames: [String] {
            switch self {
            case .value(let value): Members.members(of: value).map(\.name)
            case .type(let type): Members.members(of: type)?.map(\.name) ?? []
            }
        }

        func member(_ name: String) -> Known? {
            switch self {
            case .value(let value): (try? Members.get(name, of: value)).map(Known.value)
            case .type(let type): Members.members(of: type)?.first { $0.name == name }?.type.map(Known.type)
            }
        }

        /// What a range or a mask selects: the same kind of value, with its members.
        var selection: Known? {
            switch self {
            case .value(.list), .value(.column), .value(.jets), .value(.table),
                 .type(.list), .type(.column), .type(.jets), .type(.table): self
            default: nil
            }
        }

        /// The element at a position: a jet of a set, a number of a column.
        func element(at position: Double) -> Known? {
            guard case .value(let value) = self else { return elementType }
            return (try? Indexing.element(of: value, at: .number(position))).map(Known.value)
        }

        /// The element at a position known only to be a number (`jets[loss(ae, jets).argmax]`):
        /// the type of an element of a set or a column; nil where elements differ in type.
        var elementType: Known? {
            switch self {
            case .value(.jets), .type(.jets): .type(.jet)
            case .value(.column), .type(.column): .type(.number)
            default: nil
            }
        }

        var isNumber: Bool {
            switch self {
            case .value(.number), .type(.number): true
            default: false
            }
        }
    }

    /// A variable, or a command called without arguments (as the interpreter reads a name).
    private func named(_ name: String) -> Known? {
        if let value = variables[name] { return .value(value) }
        return table[name].flatMap(resultType).map(Known.type)
    }

    private func resultType(_ spec: CommandSpec) -> ValueType? {
        if case .value(let type) = spec.result { return type }
        return nil
    }

    /// What is known of `expression` without running anything: a variable, its members, and
    /// indexes of them (a range or a mask keeps what is indexed, with its members; a position
    /// gives one element, a position known only to be a number the type of an element); for a
    /// command's call, the type of what it gives, from the command table; for arithmetic on
    /// numbers, a number. Nil for anything else: completing must not run a command.
    private func known(_ expression: Expression) -> Known? {
        switch expression.kind {
        case .variable(let name):
            return named(name)
        case .call(let call):
            return table[call.name].flatMap(resultType).map(Known.type)
        case .member(let base, let name, _):
            return known(base)?.member(name)
        case .index(let base, let index):
            guard let indexed = known(base) else { return nil }
            switch index.kind {
            case .range, .unary(.not, _):
                return indexed.selection
            case .binary(let op, _, _) where op.isComparison || op == .and || op == .or:
                return indexed.selection
            case .number(let x):
                return indexed.element(at: x)
            case .unary(.negate, let operand):
                guard case .number(let x) = operand.kind else { return nil }
                return indexed.element(at: -x)
            default:
                switch known(index) {
                case .value(.range)?, .value(.column)?, .type(.column)?: return indexed.selection
                case .value(.number(let x))?: return indexed.element(at: x)
                case .type(.number)?: return indexed.elementType
                default: return nil
                }
            }
        case .number(let x):
            return .value(.number(x))
        // Arithmetic on numbers is a number; its value is left to running it.
        case .unary(.negate, let operand):
            return known(operand)?.isNumber == true ? .type(.number) : nil
        case .binary(let op, let left, let right) where [.add, .subtract, .multiply, .divide, .power].contains(op):
            return known(left)?.isNumber == true && known(right)?.isNumber == true ? .type(.number) : nil
        default:
            return nil
        }
    }

    /// The expression that `text` ends with when it is a name followed by members, indexes
    /// or a call (`jets[0]`, `parts.train[0:10]`, `mass(jets)`), parsed; nil otherwise.
    static func trailingExpression(_ text: String, grammar: Grammar) -> Expression? {
        guard let tokens = try? Scanner.tokens(text), let end = tokens.last, end.kind == .endOfInput else { return nil }
        let significant = Array(tokens.dropLast())
        var index = significant.count - 1
        var start: Int?
        chain: while index >= 0 {
            let token = significant[index]
            switch token.kind {
            case .symbol(.rightBracket), .symbol(.rightParen):
                guard let open = matchingOpen(significant, closing: index) else { return nil }
                start = open
                // Right after a value, `[` indexes it and `(` calls it; otherwise the bracket starts the chain.
                guard open > 0, !significant[open].spaceBefore, endsOperand(significant[open - 1]) else { break chain }
                index = open - 1
            case .identifier:
                start = index
                guard index >= 2, significant[index - 1].isSymbol(.dot), endsOperand(significant[index - 2]) else { break chain }
                index -= 2
            default:
                break chain
            }
        }
        guard let start else { return nil }
        var parser = Parser(tokens: Array(significant[start...]) + [end], grammar: grammar)
        return try? parser.parseExpression()
    }

    private static func endsOperand(_ token: Token) -> Bool {
        switch token.kind {
        case .identifier, .symbol(.rightBracket), .symbol(.rightParen): true
        default: false
        }
    }

    /// The position of the bracket that the one at `closing` closes.
    private static func matchingOpen(_ tokens: [Token], closing: Int) -> Int? {
        var depth = 0
        for index in stride(from: closing, through: 0, by: -1) {
            let token = tokens[index]
            if token.isSymbol(.rightBracket) || token.isSymbol(.rightParen) { depth += 1 }
            if token.isSymbol(.leftBracket) || token.isSymbol(.leftParen) { depth -= 1 }
            if depth == 0 { return index }
        }
        return nil
    }

    /// Files and folders starting with `partial` (folders end in `/`); hidden ones only when
    /// `partial`'s last part starts with a dot.
    private func paths(_ partial: String) -> [String] {
        // Only `~/…`: a lone `~` is still being typed, and its candidates must start with it.
        let expanded = partial.hasPrefix("~/") ? (try? FilePaths.resolve(partial)) ?? partial : partial
        let slash = expanded.lastIndex(of: "/")
        let directory = slash.map { String(expanded[...$0]) } ?? ""
        let stem = slash.map { String(expanded[expanded.index(after: $0)...]) } ?? expanded
        let shownDirectory = partial.lastIndex(of: "/").map { String(partial[...$0]) } ?? ""
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory) else { return [] }
        return entries.filter { $0.hasPrefix(stem) && (stem.hasPrefix(".") || !$0.hasPrefix(".")) }.map { entry in
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: directory + entry, isDirectory: &isDirectory)
            return shownDirectory + entry + (exists && isDirectory.boolValue ? "/" : "")
        }.sorted()
    }
}

/// Where the cursor stands, from the tokens before the word being completed. Arguments are
/// counted as the parser splits them: in `name(…)` at the commas, without parentheses at each
/// value that follows a complete one after a space (`hist x * 2 y` has two).
private struct Context {
    enum Position {
        /// Where a statement or a value starts: at the start, after `(`, `[`, `,` or an operator.
        case value
        /// Where a command's next argument starts; `given` are the parameters given so far (in
        /// order or by name), `positionalOpen` whether one can still be given without a name.
        case argument(command: String, given: Set<String>, positionalOpen: Bool)
        /// Right after `name=` of a command's argument.
        case keywordValue(command: String, parameter: String)
    }

    /// A command's arguments, a bracket, or the statement itself (no command).
    private struct Frame {
        var command: String?
        var parenthesised = false
        var named: Set<String> = []
        var positional = 0
        /// The next token starts an argument (in a command) or a value.
        var atStart = true
    }

    var position: Position = .value

    init(_ before: String, table: CommandTable) {
        guard let tokens = try? Scanner.tokens(before) else { return }
        var stack = [Frame()]
        let significant = tokens.filter { $0.kind != .endOfInput }
        var index = 0
        while index < significant.count {
            let token = significant[index]
            let next = index + 1 < significant.count ? significant[index + 1] : nil
            var frame = stack.removeLast()
            // A value starting where an argument may start is the next positional argument.
            if frame.command != nil, frame.atStart, frame.parenthesised || token.spaceBefore,
               Self.startsValue(token), next?.isSymbol(.assign) != true {
                frame.positional += 1
            }
            switch token.kind {
            case .newline, .symbol(.semicolon):
                frame = Frame()
                stack = []
            case .identifier(let name) where next?.isSymbol(.assign) == true:
                index += 1
                if frame.command != nil || stack.count > 0 || !frame.atStart {
                    frame.named.insert(name)
                    frame.atStart = false
                    if index + 1 == significant.count {
                        position = .keywordValue(command: frame.command ?? "", parameter: name)
                        return
                    }
                } // else an assignment: the right side starts a statement again
            case .identifier(let name) where next?.isSymbol(.leftParen) == true && next?.spaceBefore == false:
                frame.atStart = false
                stack.append(frame)
                frame = Frame(command: name, parenthesised: true)
                index += 1
            case .identifier(let name) where frame.command == nil && frame.atStart && table[name] != nil:
                // `time` runs the statement that follows it.
                frame = table[name]?.takesStatement == true ? Frame() : Frame(command: name)
            case .symbol(.leftParen), .symbol(.leftBracket):
                frame.atStart = false
                stack.append(frame)
                frame = Frame()
            case .symbol(.rightParen), .symbol(.rightBracket):
                if let outer = stack.popLast() { frame = outer }
                frame.atStart = frame.command != nil && !frame.parenthesised
            case .symbol(.comma):
                frame.atStart = true
            default:
                // After a complete value, a space-separated argument may follow.
                frame.atStart = frame.command != nil && !frame.parenthesised && Self.endsValue(token)
            }
            stack.append(frame)
            index += 1
        }
        guard let frame = stack.last, let command = frame.command, frame.atStart else { return }
        var given = frame.named
        var positionalOpen = true
        if let positional = table[command]?.positionalParameters {
            given.formUnion(positional.prefix(frame.positional).map(\.name))
            // After a named argument only a variadic one (`hist COLUMNS…`) may still come in order.
            positionalOpen = frame.positional < positional.count
                ? positional[frame.positional].variadic || frame.named.isEmpty
                : positional.last?.variadic == true
        }
        position = .argument(command: command, given: given, positionalOpen: positionalOpen)
    }

    /// Tokens the parser takes as the start of a command's argument.
    private static func startsValue(_ token: Token) -> Bool {
        switch token.kind {
        case .identifier, .number, .string, .keyword(.true), .keyword(.false), .keyword(.not),
             .symbol(.leftParen), .symbol(.leftBracket): true
        default: false
        }
    }

    /// Tokens that may end a value (after them, a space-separated argument may follow).
    private static func endsValue(_ token: Token) -> Bool {
        switch token.kind {
        case .identifier, .number, .string, .keyword(.true), .keyword(.false): true
        default: false
        }
    }
}
