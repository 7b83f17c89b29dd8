import Foundation

/// The values a physics knob may take: a lower and an upper limit, each included or not, each
/// a fixed number or set by other knobs (`wMassRange` below `wMass`). The simulator validates
/// against it and `help simulate` shows it, so the two cannot disagree.
public struct KnobRange: Sendable {
    /// One end of the range.
    public struct Limit: Sendable {
        public enum Bound: Sendable {
            case fixed(Double)
            /// Set by other knobs: how it reads ("wMass + partnerMass"), the knobs it reads,
            /// and its value for given parameters.
            case derived(String, reading: [String], value: @Sendable (PhysicsParameters) -> Double)
        }

        public let bound: Bound
        /// Whether the limit itself is allowed (≥, ≤) or not (>, <).
        public let inclusive: Bool

        public static func open(_ x: Double) -> Limit { Limit(bound: .fixed(x), inclusive: false) }
        public static func closed(_ x: Double) -> Limit { Limit(bound: .fixed(x), inclusive: true) }

        /// The sum of other knobs, not included (`resonanceMass > wMass + wMassRange + partnerMass`).
        static func open(sumOf knobs: [String]) -> Limit {
            Limit(bound: .derived(knobs.joined(separator: " + "), reading: knobs) { parameters in
                knobs.reduce(0) { $0 + (parameters.value(of: $1) ?? .nan) }
            }, inclusive: false)
        }

        /// The limit's number for `parameters`.
        func value(_ parameters: PhysicsParameters) -> Double {
            switch bound {
            case .fixed(let x): x
            case .derived(_, _, let value): value(parameters)
            }
        }
    }

    public let lower: Limit?
    public let upper: Limit?

    public init(lower: Limit?, upper: Limit?) {
        self.lower = lower
        self.upper = upper
    }

    /// Numbers > 0.
    static let positive = KnobRange(lower: .open(0), upper: nil)
    /// Numbers ≥ 0.
    static let nonNegative = KnobRange(lower: .closed(0), upper: nil)
    /// Numbers in the closed range.
    static func within(_ range: ClosedRange<Double>) -> KnobRange {
        KnobRange(lower: .closed(range.lowerBound), upper: .closed(range.upperBound))
    }

    /// The knobs whose values set a limit of this range.
    public var knobsRead: [String] {
        [lower, upper].compactMap { limit -> [String]? in
            guard case .derived(_, let knobs, _)? = limit?.bound else { return nil }
            return knobs
        }.flatMap { $0 }
    }

    /// True for a finite `x` inside both limits; a derived limit is taken from `parameters`.
    /// With `fixedOnly`, derived limits are not checked (they may read knobs not checked yet).
    public func contains(_ x: Double, given parameters: PhysicsParameters, fixedOnly: Bool = false) -> Bool {
        guard x.isFinite else { return false }
        for (limit, isLower) in [(lower, true), (upper, false)] {
            guard let limit else { continue }
            if fixedOnly, case .derived = limit.bound { continue }
            let bound = limit.value(parameters)
            let inside = isLower ? (limit.inclusive ? x >= bound : x > bound) : (limit.inclusive ? x <= bound : x < bound)
            guard inside else { return false }
        }
        return true
    }

    /// How the range reads after "a number": "> 0", "0…1", "> 0 and < wMass". With
    /// `parameters`, a derived limit also shows its value there: "< wMass (here 80.4)".
    public func description(given parameters: PhysicsParameters? = nil, format: (Double) -> String) -> String {
        if let lower, let upper, lower.inclusive, upper.inclusive,
           case .fixed(let low) = lower.bound, case .fixed(let high) = upper.bound {
            return "\(format(low))…\(format(high))"
        }
        func written(_ limit: Limit) -> String {
            switch limit.bound {
            case .fixed(let x): return format(x)
            case .derived(let text, _, let value):
                return parameters.map { "\(text) (here \(format(value($0))))" } ?? text
            }
        }
        var parts: [String] = []
        if let lower { parts.append((lower.inclusive ? "≥ " : "> ") + written(lower)) }
        if let upper { parts.append((upper.inclusive ? "≤ " : "< ") + written(upper)) }
        return parts.joined(separator: " and ")
    }
}
