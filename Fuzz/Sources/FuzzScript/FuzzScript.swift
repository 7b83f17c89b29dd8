import Foundation
import Script

/// One session for the whole run: `check` binds arguments against the command table but
/// never runs a command, so the session stays empty.
nonisolated(unsafe) private let session = Session(output: CapturedOutput())

/// libFuzzer's entry point: any bytes, as a script. Every error must come back as a
/// `ScriptError`; a trap, an overflow or a bad memory access is a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScript(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    guard let source = try? SourceFile.decode(bytes, name: "fuzz.jnb") else { return 0 }
    let origin = SourceOrigin(file: "fuzz.jnb")
    _ = Session.needsMoreInput(source)
    _ = try? Scanner.tokens(source, origin: origin)
    if let error = session.check(source, origin: origin) {
        // The caret diagnostic indexes into the source by the error's line and column.
        _ = Session.diagnostic(error, source: source, origin: origin)
    }
    _ = session.completions(before: source)
    return 0
}
