/// A growable buffer of plain values, reused across events by one worker. Unlike an Array it
/// never checks uniqueness or bounds on access, which matters in the O(N²) clustering loops;
/// callers keep indices below `count`.
final class ScratchBuffer<Element: BitwiseCopyable> {
    // Unchecked: the buffer belongs to one worker, and dynamic exclusivity checks on every
    // access cost more than the loops that use it.
    @exclusivity(unchecked) private(set) var base: UnsafeMutablePointer<Element>
    @exclusivity(unchecked) private(set) var capacity: Int
    @exclusivity(unchecked) private(set) var count = 0

    init(capacity: Int = 64) {
        self.capacity = max(1, capacity)
        base = UnsafeMutablePointer<Element>.allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    @inline(__always) subscript(i: Int) -> Element {
        get { base[i] }
        set { base[i] = newValue }
    }

    @inline(__always) func append(_ x: Element) {
        if count == capacity { grow(to: 2 * capacity) }
        base[count] = x
        count += 1
    }

    /// Makes room for `n` more elements, for `append(_:if:)`.
    func reserve(_ n: Int) {
        if count + n > capacity { grow(to: max(count + n, 2 * capacity)) }
    }

    /// Writes `x` after the last element and counts it only when `condition` holds: an append
    /// without a branch, for conditions as good as random. Needs the room made by `reserve`.
    @inline(__always) func append(_ x: Element, if condition: Bool) {
        base[count] = x
        count += condition ? 1 : 0
    }

    /// Makes room for `n` elements and sets the count to `n`; contents are unspecified.
    func resize(_ n: Int) {
        if n > capacity { grow(to: max(n, 2 * capacity)) }
        count = n
    }

    @inline(__always) func removeAll() { count = 0 }

    @inline(__always) func removeLast() -> Element {
        count -= 1
        return base[count]
    }

    var isEmpty: Bool { count == 0 }

    private func grow(to newCapacity: Int) {
        let bigger = UnsafeMutablePointer<Element>.allocate(capacity: newCapacity)
        bigger.update(from: base, count: count)
        base.deallocate()
        base = bigger
        capacity = newCapacity
    }
}
