import Foundation
import JetData
import Simulator

/// What an argument must be. Conversion checks the value and says, in one line, what was
/// expected; the interpreter puts the argument's location in front.
public indirect enum ParameterType: Sendable {
    case number
    /// A number ≥ the bound (or > when `strict`).
    case numberAbove(Double, strict: Bool)
    /// A number in the closed range.
    case numberIn(ClosedRange<Double>)
    /// A whole number in the range (either end may be open).
    case integer(minimum: Int?, maximum: Int?)
    /// A number strictly between 0 and 1.
    case fraction
    /// A physics knob of the simulator: a number whose range may depend on other knobs, so
    /// the command checks it once all are known (`simulate`); help shows the range.
    case knob(KnobRange)
    case bool
    case string
    /// One of a few words (`activation="leakyrelu"`).
    case choice([String])
    /// A file jnb writes in the format its name's extension names: the name must end in one
    /// of the extensions (any name when the list is empty). `~/` is expanded (FilePaths).
    case path([String])
    /// A file jnb reads and recognises by its contents: the extensions only guide completion
    /// and help. `~/` is expanded (FilePaths).
    case inputPath([String])
    case jets
    /// A jet set or a single jet (`image`).
    case jetsOrJet
    /// A figure made by a plotting command without save= (`grid`).
    case figure
    /// A column; a list of numbers is turned into one.
    case column
    /// A mask (a comparison of a column) or a column of 0/1.
    case mask
    /// Positions `first:end`.
    case range
    case list(ParameterType)
    case any
    /// A command or topic name, not evaluated (`help fit`).
    case name
    /// A whole statement, run by the command (`time fit …`).
    case statement

    /// How `help` writes the type.
    public var label: String {
        switch self {
        case .number: "number"
        case .numberAbove(let bound, let strict): "number \(strict ? ">" : "≥") \(NumberFormat.plain(bound))"
        case .numberIn(let range): "number \(NumberFormat.plain(range.lowerBound))…\(NumberFormat.plain(range.upperBound))"
        case .integer(let low, let high):
            switch (low, high) {
            case let (l?, h?): "whole number \(l)…\(h)"
            case let (l?, nil): "whole number ≥ \(l)"
            case let (nil, h?): "whole number ≤ \(h)"
            case (nil, nil): "whole number"
            }
        case .fraction: "fraction strictly between 0 and 1"
        case .knob(let range): "number " + range.description(format: NumberFormat.plain)
        case .bool: "true or false"
        case .string: "string"
        case .choice(let words): words.map { "\"\($0)\"" }.joined(separator: " | ")
        case .path(let extensions), .inputPath(let extensions):
            extensions.isEmpty ? "file" : "file (" + extensions.map { "." + $0 }.joined(separator: ", ") + ")"
        case .jets: "jet set"
        case .jetsOrJet: "jet set or jet"
        case .figure: "figure"
        case .column: "column"
        case .mask: "mask"
        case .range: "range first:end"
        case .list(let element): "list of \(element.label)"
        case .any: "any value"
        case .name: "name"
        case .statement: "statement"
        }
    }

    /// `value` checked (and, where it makes sense, converted: a list of numbers to a column),
    /// or an error saying what was expected.
    public func convert(_ value: Value) throws(ScriptError) -> Value {
        switch self {
        case .any:
            return value
        case .number, .knob:
            guard case .number = value else { throw mismatch(value) }
            return value
        case .numberAbove(let bound, let strict):
            guard case .number(let x) = value, strict ? x > bound : x >= bound else { throw mismatch(value) }
            return value
        case .numberIn(let range):
            guard case .number(let x) = value, range.contains(x) else { throw mismatch(value) }
            return value
        case .integer(let low, let high):
            guard case .number(let x) = value, x == x.rounded(), low.map({ x >= Double($0) }) ?? true,
                  high.map({ x <= Double($0) }) ?? true else { throw mismatch(value) }
            // Whole numbers are exact as doubles only this far; a larger one is a count no
            // machine holds (n=1e18), and saying "not a whole number" of it would puzzle.
            guard abs(x) < 1e15 else {
                throw ScriptError.runtime("expected \(labelWithArticle) below 10^15, got \(Self.shown(value))", at: nil)
            }
            return value
        case .fraction:
            guard case .number(let x) = value, x > 0, x < 1 else { throw mismatch(value) }
            return value
        case .bool:
            guard case .bool = value else { throw mismatch(value) }
            return value
        case .string:
            guard case .string = value else { throw mismatch(value) }
            return value
        case .choice(let words):
            guard case .string(let s) = value else { throw mismatch(value) }
            guard words.contains(s) else {
                throw ScriptError.runtime("expected \(label), got \"\(s)\"\(Suggestions.didYouMean(s, among: words))", at: nil)
            }
            return value
        case .path(let extensions):
            guard case .string(let s) = value else { throw mismatch(value) }
            guard !s.isEmpty else { throw ScriptError.runtime("expected a file name, got an empty string", at: nil) }
            try Self.checkExtension(of: s, among: extensions)
            return .string(try FilePaths.resolve(s))
        case .inputPath:
            guard case .string(let s) = value else { throw mismatch(value) }
            guard !s.isEmpty else { throw ScriptError.runtime("expected a file name, got an empty string", at: nil) }
            return .string(try FilePaths.resolve(s))
        case .jets:
            guard case .jets = value else { throw mismatch(value) }
            return value
        case .jetsOrJet:
            switch value {
            case .jets, .jet: return value
            default: throw mismatch(value)
            }
        case .figure:
            guard case .figure = value else { throw mismatch(value) }
            return value
        case .column:
            if case .column = value { return value }
            guard case .list(let items) = value else { throw mismatch(value) }
            var numbers: [Double] = []
            for item in items {
                guard case .number(let x) = item else { throw mismatch(value) }
                numbers.append(x)
            }
            return .column(Column(name: "values", values: numbers))
        case .mask:
            guard case .column(let c) = value else { throw mismatch(value) }
            guard c.isMask || c.values.allSatisfy({ $0 == 0 || $0 == 1 }) else {
                throw ScriptError.runtime("expected a mask (a comparison such as jets.jet_mass > 60), got a column with values other than 0 and 1", at: nil)
            }
            return value
        case .range:
            guard case .range = value else { throw mismatch(value) }
            return value
        case .list(let element):
            guard case .list(let items) = value else { throw mismatch(value) }
            var converted: [Value] = []
            for (i, item) in items.enumerated() {
                do {
                    converted.append(try element.convert(item))
                } catch {
                    throw ScriptError.runtime("item \(i) of the list: \(error.message)", at: nil)
                }
            }
            return .list(converted)
        case .name, .statement:
            throw mismatch(value)
        }
    }

    /// Refuses a file name whose extension (any case) is not among `extensions`, before any
    /// work is done: a file's format comes from its name, so a name of a format jnb does not
    /// write ("fig.jpg") is refused before a long command runs. An empty list takes any name.
    static func checkExtension(of name: String, among extensions: [String]) throws(ScriptError) {
        let ext = NSString(string: name).pathExtension.lowercased()
        guard !extensions.isEmpty, !extensions.contains(ext) else { return }
        let endings = extensions.map { "." + $0 }
        let list = endings.count == 1 ? endings[0] : endings.dropLast().joined(separator: ", ") + " or " + (endings.last ?? "")
        throw ScriptError.runtime("expected a file name ending in \(list), got \"\(name)\"", at: nil)
    }

    /// The label with its article: "a jet set", "an integer".
    var labelWithArticle: String {
        if case .any = self { return "a value" }
        return (label.first.map { "aeiou".contains($0) } ?? false ? "an " : "a ") + label
    }

    private func mismatch(_ value: Value) -> ScriptError {
        ScriptError.runtime("expected \(labelWithArticle), got \(Self.shown(value))", at: nil)
    }

    /// How an argument error names the value it got: "number -80", "string \"x\"", "a jet set".
    static func shown(_ value: Value) -> String {
        switch value {
        case .number, .string, .bool: "\(value.typeName) \(value.summary)"
        default: value.typeWithArticle
        }
    }
}
