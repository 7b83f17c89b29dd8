/// What a value is, known without the value: what a command gives (its entry in the command
/// table says) and what the members of such a value are. Completion reads it to offer the
/// members after a call (`mass(jets).` a column's) without running the command.
public enum ValueType: Sendable, Equatable {
    case number
    case string
    case bool
    case list
    case column
    case jets
    case jet
    /// Its columns are the value's own: only the type is known before it is made.
    case table
    case confusion
    case roc
    case model
    case history
}
