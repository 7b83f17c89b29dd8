import Foundation

/// Paths the tests share: the package root, the fixture files and fresh temporary folders.
public enum Fixtures {
    /// The folder holding Package.swift, found from this source file's path.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
            url.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// 4,000 real Pythia 8 + FastJet jets in the public file's schema (chunked, gzip).
    public static var pythia4k: URL {
        packageRoot.appendingPathComponent("Tests/Fixtures/pythia_wqcd_4k.h5")
    }

    /// A file under Tests/Fixtures.
    public static func file(_ relativePath: String) -> URL {
        packageRoot.appendingPathComponent("Tests/Fixtures").appendingPathComponent(relativePath)
    }

    /// A new empty folder under the system temporary folder, unique to this call.
    public static func temporaryDirectory(_ label: String = "jnb-test") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The folder with the built products (jnb, the test bundle).
    public static var productsDirectory: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    }
}
