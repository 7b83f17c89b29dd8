import Testing
import Script
import TestSupport

/// `vars` gives each variable's name, its type, then what it holds, without naming the type
/// again ("c  column  column jet_mass …" said it twice); `help NAME` likewise.
@Suite struct VarsListingTests {
    @Test func eachLineNamesTheTypeOnce() throws {
        let output = CapturedOutput()
        let session = Session(output: output)
        _ = session.execute("""
            jets = simulate n=200 seed=1
            c = jets.jet_mass[0:5]
            m = c > 70
            h = hist jets.jet_mass
            parts = split jets train=0.5
            j = jets[3]
            ae = autoencoder [625, 30, 625]
            vars
            """)
        let lines = output.text.split(separator: "\n").map(String.init)
        func line(_ name: String) throws -> [String] {
            let found = try #require(lines.first { $0.hasPrefix(name + " ") })
            return found.components(separatedBy: "  ").filter { !$0.isEmpty }.map { $0.trimmingCharacters(in: .whitespaces) }
        }
        #expect(try line("c")[1] == "column")
        #expect(try line("c")[2].hasPrefix("jet_mass [GeV]: 5 values, mean "))
        #expect(try line("m")[1] == "mask")
        #expect(try line("m")[2].hasPrefix("jet_mass > 70: "))
        #expect(try line("h")[1] == "figure")
        #expect(try line("h")[2].hasPrefix("histogram of jet_mass, "))
        #expect(try line("parts")[1] == "split")
        #expect(try line("parts")[2].hasPrefix("train 100 jets"))
        #expect(try line("j")[1] == "jet")
        #expect(try line("j")[2].hasPrefix("index 3 ("))
        #expect(try line("ae")[1...2] == ["model", "autoencoder 625-30-625, leakyrelu, 38,155 parameters, untrained"])
        #expect(try line("jets")[1] == "jet set")
        // The type is named once on each line.
        for name in ["c", "m", "h", "parts", "j"] {
            let fields = try line(name)
            #expect(!fields[2].hasPrefix(fields[1]), "\(name): \(fields)")
        }
    }

    @Test func helpNamesTheTypeOnce() {
        let output = CapturedOutput()
        _ = Session(output: output).execute("jets = simulate n=200 seed=1\nh = hist jets.jet_mass\nhelp h\nhelp jets.jet_mass")
        #expect(output.text.hasPrefix("h is a figure: histogram of jet_mass, "))
        #expect(output.text.contains("jets.jet_mass is a column: jet_mass [GeV]: 200 values, mean "))
    }
}
