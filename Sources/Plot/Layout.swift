/// Where each panel's axes go: margins measured from the labels they must hold, aligned
/// across the rows and columns of the grid.
struct PanelGeometry {
    /// The panel's share of the figure; its labels stay inside.
    var cell: Rect
    var frame: Rect
    var xMap: AxisMap
    var yMap: AxisMap
    var xTicks: AxisTicks
    var yTicks: AxisTicks
    var colourBar: ColourBarGeometry?
}

/// The colour bar beside an image: its rectangle, value axis and ticks.
struct ColourBarGeometry {
    var rect: Rect
    var map: AxisMap
    var ticks: AxisTicks
    var scale: ColourScale
    var label: RichText?
}

struct Margins {
    var left = 0.0
    var right = 0.0
    var top = 0.0
    var bottom = 0.0
}

/// The ticks a panel would draw at a given frame size.
private struct PanelTicks {
    var x: AxisTicks
    var y: AxisTicks
    var colourBar: AxisTicks?

    init(_ panel: Panel, width: Double, height: Double) {
        let size = Style.fontSize
        if let map = panel.heatmap {
            x = .categories(map.columnLabels)
            y = .categories(map.rowLabels.reversed())
        } else {
            let xMap = AxisMap(lower: panel.xLimits.lowerBound, upper: panel.xLimits.upperBound, scale: panel.axes.x.scale, start: 0, end: width)
            let yMap = AxisMap(lower: panel.yLimits.lowerBound, upper: panel.yLimits.upperBound, scale: panel.axes.y.scale, start: height, end: 0)
            x = .make(xMap, length: width, horizontal: true, integer: panel.axes.x.integerTicks, size: size)
            y = .make(yMap, length: height, horizontal: false, integer: panel.axes.y.integerTicks, size: size)
        }
        if !panel.showsXTickLabels { x = x.unlabelled }
        if !panel.showsYTickLabels { y = y.unlabelled }
        if let image = panel.image, image.showsColourBar {
            let scale = ColourScale(image)
            let map = AxisMap(lower: scale.range.lowerBound, upper: scale.range.upperBound, scale: scale.scale, start: height, end: 0)
            colourBar = .make(map, length: height, horizontal: false, integer: false, size: size)
        }
    }
}

enum Layout {
    /// The geometry of every panel of `figure`, in order, and the baseline of the figure title.
    static func arrange(_ figure: Figure, panels: [Panel]) -> (geometries: [PanelGeometry], titleBaseline: Double) {
        let titleText = figure.title.map(RichText.init)
        let titleSize = Style.figureTitleSize
        let titleBlock = titleText.map { $0.ascent(size: titleSize) + $0.descent(size: titleSize) + Style.outerPad } ?? 0
        let content = Rect(x: Style.outerPad, y: Style.outerPad + titleBlock,
                           width: figure.width - 2 * Style.outerPad, height: figure.height - 2 * Style.outerPad - titleBlock)
        let cellWidth = (content.width - Double(figure.columns - 1) * Style.panelGap) / Double(figure.columns)
        let cellHeight = (content.height - Double(figure.rows - 1) * Style.panelGap) / Double(figure.rows)
        let cells = panels.indices.map { index in
            Rect(x: content.x + Double(index % figure.columns) * (cellWidth + Style.panelGap),
                 y: content.y + Double(index / figure.columns) * (cellHeight + Style.panelGap),
                 width: cellWidth, height: cellHeight)
        }
        let needed = panels.indices.map { margins(panels[$0], cell: cells[$0]) }
        // Panels in a column share left and right margins, in a row top and bottom ones, so
        // their axes line up.
        var aligned = needed
        for index in panels.indices {
            let column = index % figure.columns, row = index / figure.columns
            let sameColumn = panels.indices.filter { $0 % figure.columns == column }
            let sameRow = panels.indices.filter { $0 / figure.columns == row }
            aligned[index].left = sameColumn.map { needed[$0].left }.max() ?? 0
            aligned[index].right = sameColumn.map { needed[$0].right }.max() ?? 0
            aligned[index].top = sameRow.map { needed[$0].top }.max() ?? 0
            aligned[index].bottom = sameRow.map { needed[$0].bottom }.max() ?? 0
        }
        let geometries = panels.indices.map { index -> PanelGeometry in
            let cell = cells[index], m = aligned[index]
            var frame = Rect(x: cell.x + m.left, y: cell.y + m.top,
                             width: max(10, cell.width - m.left - m.right), height: max(10, cell.height - m.top - m.bottom))
            if panels[index].keepsAspect {
                frame = keepingAspect(frame, panel: panels[index])
            }
            return geometry(panels[index], cell: cell, frame: frame)
        }
        let titleBaseline = Style.outerPad + (titleText?.ascent(size: titleSize) ?? 0)
        return (geometries, titleBaseline)
    }

    /// Whether the ×10ⁿ of the x axis would touch the centred x label on the label's row,
    /// and so goes on a row of its own below it.
    static func multiplierNeedsOwnRow(label: RichText, multiplier: RichText, frameWidth: Double) -> Bool {
        let size = Style.fontSize
        return label.width(size: size) / 2 + multiplier.width(size: size) + size > frameWidth / 2
    }

    /// The height the panel's notes take above the axes (and above the ×10ⁿ of the y axis).
    static func notesHeight(_ panel: Panel) -> Double {
        panel.axes.notes.map(RichText.init).map { $0.ascent(size: Style.legendSize) + $0.descent(size: Style.legendSize) + Style.notePad }
            .reduce(0, +)
    }

    /// The largest rectangle inside `frame` with the data's aspect ratio (square pixels), centred.
    private static func keepingAspect(_ frame: Rect, panel: Panel) -> Rect {
        let aspect = (panel.xLimits.upperBound - panel.xLimits.lowerBound) / (panel.yLimits.upperBound - panel.yLimits.lowerBound)
        var result = frame
        if frame.width > frame.height * aspect {
            result.width = frame.height * aspect
            result.x = frame.x + (frame.width - result.width) / 2
        } else {
            result.height = frame.width / aspect
            result.y = frame.y + (frame.height - result.height) / 2
        }
        return result
    }

    /// The final maps and ticks of a panel whose axes fill `frame`.
    static func geometry(_ panel: Panel, cell: Rect, frame: Rect) -> PanelGeometry {
        let ticks = PanelTicks(panel, width: frame.width, height: frame.height)
        let xMap = AxisMap(lower: panel.xLimits.lowerBound, upper: panel.xLimits.upperBound, scale: panel.axes.x.scale,
                           start: frame.x, end: frame.maxX)
        let yMap = AxisMap(lower: panel.yLimits.lowerBound, upper: panel.yLimits.upperBound, scale: panel.axes.y.scale,
                           start: frame.maxY, end: frame.y)
        var colourBar: ColourBarGeometry?
        if let image = panel.image, image.showsColourBar, let cbTicks = ticks.colourBar {
            let scale = ColourScale(image)
            let rect = Rect(x: frame.maxX + Style.colourBarGap, y: frame.y, width: Style.colourBarWidth, height: frame.height)
            let map = AxisMap(lower: scale.range.lowerBound, upper: scale.range.upperBound, scale: scale.scale,
                              start: rect.maxY, end: rect.y)
            colourBar = ColourBarGeometry(rect: rect, map: map, ticks: cbTicks, scale: scale, label: image.colourBarLabel.map(RichText.init))
        }
        return PanelGeometry(cell: cell, frame: frame, xMap: xMap, yMap: yMap, xTicks: ticks.x, yTicks: ticks.y, colourBar: colourBar)
    }

    /// Margins that hold the panel's labels when it gets `cell`; frame sizes and ticks depend
    /// on each other, so this settles them in a few rounds.
    private static func margins(_ panel: Panel, cell: Rect) -> Margins {
        var width = cell.width * 0.75, height = cell.height * 0.75
        var margins = Margins()
        for _ in 0..<3 {
            margins = self.margins(panel, ticks: PanelTicks(panel, width: width, height: height), width: width)
            width = max(10, cell.width - margins.left - margins.right)
            height = max(10, cell.height - margins.top - margins.bottom)
        }
        return margins
    }

    private static func margins(_ panel: Panel, ticks: PanelTicks, width: Double) -> Margins {
        let size = Style.fontSize
        var m = Margins()
        let xLabel = panel.axes.x.label.map(RichText.init)
        let yLabel = panel.axes.y.label.map(RichText.init)
        let title = panel.axes.title.map(RichText.init)

        m.bottom = Style.majorTickLength + 1
        if !ticks.x.labels.isEmpty {
            m.bottom += Style.tickPad + ticks.x.maxLabelAscent(size: size) + ticks.x.maxLabelDescent(size: size)
        }
        if let label = xLabel ?? ticks.x.multiplier {
            m.bottom += Style.labelPad + label.ascent(size: size) + label.descent(size: size)
        }
        if let xLabel, let multiplier = ticks.x.multiplier,
           Self.multiplierNeedsOwnRow(label: xLabel, multiplier: multiplier, frameWidth: width) {
            m.bottom += multiplier.ascent(size: size) + multiplier.descent(size: size) + 2
        }

        var top = 0.0
        if let multiplier = ticks.y.multiplier ?? ticks.colourBar?.multiplier {
            top += multiplier.ascent(size: size) + multiplier.descent(size: size) + 3
        }
        top += notesHeight(panel)
        if let title {
            top += title.ascent(size: Style.titleSize) + title.descent(size: Style.titleSize) + Style.titlePad
        }
        // Room for half of the top tick label, which is centred on the top edge.
        m.top = max(top, 0.7 * size)

        m.left = Style.majorTickLength + 1
        if !ticks.y.labels.isEmpty { m.left += Style.tickPad + ticks.y.maxLabelWidth(size: size) }
        if let yLabel { m.left += Style.labelPad + yLabel.ascent(size: size) + yLabel.descent(size: size) }

        if let colourBar = ticks.colourBar {
            m.right = Style.colourBarGap + Style.colourBarWidth + Style.majorTickLength + Style.tickPad
                + colourBar.maxLabelWidth(size: size)
            if let label = panel.image?.colourBarLabel.map(RichText.init) {
                m.right += Style.labelPad + label.ascent(size: size) + label.descent(size: size)
            }
        }
        // The first and last x tick labels are centred on their ticks and may stick out.
        let xMap = AxisMap(lower: panel.xLimits.lowerBound, upper: panel.xLimits.upperBound, scale: panel.axes.x.scale, start: 0, end: width)
        for mark in ticks.x.marks {
            guard let label = mark.label else { continue }
            let centre = xMap(mark.value)
            let half = label.width(size: size) / 2
            m.left = max(m.left, half - centre + 1)
            m.right = max(m.right, centre + half - width + 1)
        }
        return m
    }
}
