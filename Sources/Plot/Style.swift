/// Sizes and spacing of every figure, in points (matplotlib's defaults where it has one).
enum Style {
    static let fontSize = 10.0
    static let titleSize = 12.0
    static let figureTitleSize = 13.0
    static let legendSize = 9.0
    static let cellTextSize = 11.0

    static let frameWidth = 0.8
    static let majorTickLength = 3.5
    static let minorTickLength = 2.0
    static let majorTickWidth = 0.8
    static let minorTickWidth = 0.6
    /// Between a tick and its label.
    static let tickPad = 3.5
    /// Between tick labels and the axis label.
    static let labelPad = 4.0
    /// Between the title and the top of the axes.
    static let titlePad = 6.0
    /// Below each line of a panel's notes.
    static let notePad = 3.0
    /// Around the whole figure and between panels.
    static let outerPad = 6.0
    static let panelGap = 10.0
    /// Smallest gap between neighbouring tick labels, relative to the font size.
    static let labelGap = 0.5

    static let colourBarGap = 8.0
    static let colourBarWidth = 10.0

    static let gridColour = Colour(red: 0xdd, green: 0xdd, blue: 0xdd)
    static let fillOpacity = 0.3
    /// Relative automatic margin of lines and scatters.
    static let dataMargin = 0.05
}
