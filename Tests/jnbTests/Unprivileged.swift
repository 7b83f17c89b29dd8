import Foundation
import TestSupport

/// Runs the built `jnb` as the unprivileged user `nobody` (the tests run as root, whom file
/// modes do not stop). A copy of the binary and of the Pythia jets sits in a folder anyone can
/// read, so the tests do not depend on where the package was cloned (a clone under /root is
/// closed to `nobody`).
enum Unprivileged {
    private static let copies: Result<(jnb: String, pythia: String), any Error> = Result {
        let dir = try Fixtures.temporaryDirectory("jnb-unprivileged")
        chmod(dir.path, 0o755)
        let jnb = dir.appendingPathComponent("jnb"), pythia = dir.appendingPathComponent("pythia.h5")
        try FileManager.default.copyItem(atPath: CommandLineTests.jnb, toPath: jnb.path)
        try FileManager.default.copyItem(at: Fixtures.pythia4k, to: pythia)
        chmod(jnb.path, 0o755)
        chmod(pythia.path, 0o644)
        return (jnb.path, pythia.path)
    }

    /// A copy of the Pythia jets that `nobody` can read.
    static func pythia() throws -> String { try copies.get().pythia }

    /// The command line that runs `jnb arguments` as `nobody` when we are root, else as we are.
    static func jnb(_ arguments: [String]) throws -> [String] {
        guard getuid() == 0 else { return [CommandLineTests.jnb] + arguments }
        return ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", try copies.get().jnb] + arguments
    }
}
