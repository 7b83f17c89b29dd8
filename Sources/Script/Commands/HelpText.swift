import Foundation

/// `help`, `help NAME` and the command reference in docs/LANGUAGE.md, all written from the
/// command table.
public enum HelpText {
    /// `fit MODEL DATA [valid=JETS] [epochs=30] …`
    public static func usage(_ spec: CommandSpec) -> String {
        var parts = [spec.name]
        for parameter in spec.parameters where !parameter.isKnob {
            if case .statement = parameter.type {
                parts.append("STATEMENT")
            } else if parameter.variadic {
                parts.append(parameter.name.uppercased() + "…")
            } else if parameter.positional {
                parts.append(parameter.isRequired ? parameter.name.uppercased() : "[\(parameter.name.uppercased())]")
            } else {
                let shown: String
                switch parameter.requirement {
                case .defaultValue(let value): shown = literal(value)
                case .required, .optional: shown = placeholder(parameter.type)
                }
                parts.append(parameter.isRequired ? "\(parameter.name)=\(shown)" : "[\(parameter.name)=\(shown)]")
            }
        }
        if spec.extraKeywords != nil { parts.append("[NAME=VALUE …]") }
        if spec.parameters.contains(where: \.isKnob) { parts.append("[KNOB=VALUE …]") }
        return parts.joined(separator: " ")
    }

    /// How a default value is written in jnb syntax.
    static func literal(_ value: Value) -> String {
        switch value {
        case .string(let s): "\"\(s)\""
        case .list(let items): "[" + items.map(literal).joined(separator: ", ") + "]"
        default: value.summary
        }
    }

    static func placeholder(_ type: ParameterType) -> String {
        switch type {
        case .path, .inputPath: "FILE"
        case .jets: "JETS"
        case .jetsOrJet: "JETS"
        case .figure: "FIGURE"
        case .column: "COLUMN"
        case .mask: "MASK"
        case .range: "FIRST:END"
        case .string, .name: "TEXT"
        case .number, .numberAbove, .numberIn, .fraction, .knob: "NUMBER"
        case .integer: "N"
        case .bool: "BOOL"
        case .choice(let words): words.joined(separator: "|")
        case .list: "[…]"
        case .any: "VALUE"
        case .statement: "STATEMENT"
        }
    }

    /// The text of `help NAME`.
    public static func help(_ spec: CommandSpec) -> String {
        var lines = ["usage: \(usage(spec))", "", spec.summary]
        if !spec.details.isEmpty { lines += ["", spec.details] }
        if !spec.parameters.isEmpty {
            lines += ["", "arguments:"]
            let width = spec.parameters.map(\.name.count).max() ?? 0
            for parameter in spec.parameters {
                lines.append("  " + parameter.name.padding(toLength: width, withPad: " ", startingAt: 0)
                             + "  " + describe(parameter))
            }
        }
        if let extra = spec.extraKeywords {
            lines.append("  NAME=VALUE  any number of named columns, each \(extra.label)")
        }
        if !spec.examples.isEmpty {
            lines += ["", "example" + (spec.examples.count > 1 ? "s:" : ":")] + spec.examples.map { "  " + $0 }
        }
        return lines.joined(separator: "\n")
    }

    /// "the autoencoder to train (model; required)".
    static func describe(_ parameter: Parameter) -> String {
        var facts = [parameter.type.label]
        switch parameter.requirement {
        case .required: facts.append("required")
        case .defaultValue(let value): facts.append("default \(literal(value))")
        case .optional: break
        }
        if parameter.variadic { facts.append("one or more") }
        return "\(parameter.help) (\(facts.joined(separator: "; ")))"
    }

    /// The text of `help` with no argument.
    public static func overview(_ table: CommandTable) -> String {
        var lines = ["jnb commands (help NAME for one of them; help syntax for the language):"]
        let width = table.names.map(\.count).max() ?? 0
        for group in CommandSpec.Group.allCases {
            let specs = table.commands.filter { $0.group == group }
            guard !specs.isEmpty else { continue }
            lines += ["", group.rawValue]
            for spec in specs {
                lines.append("  " + spec.name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + spec.summary)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// `help syntax`.
    public static let syntax = """
        statements, one per line (or separated by ;):
          name = value                  assignment
          command arg1 arg2 key=value   a command; parentheses optional: command(arg1, key=value)
          value                         shows the value; ans is then that value
        values: 3, 1e-3, "text", true, [1, 2, 3], jets.jet_mass, jets[3], parts.train
        operators: + - * / ^, == != < <= > >=, and or not (on numbers, columns, masks)
        a command inside another command's arguments needs parentheses:
          hist mass(bg) mass(out)       confusion ae anomalous=(select jets signal=1)
        a sign right after a command is an operator (quit -1 is quit - 1): write quit (-1)
        # starts a comment; an open bracket or quote, or a trailing \\, continues the line
        """

    /// What `ans` is, for `help ans`.
    static let lastValue = "ans is the value of the last statement that showed one (hist jets.jet_mass, then save ans \"m.svg\"); an assignment leaves it as it is, and a variable you name ans yourself takes its place."

    /// The command reference in Markdown, for docs/LANGUAGE.md.
    public static func markdownReference(_ table: CommandTable) -> String {
        var out: [String] = []
        for group in CommandSpec.Group.allCases {
            let specs = table.commands.filter { $0.group == group }
            guard !specs.isEmpty else { continue }
            out += ["### \(group.rawValue)", ""]
            for spec in specs {
                out += ["#### `\(spec.name)`", "", "`\(usage(spec))`", "", spec.summary]
                if !spec.details.isEmpty { out += ["", spec.details] }
                if !spec.parameters.isEmpty || spec.extraKeywords != nil {
                    out += ["", "| argument | meaning |", "| --- | --- |"]
                    for parameter in spec.parameters {
                        let name = parameter.positional ? parameter.name.uppercased() : parameter.name
                        out.append("| `\(name)` | \(describe(parameter).replacingOccurrences(of: "|", with: "\\|")) |")
                    }
                    if let extra = spec.extraKeywords {
                        out.append("| `NAME=VALUE` | any number of named columns, each \(extra.label) |")
                    }
                }
                if !spec.examples.isEmpty {
                    out += ["", "```"] + spec.examples + ["```"]
                }
                out.append("")
            }
        }
        return out.joined(separator: "\n")
    }
}
