extension Duration {
    /// The duration in seconds, for times printed and recorded (`time`, a cell's time).
    public var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) * 1e-18
    }
}
