import Foundation

/// Completion candidates for the text before the cursor.
public struct Completions: Sendable, Equatable {
    /// The end of the text before the cursor that each candidate replaces.
    public var replacing: String
    /// Full replacements for `replacing`, sorted.
    public var candidates: [String]
    /// The quote of the string the cursor is in (file paths), nil outside strings.
    public var openQuote: Character?

    public init(replacing: String, candidates: [String], openQuote: Character? = nil) {
        self.replacing = replacing
        self.candidates = candidates
        self.openQuote = openQuote
    }

    /// What a line editor should type after a single candidate: a space after a command or
    /// variable, nothing after `name=`, inside a string or after a `.`.
    public var suffixAfterSingleCandidate: String {
        guard candidates.count == 1, let only = candidates.first, openQuote == nil else { return "" }
        if only.hasSuffix("=") || only.hasSuffix(".") { return "" }
        return " "
    }

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
        if let (quote, quoted) = openQuote(prefix) {
            return Completions(replacing: quoted, candidates: paths(quoted), openQuote: quote)
        }
        let breaks = Set(Completions.wordBreakCharacters)
        let word = String(prefix.reversed().prefix { !breaks.contains($0) }.reversed())
        let before = String(prefix.dropLast(word.count))
        if let dot = word.lastIndex(of: ".") {
            return Completions(replacing: word, candidates: members(base: String(word[..<dot]), partial: String(word[word.index(after: dot)...])))
        }
        let context = Context(before, table: table)
        var candidates: [String]
        switch context.position {
        case .statementStart:
            candidates = table.names + Array(variables.keys)
        case .argument(let command, let given):
            candidates = Array(variables.keys)
            if let spec = table[command] {
                if case .name? = spec.positionalParameters.first?.type, given.isEmpty {
                    candidates = table.names + ["syntax"] + Array(variables.keys)
                } else {
                    candidates += spec.parameters.filter { !given.contains($0.name) }.map { $0.name + "=" }
                }
            }
        case .keywordValue(let command, let parameter):
            candidates = values(for: table[command]?.parameter(parameter)?.type)
        case .nestedStart:
            candidates = table.names + Array(variables.keys)
        }
        let matching = candidates.filter { $0.hasPrefix(word) }
        return Completions(replacing: word, candidates: Array(Set(matching)).sorted())
    }

    /// The quote and the text after it when a string is still open, or nil outside strings.
    private func openQuote(_ prefix: String) -> (Character, String)? {
        var quote: Character?
        var content = ""
        var escaped = false
        for c in prefix {
            if let q = quote {
                if escaped { escaped = false; content.append(c); continue }
                if c == "\\" { escaped = true; continue }
                if c == q { quote = nil } else { content.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
                content = ""
            } else if c == "#" {
                return nil
            }
        }
        return quote.map { ($0, content) }
    }

    private func values(for type: ParameterType?) -> [String] {
        switch type {
        case .choice(let words)?: words.map { "\"\($0)\"" }
        case .bool?: ["true", "false"]
        default: Array(variables.keys)
        }
    }

    private func members(base: String, partial: String) -> [String] {
        let path = base.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = path.first, var value = variables[first] else { return [] }
        for name in path.dropFirst() {
            guard let next = try? Members.get(name, of: value) else { return [] }
            value = next
        }
        return Members.members(of: value).map(\.name).filter { $0.hasPrefix(partial) }.sorted().map { base + "." + $0 }
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

/// Where the cursor stands, from the tokens before the word being completed.
private struct Context {
    enum Position {
        case statementStart
        /// After a command's name or some of its arguments; `given` are names already used.
        case argument(command: String, given: Set<String>)
        /// Right after `name=` of a command's argument.
        case keywordValue(command: String, parameter: String)
        /// After `(`, `[` or `,` outside a command's argument list.
        case nestedStart
    }

    var position: Position = .statementStart

    init(_ before: String, table: CommandTable) {
        guard let tokens = try? Scanner.tokens(before) else { return }
        struct Frame { var command: String?; var given: Set<String> = []; var positional = 0 }
        var stack: [Frame] = [Frame()]
        var atStart = true
        var index = 0
        let significant = tokens.filter { $0.kind != .endOfInput }
        while index < significant.count {
            let token = significant[index]
            let next = index + 1 < significant.count ? significant[index + 1] : nil
            switch token.kind {
            case .newline, .symbol(.semicolon):
                stack = [Frame()]
                atStart = true
            case .identifier(let name):
                if next?.isSymbol(.assign) == true {
                    if atStart, stack.count == 1, stack[0].command == nil {
                        index += 1 // assignment: the right side starts a statement again
                    } else {
                        stack[stack.count - 1].given.insert(name)
                        index += 1
                        if index + 1 == significant.count {
                            position = .keywordValue(command: stack.last?.command ?? "", parameter: name)
                            return
                        }
                    }
                } else if next?.isSymbol(.leftParen) == true, next?.spaceBefore == false {
                    stack.append(Frame(command: name))
                    index += 1
                    atStart = true
                } else if atStart, table[name] != nil {
                    stack[stack.count - 1].command = name
                    atStart = false
                } else {
                    atStart = false
                }
            case .symbol(.leftParen), .symbol(.leftBracket):
                stack.append(Frame())
                atStart = true
            case .symbol(.rightParen), .symbol(.rightBracket):
                if stack.count > 1 { stack.removeLast() }
                atStart = false
            case .symbol(.comma):
                atStart = true
            default:
                atStart = false
            }
            index += 1
        }
        let frame = stack[stack.count - 1]
        if let command = frame.command {
            position = .argument(command: command, given: frame.given)
        } else if stack.count > 1 {
            position = .nestedStart
        } else {
            position = atStart ? .statementStart : .nestedStart
        }
    }
}
