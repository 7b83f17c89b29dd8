/// Turns source text into tokens. Line ends end statements except inside brackets, where they
/// are white space; a `\` at the end of a line joins it to the next. `#` starts a comment.
/// Strings take double or single quotes and may span lines. In a string only `\"`, `\'` and
/// `\\` are escapes; any other backslash stays as written, so LaTeX labels such as
/// "$\tau_{21}$" or "$\nu$" need no doubling.
public struct Scanner {
    /// What is left open at the end of the input, for deciding whether to read another line.
    public struct OpenState: Sendable, Equatable {
        public var brackets: Int = 0
        public var insideString = false
        public var trailingBackslash = false
        public var isOpen: Bool { brackets > 0 || insideString || trailingBackslash }
    }

    private let scalars: [Unicode.Scalar]
    private let origin: SourceOrigin
    private var index = 0
    private var line: Int
    private var lineStart = 0
    private var depth = 0
    private var tokens: [Token] = []
    private var spaceBefore = false
    private(set) var openState = OpenState()

    public init(_ source: String, origin: SourceOrigin = .interactive) {
        var scalars = Array(source.unicodeScalars)
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        self.scalars = scalars
        self.origin = origin
        self.line = origin.line
    }

    /// All tokens, ending with `.endOfInput`, or the first lexical error.
    public static func tokens(_ source: String, origin: SourceOrigin = .interactive) throws(ScriptError) -> [Token] {
        var scanner = Scanner(source, origin: origin)
        return try scanner.scanAll()
    }

    /// Whether the text ends inside brackets, a string or after a trailing `\`; errors other
    /// than those count as complete input (the parser will report them).
    public static func openState(_ source: String) -> OpenState {
        var scanner = Scanner(source)
        do {
            _ = try scanner.scanAll()
        } catch {
            return scanner.openState
        }
        return scanner.openState
    }

    mutating func scanAll() throws(ScriptError) -> [Token] {
        while true {
            skipSpaceAndComments()
            guard index < scalars.count else { break }
            try scanToken()
        }
        openState.brackets = depth
        // The end of the input is placed right after the last token, not on the blank lines
        // after it: an error there ("expected a value after '+'") points at where the text stops
        // and says "the end of the input" whether or not a newline ends the text (a file, or
        // standard input, usually does; `jnb -c "$(cat file)"` does not).
        while tokens.last?.kind == .newline { tokens.removeLast() }
        if let last = tokens.last {
            var end = last.span
            end.column += end.length
            end.length = 1
            tokens.append(Token(.endOfInput, span: end, spaceBefore: false))
        } else {
            add(.endOfInput, start: index, length: 0)
        }
        return tokens
    }

    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }
    private func peek(_ offset: Int = 1) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private func span(start: Int, length: Int) -> SourceSpan {
        SourceSpan(file: origin.file, cell: origin.cell, line: line, column: start - lineStart + 1, length: length)
    }

    private mutating func add(_ kind: Token.Kind, start: Int, length: Int) {
        tokens.append(Token(kind, span: span(start: start, length: length), spaceBefore: spaceBefore || tokens.isEmpty))
        spaceBefore = false
    }

    private mutating func newLine(at position: Int) {
        line += 1
        lineStart = position + 1
    }

    private mutating func skipSpaceAndComments() {
        while let c = current {
            switch c {
            case " ", "\t", "\r", "\u{0B}", "\u{0C}":
                index += 1
                spaceBefore = true
            case "#":
                while let d = current, d != "\n" { index += 1 }
            case "\n":
                if depth == 0 {
                    // Repeated line ends make one statement separator.
                    if let last = tokens.last, last.kind != .newline {
                        add(.newline, start: index, length: 1)
                    }
                } else {
                    spaceBefore = true
                }
                newLine(at: index)
                index += 1
            case "\\":
                guard joinsNextLine() else { return }
            default:
                return
            }
        }
    }

    /// At a `\`: when only white space or a comment follows on this line, skip to the next
    /// line and return true.
    private mutating func joinsNextLine() -> Bool {
        var probe = index + 1
        while probe < scalars.count, scalars[probe] == " " || scalars[probe] == "\t" || scalars[probe] == "\r" {
            probe += 1
        }
        if probe < scalars.count, scalars[probe] == "#" {
            while probe < scalars.count, scalars[probe] != "\n" { probe += 1 }
        }
        if probe == scalars.count {
            openState.trailingBackslash = true
            index = probe
            return true
        }
        guard scalars[probe] == "\n" else { return false }
        newLine(at: probe)
        index = probe + 1
        spaceBefore = true
        return true
    }

    private mutating func scanToken() throws(ScriptError) {
        guard let c = current else { return }
        let start = index
        if c.properties.isAlphabetic || c == "_" {
            while let d = current, d.properties.isAlphabetic || d == "_" || ("0"..."9").contains(d) { index += 1 }
            let text = String(String.UnicodeScalarView(scalars[start..<index]))
            if let keyword = Token.Keyword(rawValue: text) {
                add(.keyword(keyword), start: start, length: index - start)
            } else {
                add(.identifier(text), start: start, length: index - start)
            }
            return
        }
        if ("0"..."9").contains(c) || (c == "." && startsFraction()) {
            try scanNumber(start: start)
            return
        }
        if c == "\"" || c == "'" {
            try scanString(quote: c, start: start)
            return
        }
        let two = peek().map { String(c) + String($0) }
        if let two, let symbol = Token.Symbol(rawValue: two), two.count == 2 {
            index += 2
            add(.symbol(symbol), start: start, length: 2)
            return
        }
        if let symbol = Token.Symbol(rawValue: String(c)) {
            index += 1
            switch symbol {
            case .leftParen, .leftBracket: depth += 1
            case .rightParen, .rightBracket: depth = max(depth - 1, 0)
            default: break
            }
            add(.symbol(symbol), start: start, length: 1)
            return
        }
        let hint: String
        switch c {
        case "\\": hint = "; a \\ continues a statement only at the end of a line"
        case "{", "}": hint = "; lists use [ ]"
        case "“", "”", "‘", "’": hint = "; use straight quotes \" or '"
        case "*" where peek() == "*": hint = "; powers are written ^"
        default: hint = ""
        }
        throw ScriptError.syntax("unexpected character '\(c)'\(hint)", at: span(start: start, length: 1))
    }

    /// A `.` starts a number (`.5`) only where an expression can start, not after a name or a
    /// closing bracket (`parts.train`, `f(x).mean`).
    private func startsFraction() -> Bool {
        guard let next = peek(), ("0"..."9").contains(next) else { return false }
        guard let last = tokens.last, !spaceBefore else { return true }
        switch last.kind {
        case .identifier, .number, .string: return false
        case .symbol(.rightParen), .symbol(.rightBracket): return false
        default: return true
        }
    }

    private mutating func scanNumber(start: Int) throws(ScriptError) {
        var text = ""
        func digits(_ scanner: inout Scanner, into text: inout String) {
            while let d = scanner.current, ("0"..."9").contains(d) || d == "_" {
                if d != "_" { text.unicodeScalars.append(d) }
                scanner.index += 1
            }
        }
        digits(&self, into: &text)
        if current == ".", let next = peek(), ("0"..."9").contains(next) {
            text += "."
            index += 1
            digits(&self, into: &text)
        } else if current == ".", peek().map({ !$0.properties.isAlphabetic && $0 != "_" }) ?? true {
            // "1." is a number; "1.x" is not (member access on a number makes no sense either).
            text += "."
            index += 1
        }
        if let e = current, e == "e" || e == "E" {
            var probe = index + 1
            if probe < scalars.count, scalars[probe] == "+" || scalars[probe] == "-" { probe += 1 }
            guard probe < scalars.count, ("0"..."9").contains(scalars[probe]) else {
                throw ScriptError.syntax("malformed number: an exponent needs digits, as in 1e-3",
                                         at: span(start: start, length: probe - start))
            }
            text.unicodeScalars.append(contentsOf: scalars[index..<probe])
            index = probe
            digits(&self, into: &text)
        }
        if let d = current, d.properties.isAlphabetic || d == "_" {
            throw ScriptError.syntax("malformed number: a number cannot run into a name (put a space or an operator between)",
                                     at: span(start: start, length: index - start + 1))
        }
        guard let value = Double(text.hasPrefix(".") ? "0" + text : text) else {
            throw ScriptError.syntax("malformed number '\(text)'", at: span(start: start, length: index - start))
        }
        add(.number(value), start: start, length: index - start)
    }

    private mutating func scanString(quote: Unicode.Scalar, start: Int) throws(ScriptError) {
        let startSpan = span(start: start, length: 1)
        let startLine = line
        let startLineStart = lineStart
        index += 1
        var value = String.UnicodeScalarView()
        while true {
            guard let c = current else {
                openState.insideString = true
                throw ScriptError.syntax("unterminated string: the quote \(quote) opened here is never closed", at: startSpan)
            }
            index += 1
            if c == quote { break }
            if c == "\n" {
                newLine(at: index - 1)
                value.append(c)
                continue
            }
            if c == "\\", let e = current, e == "\\" || e == "\"" || e == "'" {
                index += 1
                value.append(e)
                continue
            }
            value.append(c)
        }
        // A string spanning lines is reported at its opening quote.
        let length = line == startLine ? index - start : 1
        let savedLine = line, savedLineStart = lineStart
        line = startLine
        lineStart = startLineStart
        add(.string(String(value)), start: start, length: length)
        line = savedLine
        lineStart = savedLineStart
    }
}
