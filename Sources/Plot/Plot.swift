// The SVG renderer.
