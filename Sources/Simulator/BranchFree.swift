/// `condition ? a : b` for doubles, chosen on their bits. x86-64 has conditional moves for
/// integers only, so a `?:` of doubles is compiled to a branch; in the clustering loops the
/// comparisons that decide such choices are as good as random, and a mispredicted branch
/// costs more than the moves between registers.
@inline(__always) func choose(_ condition: Bool, _ a: Double, _ b: Double) -> Double {
    Double(bitPattern: condition ? a.bitPattern : b.bitPattern)
}
