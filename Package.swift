// swift-tools-version: 6.0
// jnb — jet notebook. The module graph follows the data: files and the simulator feed
// JetSet, networks and analysis consume it, the language binds them, the REPL and the
// notebook runner drive the language. Numeric modules never import the language.
import PackageDescription

let package = Package(
    name: "jnb",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "jnb", targets: ["jnb"]),
        // The modules the fuzzing package in Fuzz/ builds against (a package dependency by path
        // sees only products).
        .library(name: "JNBModules", targets: ["JetData", "ModelFile", "Script", "Notebook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // C libraries, found through pkg-config, each with a header of static inline shims.
        .systemLibrary(name: "CHDF5", pkgConfig: "hdf5", providers: [.apt(["libhdf5-dev"])]),
        .systemLibrary(name: "COpenBLAS", pkgConfig: "openblas", providers: [.apt(["libopenblas-dev"])]),
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),

        // Replacing a file through a temporary file and a rename: every module that writes.
        // Also the system's file errors in words, for every module that reads.
        .target(name: "AtomicWrite"),

        // Numbers, data and figures: none of these knows the language.
        .target(name: "HDF5", dependencies: ["CHDF5", "AtomicWrite"]),
        .target(name: "JetData", dependencies: ["HDF5"]),
        .target(name: "Simulator", dependencies: ["JetData"]),
        .target(name: "NeuralNet", dependencies: ["COpenBLAS"]),
        .target(name: "ModelFile", dependencies: ["NeuralNet", "HDF5"]),
        .target(name: "Analysis", dependencies: ["JetData"]),
        .target(name: "Plot", dependencies: ["AtomicWrite"]),

        // The language and the front ends that drive it.
        .target(name: "Script", dependencies: ["JetData", "Simulator", "NeuralNet", "ModelFile", "Analysis", "Plot",
                                               "AtomicWrite"]),
        .target(name: "Notebook", dependencies: ["Script", "Analysis"]),
        .target(name: "REPL", dependencies: ["Script", "CEditLine", "AtomicWrite"]),
        .executableTarget(name: "jnb", dependencies: [
            "REPL", "Notebook", "Script",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // The programs behind scripts/bench-*: timing and memory, never in unit tests.
        .executableTarget(name: "jnb-bench", dependencies: ["JetData", "Simulator", "NeuralNet", "COpenBLAS"]),

        // Shared test helpers: fixture paths, temporary directories, running the jnb binary.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "AtomicWriteTests", dependencies: ["AtomicWrite", "TestSupport"]),
        .testTarget(name: "HDF5Tests", dependencies: ["HDF5", "TestSupport"]),
        .testTarget(name: "JetDataTests", dependencies: ["JetData", "HDF5", "TestSupport"]),
        .testTarget(name: "SimulatorTests", dependencies: ["Simulator", "Analysis", "TestSupport"]),
        .testTarget(name: "NeuralNetTests", dependencies: ["NeuralNet", "ModelFile", "JetData", "TestSupport"]),
        .testTarget(name: "AnalysisTests", dependencies: ["Analysis", "JetData", "TestSupport"]),
        .testTarget(name: "PlotTests", dependencies: ["Plot", "TestSupport"], exclude: ["Golden"]),
        .testTarget(name: "ScriptTests", dependencies: ["Script", "TestSupport"], exclude: ["Scripts"]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook", "TestSupport"]),
        .testTarget(name: "REPLTests", dependencies: ["REPL", "TestSupport"]),
        .testTarget(name: "jnbTests", dependencies: ["jnb", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
