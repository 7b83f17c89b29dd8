import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import TestSupport

/// SIGTERM (`timeout`, Slurm, `docker stop`) and SIGHUP (a dropped SSH session) while a
/// replay writes jet sets, models, tables and large figures: jnb dies by the signal (a shell
/// sees 143 or 129) and leaves no temporary file beside its targets.
@Suite(.serialized) struct TerminationSignalTests {
    static let targets = ["j.h5", "m.h5", "t.csv", "h.svg"]

    @Test(arguments: [(SIGTERM, "TERM", 143), (SIGHUP, "HUP", 129)])
    func aSignalDuringWritesLeavesNoTemporaryFile(signal: Int32, name: String, status: Int) throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let writes = """
            save jets "out/j.h5"
            save model "out/m.h5"
            save (table m=jets.jet_mass pt=jets.jet_pt) "out/t.csv"
            hist jets.jet_mass bins=20000 save="out/h.svg"

            """
        try ("# %% load\njets = load \"\(Fixtures.pythia4k.path)\"\nmodel = autoencoder [625, 64, 625]\n# %% write\n"
             + String(repeating: writes, count: 500))
            .write(toFile: dir.path + "/w.jnb", atomically: true, encoding: .utf8)
        // The shell starts the replay, waits until the writes have begun, lets them go on for
        // a moment and sends the signal; it prints the status it sees, as a batch script would.
        // A jnb that ignores the signal is killed after 20 s (status 137), by a watchdog of short
        // sleeps: a long one would outlive the shell and hold the pipes the test reads.
        let script = """
            "$0" run w.jnb >/dev/null 2>&1 & pid=$!
            rm -f ended
            (i=0; while [ ! -e ended ] && [ $i -lt 1000 ]; do sleep 0.02; i=$((i + 1)); done
             [ -e ended ] || kill -KILL $pid) >/dev/null 2>&1 &
            tries=0
            while [ ! -e out/h.svg ] && [ $tries -lt 1500 ]; do sleep 0.02; tries=$((tries + 1)); done
            sleep "$1"
            kill -"$2" $pid
            wait $pid
            echo $?
            touch ended
            """
        for delay in ["0", "0.13", "0.29", "0.47"] {
            try? FileManager.default.removeItem(atPath: dir.path + "/out")
            let result = try Tools.run("/bin/sh", ["-c", script, CommandLineTests.jnb, delay, name],
                                       environment: ["JNB_HISTORY": "/dev/null"], currentDirectory: dir)
            #expect(result.stdout == "\(status)\n", "SIG\(name) after \(delay) s: \(result.stdout)\(result.stderr)")
            let left = try FileManager.default.contentsOfDirectory(atPath: dir.path + "/out")
            #expect(left.allSatisfy(Self.targets.contains), "SIG\(name) after \(delay) s left \(left.sorted())")
        }
    }

    /// `nohup jnb …` keeps running when the terminal goes away: an ignored SIGHUP stays ignored.
    @Test func anIgnoredHangupStaysIgnored() throws {
        // jnb reads its script from a pipe that stays empty for a second; the hangup comes meanwhile.
        let script = "trap '' HUP; (sleep 1; echo 'print 1') | \"$0\" & pid=$!; sleep 0.5; kill -HUP $pid; wait $pid; echo $?"
        let result = try Tools.run("/bin/sh", ["-c", script, CommandLineTests.jnb], environment: ["JNB_HISTORY": "/dev/null"])
        #expect(result.stdout == "1\n0\n", "\(result.stdout)\(result.stderr)")
    }
}
