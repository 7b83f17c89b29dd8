import Foundation

/// The file formats a figure is written in, named by the file's extension (any case): SVG as
/// Plot draws it, and PDF and PNG made from that SVG by rsvg-convert (`SVGConverter`), so that
/// every format shows the same drawing.
public enum FigureFormat: String, CaseIterable, Sendable {
    /// The drawing itself.
    case svg
    /// A page the size of the figure; text stays text and lines stay lines (for LaTeX).
    case pdf
    /// Pixels, at `pngDotsPerInch` of the figure's size (for slides and chat).
    case png

    /// A PNG has this many pixels per inch of the figure: 300, as a printer or a projector
    /// wants, so a figure of matplotlib's default 6.4 × 4.8 inches is 1920 × 1440 pixels.
    public static let pngDotsPerInch = 300.0

    /// The format `fileName`'s extension names, or nil for any other name.
    public init?(fileName: String) {
        self.init(rawValue: NSString(string: fileName).pathExtension.lowercased())
    }

    /// The extensions, without dots: svg, pdf, png.
    public static var extensions: [String] { allCases.map(\.rawValue) }

    /// The extensions as a reader would list them: ".svg, .pdf or .png".
    public static var extensionList: String {
        let endings = extensions.map { "." + $0 }
        return endings.dropLast().joined(separator: ", ") + " or " + (endings.last ?? "")
    }

    /// rsvg-convert's arguments for a figure of `width` × `height` points, or nil for SVG,
    /// which is written as drawn. A PNG's size is given in whole pixels, so that it is
    /// exactly the figure's size at 300 dpi (with only a resolution, rounding up can add a row).
    func converterArguments(width: Double, height: Double) -> [String]? {
        switch self {
        case .svg:
            return nil
        case .pdf:
            return ["--format=pdf"]
        case .png:
            let pixels = { (points: Double) in String(max(1, Int((points / 72 * Self.pngDotsPerInch).rounded()))) }
            return ["--format=png", "--width=" + pixels(width), "--height=" + pixels(height)]
        }
    }
}
