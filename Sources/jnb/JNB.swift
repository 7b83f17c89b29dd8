import ArgumentParser

@main
struct JNB: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jnb",
        abstract: "jet notebook: jet images, autoencoders and anomaly detection",
        version: "0.1.0"
    )

    mutating func run() throws {}
}
