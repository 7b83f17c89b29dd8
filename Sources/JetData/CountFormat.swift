/// Counts as messages and tables print them: with thousands separators, 872666 → "872,666".
/// Here so that the data layer's own messages (a file too large for memory) read like the rest.
public enum CountFormat {
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, ch) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return n < 0 ? "-" + out : out
    }
}
