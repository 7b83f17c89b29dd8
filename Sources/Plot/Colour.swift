import Foundation

/// An sRGB colour with 8 bits per channel.
public struct Colour: Equatable, Hashable, Sendable {
    public var red: UInt8
    public var green: UInt8
    public var blue: UInt8

    public init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// A colour from a hex string "#rrggbb" or "rrggbb"; nil when it is not one.
    public init?(hex: String) {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return nil }
        self.init(red: UInt8(value >> 16), green: UInt8((value >> 8) & 0xFF), blue: UInt8(value & 0xFF))
    }

    /// A colour from channels in [0, 1] (clamped).
    init(unitRed r: Double, green g: Double, blue b: Double) {
        func byte(_ x: Double) -> UInt8 { UInt8(max(0, min(255, (x * 255).rounded()))) }
        self.init(red: byte(r), green: byte(g), blue: byte(b))
    }

    /// "#rrggbb", as written into SVG.
    public var hex: String {
        let digits = Array("0123456789abcdef")
        var out = "#"
        for byte in [red, green, blue] {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0xF)])
        }
        return out
    }

    /// WCAG relative luminance in [0, 1].
    var luminance: Double {
        func linear(_ byte: UInt8) -> Double {
            let c = Double(byte) / 255
            return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// Black or white, whichever has the higher WCAG contrast against this colour.
    public var contrastingText: Colour {
        let l = luminance
        let againstBlack = (l + 0.05) / 0.05
        let againstWhite = 1.05 / (l + 0.05)
        return againstBlack >= againstWhite ? .black : .white
    }

    public static let black = Colour(red: 0, green: 0, blue: 0)
    public static let white = Colour(red: 255, green: 255, blue: 255)
    /// Grey of reference lines (y = x, the ROC diagonal).
    public static let grey = Colour(red: 0x80, green: 0x80, blue: 0x80)
    /// Light grey of grid lines and legend frames.
    static let lightGrey = Colour(red: 0xcc, green: 0xcc, blue: 0xcc)

    /// matplotlib's "tab10" cycle (Tableau 10), distinguishable for the common colour-vision
    /// deficiencies in its first entries; series take these colours in turn.
    public static let tab10: [Colour] = [
        Colour(red: 0x1f, green: 0x77, blue: 0xb4), // blue
        Colour(red: 0xff, green: 0x7f, blue: 0x0e), // orange
        Colour(red: 0x2c, green: 0xa0, blue: 0x2c), // green
        Colour(red: 0xd6, green: 0x27, blue: 0x28), // red
        Colour(red: 0x94, green: 0x67, blue: 0xbd), // purple
        Colour(red: 0x8c, green: 0x56, blue: 0x4b), // brown
        Colour(red: 0xe3, green: 0x77, blue: 0xc2), // pink
        Colour(red: 0x7f, green: 0x7f, blue: 0x7f), // grey
        Colour(red: 0xbc, green: 0xbd, blue: 0x22), // olive
        Colour(red: 0x17, green: 0xbe, blue: 0xcf), // cyan
    ]
}
