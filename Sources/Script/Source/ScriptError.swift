/// The one kind of error the language has. Scanner, parser, argument checks, commands and the
/// modules they call all end up here, with a location (when there is one) and a category that
/// decides the exit code of `jnb -c` and `jnb run`.
public struct ScriptError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Category: String, Sendable, Equatable {
        /// The text is not a valid statement, or names a command or argument that does not
        /// exist: found before anything runs.
        case syntax
        /// A statement ran and failed (wrong value, out-of-range argument, module error).
        case runtime
        /// A file could not be read or written.
        case io
        /// Stopped by Ctrl-C (or a cell's timeout) at a safe point.
        case interrupted
    }

    public var category: Category
    public var message: String
    public var span: SourceSpan?
    /// The variable an "unknown name" error is about (`ans` too, before it has a value), so
    /// that a notebook replay that left cells out can say which of them would have set it.
    public var unknownVariable: String?

    public init(_ category: Category, _ message: String, at span: SourceSpan? = nil) {
        self.category = category
        self.message = message
        self.span = span
    }

    /// `file:line:column: message`, or the message alone when there is no location.
    public var description: String {
        guard let span else { return message }
        return "\(span): \(message)"
    }

    /// The process exit status for a run that ended with this error: 65 for text that is not
    /// a valid program, 70 for a failed command, 74 for a file that could not be read or
    /// written, 130 for an interruption (the shell convention for SIGINT).
    public var exitCode: Int32 {
        switch category {
        case .syntax: 65
        case .runtime: 70
        case .io: 74
        case .interrupted: 130
        }
    }

    /// The same error with a location, unless it already has one.
    public func located(at fallback: SourceSpan?) -> ScriptError {
        guard span == nil else { return self }
        var copy = self
        copy.span = fallback
        return copy
    }

    static func syntax(_ message: String, at span: SourceSpan?) -> ScriptError {
        ScriptError(.syntax, message, at: span)
    }

    static func runtime(_ message: String, at span: SourceSpan?) -> ScriptError {
        ScriptError(.runtime, message, at: span)
    }
}
