/// XML escaping for text content and attribute values.
enum XML {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities, and characters XML 1.0
    /// forbids (control characters other than tab and newline) dropped, except the id
    /// placeholder, which `Figure.svg()` replaces before anyone sees it. Label text never
    /// contains it: `RichText` drops control characters.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n": out.unicodeScalars.append(" ")
            default:
                let v = scalar.value
                if (v < 0x20 && v != 1) || (0xFFFE...0xFFFF).contains(v) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
