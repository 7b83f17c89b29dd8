import JetData

/// "Did you mean …" for misspelt commands, arguments, members and variables.
public enum Suggestions {
    /// `; did you mean 'epochs'?` when a candidate is close to `name`, else the empty string.
    public static func didYouMean(_ name: String, among candidates: [String]) -> String {
        guard let best = closest(name, among: candidates) else { return "" }
        return "; did you mean '\(best)'?"
    }

    /// Words from Python, Julia, ROOT and shells, and jnb's command for the same thing.
    static let habits = ["exit": "quit", "q": "quit", ".q": "quit", "who": "vars", "whos": "vars",
                         "ls": "vars", "varinfo": "vars"]

    /// The commands that compute a stored jet variable from the images instead.
    static let fromImage = [JetVariable.mass.datasetName: "mass", JetVariable.pt.datasetName: "pt"]

    /// "Did you mean" for a member of a jet set: the stored variable and, for mass and pT,
    /// the command that computes it from the images (`mass(j)`), which differs from it.
    static func didYouMean(_ name: String, amongJetSetMembers members: [String], jets: String?) -> String {
        guard let best = closest(name, among: members) else { return "" }
        guard let command = fromImage[best] else { return "; did you mean '\(best)'?" }
        return "; did you mean '\(best)' (stored) or \(command)(\(jets ?? "JETS")) (from the image)?"
    }

    /// The candidate with the smallest edit distance, if it is small for the name's length
    /// (none for a single letter, at most one edit for short names, a third of the length for
    /// longer ones), or one that starts with the name; or jnb's word for a habit (`exit`); or
    /// the same letters without `jet_`, underscores and case (`mass`, `deltaR` for the stored
    /// `jet_mass`, `jet_delta_R`).
    public static func closest(_ name: String, among candidates: [String]) -> String? {
        let lowered = name.lowercased()
        if let habit = habits[lowered], candidates.contains(habit) { return habit }
        if let same = candidates.first(where: { loose($0) == loose(name) }) { return same }
        // Any other single letter is one edit away from a single-letter name: no clue.
        guard lowered.count > 1 else { return nil }
        let limit = max(1, lowered.count / 3)
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(lowered, candidate.lowercased())
            if d <= limit, best.map({ d < $0.1 }) ?? true { best = (candidate, d) }
        }
        if let best { return best.0 }
        if lowered.count >= 3 {
            return candidates.filter { $0.lowercased().hasPrefix(lowered) }.min { $0.count < $1.count }
        }
        return nil
    }

    private static func loose(_ name: String) -> String {
        let lowered = name.lowercased()
        return (lowered.hasPrefix("jet_") ? String(lowered.dropFirst(4)) : lowered).replacingOccurrences(of: "_", with: "")
    }

    /// Damerau–Levenshtein (optimal string alignment): a swap of two letters counts once.
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var d = [[Int]](repeating: [Int](repeating: 0, count: y.count + 1), count: x.count + 1)
        for i in 0...x.count { d[i][0] = i }
        for j in 0...y.count { d[0][j] = j }
        for i in 1...x.count {
            for j in 1...y.count {
                let cost = x[i - 1] == y[j - 1] ? 0 : 1
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
                if i > 1, j > 1, x[i - 1] == y[j - 2], x[i - 2] == y[j - 1] {
                    d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
                }
            }
        }
        return d[x.count][y.count]
    }
}
