import JetData

/// Refuses an allocation the machine cannot hold before it is made (what would otherwise be
/// the kernel killing jnb and every variable with it), naming the need, what is available
/// (SystemMemory, which JNB_AVAILABLE_MEMORY overrides) and a smaller request.
enum MemoryCheck {
    static func require(_ bytes: Double, for operation: String, suggestion: String, _ invocation: Invocation) throws(ScriptError) {
        do {
            try SystemMemory.check(bytes: bytes >= Double(Int.max) ? Int.max : Int(bytes), for: operation, suggestion: suggestion)
        } catch {
            throw invocation.failure(error.description)
        }
    }
}
