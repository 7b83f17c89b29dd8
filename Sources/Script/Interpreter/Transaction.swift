/// The variable assignments a statement makes, and a `quit` it asks for, held back until the
/// statement has succeeded: a failing statement changes nothing, not even half of it.
final class Transaction {
    private(set) var pending: [(name: String, value: Value)] = []
    /// The exit status `quit` asked for: the session ends only if the statement succeeds.
    var quitStatus: Int32?

    func assign(_ name: String, _ value: Value) {
        pending.removeAll { $0.name == name }
        pending.append((name, value))
    }

    func lookup(_ name: String) -> Value? {
        pending.last { $0.name == name }?.value
    }
}
