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

    @Test func argumentsOfANestedCall() {
        #expect(session().completions(before: "hist mass(j").candidates == ["jets="])
        #expect(session().completions(before: "confusion ae anomalous=(sel").candidates == ["select"])
    }

    @Test func helpCompletesCommandNames() {
        #expect(session().completions(before: "help sc").candidates == ["scan", "scatter"])
    }

    @Test func membersAfterADot() {
        #expect(session().completions(before: "print t.m").candidates == ["t.mass_in"])
        #expect(session().completions(before: "x = t.mass_in.m").candidates == ["t.mass_in.max", "t.mass_in.mean", "t.mass_in.median", "t.mass_in.min"])
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
}
