import NeuralNet

/// What the numeric libraries under jnb report about themselves, for `jnb --version`.
public enum Libraries {
    /// The BLAS in use: library, CPU kernels, and why jnb chose them.
    public static var blas: String { BLAS.status.description }
}
