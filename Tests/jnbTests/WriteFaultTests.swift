import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import TestSupport

/// Writes that fail: a full disk (a 64 kB tmpfs), a read-only file system (a tmpfs remounted
/// read-only) and a folder the user may not write (jnb run as nobody). Each kind of file jnb
/// writes — a jet set, a model, a table, a figure — must fail with one line naming the file
/// and the reason, exit status 74, the previous file of that name intact and no temporary
/// file left. The messages go into docs/RELIABILITY.md.
@Suite(.serialized) struct WriteFaultTests {
    /// A small tmpfs of its own, unmounted when released. Mounting needs root (or
    /// CAP_SYS_ADMIN); where it is not permitted the tests that need it are skipped.
    final class TinyFilesystem {
        let url: URL

        init(kilobytes: Int) throws {
            url = try Fixtures.temporaryDirectory("jnb-tmpfs")
            let mounted = try Tools.run("mount", ["-t", "tmpfs", "-o", "size=\(kilobytes)k,mode=0755", "tmpfs", url.path])
            guard mounted.status == 0 else {
                try? FileManager.default.removeItem(at: url)
                throw Failure(message: "mount: \(mounted.stderr)")
            }
        }

        func remountReadOnly() throws {
            let result = try Tools.run("mount", ["-o", "remount,ro", url.path])
            guard result.status == 0 else { throw Failure(message: "remount: \(result.stderr)") }
        }

        deinit {
            _ = try? Tools.run("umount", [url.path])
            try? FileManager.default.removeItem(at: url)
        }

        static let isPermitted: Bool = (try? TinyFilesystem(kilobytes: 4)) != nil
    }

    struct Failure: Error { var message: String }

    enum Fault: String, CaseIterable, Sendable {
        case diskFull = "disk full"
        case readOnly = "read-only file system"
        case unwritableFolder = "folder not writable (jnb run as nobody)"
    }

    /// What is saved, how, and under which name.
    static let writes: [(kind: String, statement: String, file: String)] = [
        ("jet set (HDF5)", "save jets \"jets.h5\"", "jets.h5"),
        ("model (HDF5)", "save (autoencoder [625, 64, 625]) \"ae.h5\"", "ae.h5"),
        ("table (CSV)", "save (table m=jets.jet_mass pt=jets.jet_pt) \"t.csv\"", "t.csv"),
        ("figure (SVG)", "hist jets.jet_mass bins=5000 save=\"m.svg\"", "m.svg"),
        ("figure (PDF)", "hist jets.jet_mass bins=5000 save=\"m.pdf\"", "m.pdf"),
        ("figure (PNG)", "hist jets.jet_mass bins=5000 save=\"m.png\"", "m.png"),
    ]

    struct Outcome: Sendable {
        var status: Int32
        var message: String
        var previousIntact: Bool
        var listing: [String]
    }

    /// Puts an old file under every name in `folder`, makes the fault, runs each write and
    /// looks at what is left.
    static func run(_ fault: Fault) throws -> [Outcome] {
        var mount: TinyFilesystem?
        let folder: URL
        switch fault {
        case .diskFull, .readOnly:
            let tiny = try TinyFilesystem(kilobytes: 64)
            mount = tiny
            folder = tiny.url
        case .unwritableFolder:
            folder = try Fixtures.temporaryDirectory("jnb-unwritable")
        }
        defer {
            if mount == nil { try? FileManager.default.removeItem(at: folder) }
            mount = nil
        }
        for write in writes {
            try "old \(write.file)\n".write(to: folder.appendingPathComponent(write.file), atomically: false, encoding: .utf8)
        }
        switch fault {
        case .diskFull:
            // Fill what is left but 8 kB: less than any of the writes needs.
            _ = try Tools.run("/bin/sh", ["-c", "dd if=/dev/zero of=filler bs=4k 2>/dev/null; truncate -s -8k filler"], currentDirectory: folder)
        case .readOnly:
            try mount?.remountReadOnly()
        case .unwritableFolder:
            chmod(folder.path, 0o555)
        }
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        return try writes.map { write in
            let arguments = ["-c", "jets = load \"\(try Unprivileged.pythia())\"\n" + write.statement]
            let command = fault == .unwritableFolder ? try Unprivileged.jnb(arguments) : [CommandLineTests.jnb] + arguments
            let result = try Tools.run(command[0], Array(command.dropFirst()), environment: ["JNB_HISTORY": "/dev/null"], currentDirectory: folder)
            // The folder's name changes from run to run: the docs show it as FOLDER.
            let message = (result.stderr.split(separator: "\n").first.map { String($0.dropFirst("error: ".count)) } ?? "")
                .replacingOccurrences(of: folder.path, with: "FOLDER")
            let content = try? String(contentsOf: folder.appendingPathComponent(write.file), encoding: .utf8)
            let listing = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            return Outcome(status: result.status, message: message, previousIntact: content == "old \(write.file)\n",
                           listing: listing == before ? [] : listing)
        }
    }

    @Test(.enabled(if: TinyFilesystem.isPermitted, "mounting a tmpfs is not permitted here"))
    func failedWritesKeepThePreviousFile() throws {
        var rows = ["| fault | writing | exit | message |", "| --- | --- | --- | --- |"]
        for fault in Fault.allCases {
            for (write, outcome) in zip(Self.writes, try Self.run(fault)) {
                #expect(outcome.status == 74, "\(fault.rawValue), \(write.kind): \(outcome.message)")
                #expect(outcome.message.contains(write.file), "\(fault.rawValue), \(write.kind): \(outcome.message)")
                #expect(outcome.previousIntact, "\(fault.rawValue), \(write.kind)")
                #expect(outcome.listing.isEmpty, "\(fault.rawValue), \(write.kind): left \(outcome.listing)")
                rows.append("| \(fault.rawValue) | \(write.kind): \(DocsTable.code(write.statement)) | \(outcome.status) | \(DocsTable.code(outcome.message)) |")
            }
        }
        try DocsTable.check("write-fault-table", rows.joined(separator: "\n") + "\n")
    }
}
