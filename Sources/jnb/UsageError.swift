import ArgumentParser
import Foundation

/// Command-line usage errors in jnb's own style: one line `error: …`, with a pointer to the
/// help of the command that was misused instead of ArgumentParser's usage block.
enum UsageError {
    /// The line to show for a usage error (exit status 64), or nil for anything else: help,
    /// `--version`, an exit status the command chose.
    static func line(for error: Error, arguments: [String]) -> String? {
        guard !(error is ExitCode), JNB.exitCode(for: error) == .validationFailure else { return nil }
        let message = JNB.message(for: error).replacingOccurrences(of: ". Did you mean", with: "; did you mean")
        guard !message.isEmpty else { return nil }
        var line = "error: " + message.prefix(1).lowercased() + message.dropFirst()
        if error is ValidationError || message.contains("did you mean") {
            // jnb's own messages and suggestions say what to do.
            return line
        }
        if arguments.count == 1, let argument = arguments.first, !argument.hasPrefix("-"),
           argument.hasSuffix(".jnb") || FileManager.default.fileExists(atPath: argument) {
            line += "; to replay a notebook: jnb run \(argument)"
        } else if let help = helpCommand(JNB.fullMessage(for: error)) {
            // `--set` is an option of jnb and of jnb run alike: after `run`, its help is run's.
            line += "; see '\(help == "jnb --help" && isRun(arguments) ? "jnb run --help" : help)'"
        }
        return line
    }

    /// Whether the command line is `jnb [options] run …`: `run` is the first argument that is
    /// neither an option nor the value of one.
    private static func isRun(_ arguments: [String]) -> Bool {
        var rest = arguments[...]
        while let argument = rest.first, argument.hasPrefix("-") {
            rest = rest.dropFirst(["-c", "--set"].contains(argument) ? 2 : 1)
        }
        return rest.first == "run"
    }

    /// `jnb run --help` from the usage ArgumentParser wrote for the command that failed to parse.
    private static func helpCommand(_ fullMessage: String) -> String? {
        guard let start = fullMessage.range(of: "See '"),
              let end = fullMessage[start.upperBound...].firstIndex(of: "'") else { return nil }
        return String(fullMessage[start.upperBound..<end])
    }
}
