/// The one command table: every command jnb has, in help order.
public struct CommandTable: Sendable {
    public let commands: [CommandSpec]
    private let index: [String: Int]
    public let grammar: Grammar

    public init(_ commands: [CommandSpec]) {
        self.commands = commands
        var index: [String: Int] = [:]
        for (i, spec) in commands.enumerated() { index[spec.name] = i }
        self.index = index
        self.grammar = Grammar(commands: Set(commands.map(\.name)),
                               statementCommands: Set(commands.filter(\.takesStatement).map(\.name)))
    }

    public subscript(name: String) -> CommandSpec? {
        index[name].map { commands[$0] }
    }

    public var names: [String] { commands.map(\.name) }

    /// All of jnb's commands.
    public static let standard = CommandTable(
        CommandTable.dataCommands + CommandTable.modelCommands + CommandTable.analysisCommands
            + CommandTable.plotCommands + CommandTable.sessionCommands)
}
