import Foundation
import HDF5
import Synchronization
import Testing
import TestSupport

/// HDF5's own error stack never reaches stderr, whichever thread calls: jnb words the error.
@Suite struct ErrorStackTests {
    @Test func aFailingCallOnAnotherThreadPrintsNothing() throws {
        let dir = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let cut = dir.appendingPathComponent("cut.h5").path
        let whole = try Data(contentsOf: Fixtures.pythia4k)
        try whole.prefix(whole.count / 3).write(to: URL(fileURLWithPath: cut))
        // The library is set up on this thread; the failing call comes from a new one.
        _ = try H5File.open(Fixtures.pythia4k.path)

        let captured = dir.appendingPathComponent("stderr.txt").path
        let file = open(captured, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let saved = dup(STDERR_FILENO)
        #expect(file >= 0 && saved >= 0)
        dup2(file, STDERR_FILENO)
        let done = DispatchSemaphore(value: 0)
        let failed = Mutex(false)
        Thread {
            do { _ = try H5File.open(cut) } catch { failed.withLock { $0 = true } }
            done.signal()
        }.start()
        done.wait()
        dup2(saved, STDERR_FILENO)
        close(saved)
        close(file)

        #expect(failed.withLock { $0 })
        let text = try String(contentsOfFile: captured, encoding: .utf8)
        #expect(!text.contains("HDF5-DIAG"), "\(text.prefix(300))")
    }
}
