/// Label text with a small TeX-like markup, measured and written as SVG.
///
/// Outside `$…$` text is literal. Inside, as in matplotlib: `_x` / `_{…}` subscripts,
/// `^x` / `^{…}` superscripts, `\eta`, `\pm`, `\leq` and friends, `\mathrm{…}` upright
/// text, `-` becomes a real minus, spaces are ignored (`\ `, `\,` add space) and letters are
/// set in italic. `\$` is a dollar sign anywhere. Plain Unicode (η, φ, μ, σ, ², ≤) works
/// everywhere.
struct RichText: Equatable, Sendable {
    /// A piece of text in one style.
    struct Run: Equatable, Sendable {
        var text: String
        var italic: Bool
        /// Font size relative to the label's size.
        var scale: Double
        /// Baseline shift relative to the label's size, positive up.
        var shift: Double
    }

    let runs: [Run]

    init(_ source: String) {
        var parser = MarkupParser(source)
        runs = parser.parse()
    }

    /// Width in points when set at `size`.
    func width(size: Double) -> Double {
        runs.reduce(0) { $0 + FontMetrics.width(of: $1.text, size: size * $1.scale) }
    }

    /// Height above the baseline in points (superscripts raise it).
    func ascent(size: Double) -> Double {
        runs.reduce(FontMetrics.capHeight * size) { max($0, ($1.shift + FontMetrics.capHeight * $1.scale) * size) }
    }

    /// Depth below the baseline in points (subscripts lower it).
    func descent(size: Double) -> Double {
        runs.reduce(FontMetrics.descent * size) { max($0, (-$1.shift + FontMetrics.descent * $1.scale) * size) }
    }

    /// The content of a `<text>` element: escaped text, with `<tspan>`s for styled runs.
    func svgContent(size: Double) -> String {
        var out = ""
        var currentShift = 0.0
        for run in runs where !run.text.isEmpty {
            let plain = !run.italic && run.scale == 1 && run.shift == 0
            if plain && currentShift == 0 {
                out += XML.escape(run.text)
                continue
            }
            out += "<tspan"
            if run.italic { out += " font-style=\"italic\"" }
            if run.scale != 1 { out += " font-size=\"\(NumberFormat.coordinate(size * run.scale))\"" }
            if run.shift != currentShift {
                out += " dy=\"\(NumberFormat.coordinate(-(run.shift - currentShift) * size))\""
                currentShift = run.shift
            }
            out += ">" + XML.escape(run.text) + "</tspan>"
        }
        return out
    }
}

/// Parses the label markup into runs.
private struct MarkupParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var runs: [RichText.Run] = []
    /// Whether the last math atom can be the left operand of a binary operator, which then
    /// gets spaces around it (a − b) rather than none (−3).
    private var afterOperand = false

    init(_ source: String) {
        // Control characters have no place in a one-line label (and one is the id placeholder).
        scalars = source.unicodeScalars.compactMap { $0.value < 0x20 ? ($0 == "\t" || $0 == "\n" ? " " : nil) : $0 }
    }

    mutating func parse() -> [RichText.Run] {
        let lastDollar = unescapedDollars().count.isMultiple(of: 2) ? nil : unescapedDollars().last
        var inMath = false
        while index < scalars.count {
            let c = scalars[index]
            if c == "\\", index + 1 < scalars.count, scalars[index + 1] == "$" {
                append("$", italic: false, scale: 1, shift: 0)
                index += 2
            } else if c == "$", index != lastDollar {
                inMath.toggle()
                index += 1
            } else if inMath {
                parseMathAtom(scale: 1, shift: 0, upright: false)
            } else {
                append(String(c), italic: false, scale: 1, shift: 0)
                index += 1
            }
        }
        return runs
    }

    /// Positions of `$` that are not escaped; an unpaired last one is taken literally.
    private func unescapedDollars() -> [Int] {
        scalars.indices.filter { scalars[$0] == "$" && ($0 == 0 || scalars[$0 - 1] != "\\") }
    }

    /// One atom of math: a character, a command, a group, or a script attached to what precedes.
    private mutating func parseMathAtom(scale: Double, shift: Double, upright: Bool) {
        let c = scalars[index]
        switch c {
        case "$":
            index += 1
        case "{":
            index += 1
            parseGroup(scale: scale, shift: shift, upright: upright)
        case "}":
            index += 1
        case "_", "^":
            index += 1
            let scriptScale = scale * 0.7
            let scriptShift = shift + (c == "^" ? 0.42 : -0.22) * scale
            if index < scalars.count, scalars[index] == "{" {
                index += 1
                parseGroup(scale: scriptScale, shift: scriptShift, upright: upright)
            } else if index < scalars.count {
                parseMathAtom(scale: scriptScale, shift: scriptShift, upright: upright)
            }
        case "\\":
            parseCommand(scale: scale, shift: shift, upright: upright)
        case " ":
            index += 1
        case "-":
            appendOperator(NumberFormat.minus, scale: scale, shift: shift)
            index += 1
        default:
            index += 1
            if Self.operators.contains(c) {
                appendOperator(String(c), scale: scale, shift: shift)
                return
            }
            let isLetter = c.properties.isAlphabetic
            append(String(c), italic: isLetter && !upright, scale: scale, shift: shift)
            afterOperand = c != "(" && c != "["
        }
    }

    /// Atoms up to the matching `}` (or the end of the math).
    private mutating func parseGroup(scale: Double, shift: Double, upright: Bool) {
        afterOperand = false
        defer { afterOperand = true }
        while index < scalars.count, scalars[index] != "}", scalars[index] != "$" {
            parseMathAtom(scale: scale, shift: shift, upright: upright)
        }
        if index < scalars.count, scalars[index] == "}" { index += 1 }
    }

    private mutating func parseCommand(scale: Double, shift: Double, upright: Bool) {
        index += 1
        guard index < scalars.count else { return }
        let first = scalars[index]
        if !first.properties.isAlphabetic {
            index += 1
            switch first {
            case " ": append(" ", italic: false, scale: scale, shift: shift)
            case ",": append("\u{2009}", italic: false, scale: scale, shift: shift)
            case ";", ":": append(" ", italic: false, scale: scale, shift: shift)
            default: append(String(first), italic: false, scale: scale, shift: shift)
            }
            return
        }
        var name = ""
        while index < scalars.count, scalars[index].properties.isAlphabetic, scalars[index].isASCII {
            name.unicodeScalars.append(scalars[index])
            index += 1
        }
        if name == "mathrm" || name == "text" || name == "rm" {
            if index < scalars.count, scalars[index] == "{" {
                index += 1
                parseGroup(scale: scale, shift: shift, upright: true)
            }
            return
        }
        if let symbol = Self.symbols[name] {
            if let scalar = symbol.unicodeScalars.first, Self.operators.contains(scalar) {
                appendOperator(symbol, scale: scale, shift: shift)
                return
            }
            afterOperand = true
            let greekLower = symbol.unicodeScalars.first.map { (0x03B1...0x03C9).contains($0.value) } ?? false
            append(symbol, italic: greekLower && !upright, scale: scale, shift: shift)
        } else {
            append("\\" + name, italic: false, scale: scale, shift: shift)
        }
    }

    /// A binary operator between operands gets a space on either side; a leading one
    /// (a sign) does not.
    private mutating func appendOperator(_ symbol: String, scale: Double, shift: Double) {
        append(afterOperand ? " " + symbol + " " : symbol, italic: false, scale: scale, shift: shift)
        afterOperand = false
    }

    private mutating func append(_ text: String, italic: Bool, scale: Double, shift: Double) {
        if let last = runs.last, last.italic == italic, last.scale == scale, last.shift == shift {
            runs[runs.count - 1].text += text
        } else {
            runs.append(RichText.Run(text: text, italic: italic, scale: scale, shift: shift))
        }
    }

    /// Binary operators and relations, spaced in math.
    private static let operators: Set<Unicode.Scalar> = [
        "+", "\u{2212}", "=", "<", ">", "±", "∓", "×", "·", "÷", "≤", "≥", "≠", "≈", "∼", "∝", "≡", "→", "←", "↔", "∈",
    ]

    /// TeX command names and the Unicode characters they stand for.
    private static let symbols: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ",
        "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ",
        "upsilon": "υ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ", "Pi": "Π",
        "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        "pm": "±", "mp": "∓", "times": "×", "cdot": "·", "div": "÷",
        "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠",
        "approx": "≈", "sim": "∼", "propto": "∝", "equiv": "≡", "infty": "∞",
        "sqrt": "√", "partial": "∂", "nabla": "∇", "sum": "∑", "prod": "∏", "int": "∫",
        "to": "→", "rightarrow": "→", "leftarrow": "←", "leftrightarrow": "↔",
        "in": "∈", "ell": "ℓ", "circ": "°", "degree": "°", "prime": "′",
        "langle": "⟨", "rangle": "⟩", "%": "%",
    ]
}
