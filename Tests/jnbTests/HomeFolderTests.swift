import Foundation
import Testing
import TestSupport

/// `~/` in the file names of every command that reads or writes a file is $HOME — the HOME
/// jnb was started with, not the home of the user's password entry — and nothing named `~`
/// appears in the current folder.
@Suite struct HomeFolderTests {
    @Test func everyFileCommandFindsTheHomeFolder() throws {
        let home = try Fixtures.temporaryDirectory("jnb-home"), work = try Fixtures.temporaryDirectory("jnb-work")
        defer { try? FileManager.default.removeItem(at: home); try? FileManager.default.removeItem(at: work) }
        try "print \"ran from home\"\n".write(toFile: home.path + "/step.jnb", atomically: true, encoding: .utf8)
        let statements = """
            j = simulate n=40 seed=1 threads=1
            save j "~/data/j.h5"
            k = load "~/data/j.h5"
            d = dataset "~/data/j.h5" n=10
            print k.count d.count
            ae = autoencoder [625, 8, 625]
            save ae "~/models/ae.h5"
            b = load "~/models/ae.h5"
            save (table m=k.jet_mass) "~/t.csv"
            hist k.jet_mass save="~/fig/m.svg"
            run "~/step.jnb"
            x = load "~"
            """
        let result = try Tools.run(CommandLineTests.jnb, ["-c", statements],
                                   environment: ["HOME": home.path, "JNB_HISTORY": "/dev/null"], currentDirectory: work)
        // The last line names the home folder itself, which is not a jet file.
        let h = home.path
        #expect(result.stdout == "wrote \(h)/data/j.h5\n40 10\nwrote \(h)/models/ae.h5\nwrote \(h)/t.csv\nwrote \(h)/fig/m.svg\nran from home\n")
        #expect(result.stderr.hasPrefix("error: <command line>:12:10: load: \(home.path): is a directory"), "\(result.stderr)")
        #expect(result.status == 74)
        for file in ["data/j.h5", "models/ae.h5", "t.csv", "fig/m.svg"] {
            #expect(FileManager.default.fileExists(atPath: home.path + "/" + file), "\(file) is not in HOME")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).isEmpty)
    }

    @Test func aNotebookParameterMayNameAFileInHome() throws {
        let home = try Fixtures.temporaryDirectory("jnb-home"), work = try Fixtures.temporaryDirectory("jnb-work")
        defer { try? FileManager.default.removeItem(at: home); try? FileManager.default.removeItem(at: work) }
        try FileManager.default.copyItem(atPath: Fixtures.pythia4k.path, toPath: home.path + "/jets.h5")
        try "# %% data\njets = dataset data n=100\nprint jets.count\n".write(toFile: work.path + "/n.jnb", atomically: true, encoding: .utf8)
        let result = try Tools.run(CommandLineTests.jnb, ["run", "n.jnb", "--set", "data=~/jets.h5"],
                                   environment: ["HOME": home.path, "JNB_HISTORY": "/dev/null"], currentDirectory: work)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\n100\n"))
    }
}
