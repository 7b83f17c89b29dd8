// swift-tools-version: 6.0
// libFuzzer targets for jnb, kept out of the main package so that `swift build` and
// `swift test` never see them. Build and run them with scripts/fuzz, which compiles with
// `-sanitize=fuzzer,address`: libFuzzer supplies `main` and calls each target's
// `LLVMFuzzerTestOneInput`, hence `-parse-as-library`.
import PackageDescription

let asLibrary: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "jnb-fuzz",
    dependencies: [
        .package(name: "jnb", path: ".."),
    ],
    targets: [
        // Source text through the scanner, the parser and the session's check (argument binding).
        .executableTarget(name: "FuzzScript", dependencies: [.product(name: "JNBModules", package: "jnb")],
                          swiftSettings: asLibrary),
        // `.jnb` bytes through the notebook reader, then every cell through the check.
        .executableTarget(name: "FuzzNotebook", dependencies: [.product(name: "JNBModules", package: "jnb")],
                          swiftSettings: asLibrary),
        // File bytes through the jet-file loader and the model-file loader.
        .executableTarget(name: "FuzzHDF5", dependencies: [.product(name: "JNBModules", package: "jnb")],
                          swiftSettings: asLibrary),
    ],
    swiftLanguageModes: [.v6]
)
