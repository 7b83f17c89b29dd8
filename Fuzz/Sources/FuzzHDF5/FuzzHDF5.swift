import Foundation
import JetData
import ModelFile

/// Each input is written to this file (in memory when /dev/shm exists), then loaded.
private let inputPath: String = {
    let folder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    return "\(folder)/jnb-fuzz-\(getpid()).h5"
}()

/// libFuzzer's entry point: any bytes, as a file given to `load` (inspect, then read on two
/// threads so the parallel chunk reader runs) and to the model loader. Every problem must
/// come back as an error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHDF5(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard FileManager.default.createFile(atPath: inputPath, contents: Data(bytes: data, count: size)) else {
        return 0
    }
    defer { unlink(inputPath) }
    if (try? JetFile.inspect(inputPath)) != nil {
        _ = try? JetFile.read(inputPath, threads: 2)
    }
    _ = try? ModelFile.load(inputPath)
    return 0
}
