import JetData

extension Session {
    /// Settings from the environment that jnb ignores because they are malformed, one line
    /// each, for the front ends to show once when jnb starts.
    public static func environmentWarnings() -> [String] {
        [SystemMemory.overrideWarning()].compactMap { $0 }
    }
}
