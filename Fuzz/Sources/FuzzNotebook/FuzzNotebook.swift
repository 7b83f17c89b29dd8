import Foundation
import Notebook
import Script

nonisolated(unsafe) private let session = Session(output: CapturedOutput())

/// libFuzzer's entry point: any bytes, as a `.jnb` file: decoded, split into cells, and each
/// code cell checked (parsed and its arguments bound) the way replay checks it, without
/// running anything.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzNotebook(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    guard let text = try? SourceFile.decode(bytes, name: "fuzz.jnb"),
          let document = try? NotebookReader.parse(text, file: "fuzz.jnb") else { return 0 }
    for cell in document.codeCells {
        let origin = document.origin(of: cell)
        if let error = session.check(cell.source, origin: origin) {
            _ = Session.diagnostic(error, source: cell.source, origin: origin)
        }
    }
    return 0
}
