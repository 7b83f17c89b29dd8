import Plot
import Simulator

/// One entry of the command table: everything jnb knows about a command. Parsing of its
/// arguments, `help`, `help NAME`, completion, "did you mean" and the command reference in
/// the docs all read this, so they cannot disagree.
public struct CommandSpec: Sendable {
    public enum Group: String, Sendable, CaseIterable {
        case data = "Data"
        case models = "Models"
        case analysis = "Analysis"
        case plots = "Plots"
        case session = "Session"
    }

    public var name: String
    public var group: Group
    /// One line for `help`.
    public var summary: String
    /// The rest of `help NAME`: what it does, what it returns.
    public var details: String
    public var parameters: [Parameter]
    /// Commands such as `table` accept any `name=value`; this is the type of those values.
    public var extraKeywords: ParameterType?
    public var examples: [String]
    /// Whether the command gives a value, and of what type: the checks before running and
    /// completion after a call read it.
    public var result: Result
    /// What running the command does, given its checked arguments.
    public var run: @Sendable (Invocation) throws -> Value

    public init(_ name: String, group: Group, summary: String, details: String = "",
                parameters: [Parameter] = [], extraKeywords: ParameterType? = nil,
                examples: [String] = [], result: Result,
                run: @escaping @Sendable (Invocation) throws -> Value) {
        self.name = name
        self.group = group
        self.summary = summary
        self.details = details
        self.parameters = parameters
        self.extraKeywords = extraKeywords
        self.examples = examples
        self.result = result
        self.run = run
    }

    /// Whether a call gives a value, known from what is written, so that a statement using
    /// one that does not is refused before any of it runs (a statement is all or nothing).
    public enum Result: Sendable {
        /// A value of this type; nil when the type depends on the arguments or a file (load
        /// gives a jet set or a model, split's parts depend on test=).
        case value(ValueType?)
        /// Does something and gives no value (print, save, vars).
        case nothing
        /// A figure, or nothing when save= writes it to a file (the plotting commands).
        case figureUnlessSaved
        /// What its statement gives (time).
        case statementValue
    }

    /// True for `time`: its argument is a whole statement.
    public var takesStatement: Bool {
        parameters.contains { if case .statement = $0.type { true } else { false } }
    }

    public var positionalParameters: [Parameter] { parameters.filter(\.positional) }

    public func parameter(_ name: String) -> Parameter? {
        parameters.first { $0.name == name }
    }
}

/// One argument of a command. Every argument can be given by name; positional ones can also be
/// given in order, without a name.
public struct Parameter: Sendable {
    public enum Requirement: Sendable {
        case required
        /// Optional with a default the command sees when the argument is left out.
        case defaultValue(Value)
        /// Optional without a default ("not given" means something, e.g. no file to save).
        case optional
    }

    public var name: String
    public var type: ParameterType
    public var requirement: Requirement
    public var positional: Bool
    /// Takes every remaining positional argument (`hist COLUMNS…`).
    public var variadic: Bool
    public var help: String
    /// Left out of the one-line usage (the simulator's physics knobs), which then ends with
    /// `[KNOB=VALUE …]`; `help NAME` still lists it.
    public var isKnob = false

    public init(_ name: String, _ type: ParameterType, _ requirement: Requirement = .required,
                positional: Bool = false, variadic: Bool = false, help: String) {
        self.name = name
        self.type = type
        self.requirement = requirement
        self.positional = positional || variadic
        self.variadic = variadic
        self.help = help
    }

    /// A positional argument.
    public static func positional(_ name: String, _ type: ParameterType, _ requirement: Requirement = .required,
                                  help: String) -> Parameter {
        Parameter(name, type, requirement, positional: true, help: help)
    }

    /// Every remaining positional argument.
    public static func variadic(_ name: String, _ type: ParameterType, help: String) -> Parameter {
        Parameter(name, type, .required, positional: true, variadic: true, help: help)
    }

    /// A keyword argument with a default.
    public static func keyword(_ name: String, _ type: ParameterType, default value: Value, help: String) -> Parameter {
        Parameter(name, type, .defaultValue(value), help: help)
    }

    /// A keyword argument that may be left out.
    public static func keyword(_ name: String, _ type: ParameterType, help: String) -> Parameter {
        Parameter(name, type, .optional, help: help)
    }

    /// A keyword argument with a default, summarised in the usage line as a knob.
    public static func knob(_ name: String, _ range: KnobRange, default value: Value, help: String) -> Parameter {
        var parameter = Parameter(name, .knob(range), .defaultValue(value), help: help)
        parameter.isKnob = true
        return parameter
    }

    /// The conventional `save="file.svg"` of every plotting command.
    public static let saveFigure = Parameter.keyword("save", .path(FigureFormat.extensions),
                                                     help: "write the figure to this file, in the format its name ends in: SVG, PDF (vectors, for LaTeX) or PNG (300 dpi, for slides)")

    public var isRequired: Bool {
        if case .required = requirement { true } else { false }
    }
}
