import Script

/// An output that presses Ctrl-C when a command draws its first progress line (fit after its
/// first batch, simulate after its first jets): a stop at a known point, without timing.
final class CtrlCAtFirstProgress: OutputSink {
    let interruption: Interruption
    private(set) var text = ""
    init(_ interruption: Interruption) { self.interruption = interruption }
    func write(_ text: String) { self.text += text + "\n" }
    func warn(_ text: String) { self.text += "warning: " + text + "\n" }
    func error(_ text: String) { self.text += text + "\n" }
    func figure(_ svg: String, summary: String) {}
    func progress(_ line: String?) { if line != nil { interruption.request() } }
}
