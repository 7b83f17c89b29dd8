import Foundation
import Testing
import Script
import TestSupport

@Suite struct CompletionTests {
    private func session() -> Session {
        let s = Session(output: CapturedOutput())
        _ = s.execute("parts_count = 3\nt = table mass_in=[1, 2] pt_in=[3, 4]")
        return s
    }

    @Test func commandsAndVariablesAtTheStart() {
        let c = session().completions(before: "sp")
        #expect(c == Completions(replacing: "sp", candidates: ["split"]))
        #expect(session().completions(before: "x = pa").candidates == ["parts_count"])
        #expect(session().completions(before: "s").candidates == ["save", "scan", "scatter", "select", "simulate", "split"])
    }

    @Test func argumentNamesNotYetGiven() {
        let c = session().completions(before: "fit ae data epochs=3 e")
        #expect(c.replacing == "e")
        #expect(c.candidates.isEmpty)
        #expect(session().completions(before: "fit ae data ep").candidates == ["epochs="])
        #expect(session().completions(before: "fit ae data b").candidates == ["batch="])
        #expect(session().completions(before: "split t tr").candidates == ["train="])
    }

    @Test func valuesAfterAKeyword() {
        #expect(session().completions(before: "autoencoder [625, 625] activation=").candidates == ["\"leakyrelu\"", "\"linear\"", "\"relu\"", "\"tanh\""])
        #expect(session().completions(before: "hist x logy=t").candidates == ["true"])
        #expect(session().completions(before: "split t seed=p").candidates == ["parts_count"])
    }

    @Test func choicesInsideQuotesEndWithTheClosingQuote() {
        #expect(session().completions(before: "ae = autoencoder [625, 625] activation=\"t")
                == Completions(replacing: "t", candidates: ["tanh"], suffixAfterSingleCandidate: "\""))
        #expect(session().completions(before: "autoencoder [625, 625] activation=\"").candidates == ["leakyrelu", "linear", "relu", "tanh"])
        #expect(session().completions(before: "fit ae t schedule='c")
                == Completions(replacing: "c", candidates: ["constant"], suffixAfterSingleCandidate: "'"))
        #expect(session().completions(before: "autoencoder([625, 625], activation=\"le").candidates == ["leakyrelu"])
        // Other strings are file names, which get no closing quote (a folder goes on).
        #expect(session().completions(before: "hist t.mass_in xlabel=\"zz_none").suffixAfterSingleCandidate == "")
    }

    @Test func argumentsGivenInOrderAreNotOfferedAgain() {
        let afterBoth = session().completions(before: "fit ae t ").candidates
        #expect(!afterBoth.contains("model=") && !afterBoth.contains("data="))
        #expect(afterBoth.contains("valid=") && afterBoth.contains("epochs="))
        // No positional argument can follow: no variables either.
        #expect(!afterBoth.contains("t") && !afterBoth.contains("parts_count"))
        #expect(session().completions(before: "split t ").candidates == ["seed=", "test=", "train="])
        #expect(session().completions(before: "fit ae t.mass_in * 2 ").candidates.allSatisfy { $0.hasSuffix("=") })
        // Where one can still go, the variables are there, and the names not yet given.
        #expect(session().completions(before: "split ").candidates == ["jets=", "parts_count", "seed=", "t", "test=", "train="])
        #expect(session().completions(before: "fit ae ").candidates.contains("t"))
        #expect(!session().completions(before: "fit ae ").candidates.contains("model="))
        #expect(session().completions(before: "reconstruct(ae, ").candidates == ["jets=", "parts_count", "t"])
        // After a named argument, only a variadic one may still come in order.
        #expect(!session().completions(before: "fit ae data=t ").candidates.contains("t"))
        #expect(session().completions(before: "hist t.mass_in bins=3 ").candidates.contains("t"))
    }

    @Test func argumentsOfANestedCall() {
        #expect(session().completions(before: "hist mass(j").candidates == ["jets="])
        #expect(session().completions(before: "confusion ae anomalous=(sel").candidates == ["select"])
    }

    /// At a continuation prompt the text before the cursor is the whole statement so far: the
    /// earlier lines, joined by line ends, then the current line.
    @Test func aStatementContinuedFromEarlierLines() {
        let c = session().completions(before: "ae = autoencoder [625, 300, 100,\n300, 625] act")
        #expect(c == Completions(replacing: "act", candidates: ["activation="]))
        #expect(session().completions(before: "fit(ae,\nt, ep").candidates == ["epochs="])
        #expect(session().completions(before: "x = (autoencoder [625, 625]\nse").candidates == ["seed="])
        #expect(session().completions(before: "fit ae \\\nt ep").candidates == ["epochs="])
        #expect(session().completions(before: "x = [1,\npa").candidates == ["parts_count"])
        // The word replaced is on the current line only.
        #expect(session().completions(before: "l = [1,\nt.m").replacing == "t.m")
        // A comment ends with its line: a string opened after it is still completed.
        #expect(session().completions(before: "ae = autoencoder([625, 625], # the layers\nactivation=\"t")
                == Completions(replacing: "t", candidates: ["tanh"], suffixAfterSingleCandidate: "\""))
        // A statement ended before the line does not carry over: a list's item is a value.
        #expect(session().completions(before: "split t; l = [1,\nse").candidates == ["select"])
    }

    @Test func helpCompletesCommandNames() {
        #expect(session().completions(before: "help sc").candidates == ["scan", "scatter"])
    }

    @Test func membersAfterADot() {
        #expect(session().completions(before: "print t.m").candidates == ["t.mass_in"])
        #expect(session().completions(before: "x = t.mass_in.m").candidates == ["t.mass_in.max", "t.mass_in.mean", "t.mass_in.mean_error", "t.mass_in.median", "t.mass_in.min"])
    }

    @Test func filePathsInsideQuotes() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createDirectory(atPath: dir.path + "/figures", withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: dir.path + "/jets.h5", contents: Data())
        _ = FileManager.default.createFile(atPath: dir.path + "/.hidden", contents: Data())
        let c = session().completions(before: "jets = load \"\(dir.path)/")
        #expect(c.replacing == dir.path + "/")
        #expect(c.candidates == [dir.path + "/figures/", dir.path + "/jets.h5"])
        #expect(session().completions(before: "load \"\(dir.path)/j").candidates == [dir.path + "/jets.h5"])
    }

    /// A quote or backslash in a file name is written escaped, as the string needs it; what
    /// was typed stays as it was.
    @Test func fileNamesWithQuotesOrBackslashesAreEscaped() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        _ = FileManager.default.createFile(atPath: dir.path + "/q\"uote.h5", contents: Data())
        _ = FileManager.default.createFile(atPath: dir.path + "/back\\slash.h5", contents: Data())
        _ = FileManager.default.createFile(atPath: dir.path + "/it's.h5", contents: Data())
        let quoted = session().completions(before: "x = load \"\(dir.path)/q")
        #expect(quoted.replacing == dir.path + "/q")
        #expect(quoted.candidates == [dir.path + "/q\\\"uote.h5"])
        #expect(quoted.listed == ["q\\\"uote.h5"])
        // Typed escaped already: the rest follows it.
        let typed = session().completions(before: "x = load \"\(dir.path)/q\\\"u")
        #expect(typed.replacing == dir.path + "/q\\\"u")
        #expect(typed.candidates == [dir.path + "/q\\\"uote.h5"])
        #expect(session().completions(before: "x = load \"\(dir.path)/ba").candidates == [dir.path + "/back\\\\slash.h5"])
        // A single quote needs no escape in double quotes, and the double quote none in single ones.
        #expect(session().completions(before: "x = load \"\(dir.path)/it").candidates == [dir.path + "/it's.h5"])
        #expect(session().completions(before: "x = load '\(dir.path)/it").candidates == [dir.path + "/it\\'s.h5"])
        #expect(session().completions(before: "x = load '\(dir.path)/q").candidates == [dir.path + "/q\"uote.h5"])
        // What the completed string means is the file's name.
        let s = session()
        let line = "name = \"" + quoted.candidates[0] + "\""
        #expect(s.execute(line).error == nil)
        if case .string(let name)? = s.value("name") { #expect(name == dir.path + "/q\"uote.h5") } else { Issue.record("name is not a string") }
    }
}
