/// The variable assignments a statement makes, held back until the statement has succeeded:
/// a failing statement changes nothing, not even half of it.
final class Transaction {
    private(set) var pending: [(name: String, value: Value)] = []

    func assign(_ name: String, _ value: Value) {
        pending.removeAll { $0.name == name }
        pending.append((name, value))
    }

    func lookup(_ name: String) -> Value? {
        pending.last { $0.name == name }?.value
    }
}
