import AtomicWrite
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thrown by `Figure.write(to:searchPath:shouldStop:)` when `shouldStop` asked it to stop: the
/// converted figure was thrown away, and the file is as it was.
public struct FigureWriteStopped: Error, CustomStringConvertible, Sendable {
    public var description: String { "stopped before the figure was written" }
}

extension Figure {
    /// Writes the figure to `url` in the format its extension names (`FigureFormat`), always
    /// atomically: the file is made under a temporary name beside it and renamed, so a failed
    /// or interrupted write leaves any earlier file intact and no partial or temporary file.
    ///
    /// PDF and PNG are converted from `svg()` by rsvg-convert, the first one found in the
    /// folders of `searchPath` (PATH's form; nil: the PATH jnb was started with). A conversion
    /// takes well under a second and is not cut short; `shouldStop` is asked when it is done,
    /// and when it says stop, the result is thrown away and `FigureWriteStopped` thrown.
    /// Other failures are a `PlotError` naming the file.
    public func write(to url: URL, searchPath: String? = nil, shouldStop: () -> Bool = { false }) throws {
        // Messages name the file as it was given (relative stays relative).
        let shown = url.relativePath
        let name = url.lastPathComponent
        guard !name.isEmpty, name != "/", !url.path.hasSuffix("/") else {
            throw PlotError("cannot write figure to '\(shown)': not a file name")
        }
        guard let format = FigureFormat(fileName: name) else {
            throw PlotError("cannot write figure to '\(shown)': a figure file's name ends in \(FigureFormat.extensionList)")
        }
        let document = Data(try svg().utf8)
        guard let arguments = format.converterArguments(width: width, height: height) else {
            do throws(AtomicWrite.Failure) {
                try AtomicWrite.write(document, to: url.path)
            } catch {
                throw PlotError("cannot write figure to '\(shown)': \(Self.words(error))")
            }
            return
        }
        guard let converter = SVGConverter.find(searchPath: searchPath ?? SVGConverter.defaultSearchPath) else {
            throw PlotError("cannot write figure to '\(shown)': a \(format.rawValue.uppercased()) figure is made from its SVG by \(SVGConverter.program), which is not on PATH; install it (\(SVGConverter.installation)) or save the figure as .svg")
        }
        do throws(ConversionFailure) {
            try Self.convert(document, with: converter, arguments: arguments, to: url.path, shouldStop: shouldStop)
        } catch {
            switch error {
            case .file(let failure): throw PlotError("cannot write figure to '\(shown)': \(Self.words(failure))")
            case .converter(let failure): throw PlotError("cannot write figure to '\(shown)': \(failure.reason)")
            case .stopped: throw FigureWriteStopped()
            }
        }
    }

    private enum ConversionFailure: Error {
        case file(AtomicWrite.Failure)
        case converter(SVGConverter.Failure)
        case stopped
    }

    private static func words(_ failure: AtomicWrite.Failure) -> String {
        (failure.step == .creating ? "" : "\(failure.step.rawValue): ") + failure.reason
    }

    /// Converts `document` into a temporary file beside `path` and renames it over `path`.
    private static func convert(_ document: Data, with converter: SVGConverter, arguments: [String], to path: String,
                                shouldStop: () -> Bool) throws(ConversionFailure) {
        let input = try unnamedFile(holding: document, beside: path)
        defer { close(input) }
        try AtomicWrite.withTemporaryFile(beside: path) { temporary throws(ConversionFailure) in
            let output = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            guard output >= 0 else { throw .file(AtomicWrite.Failure(.creating, errno: errno)) }
            var failure: ConversionFailure?
            do throws(SVGConverter.Failure) {
                try converter.run(arguments, input: input, output: output)
            } catch {
                failure = .converter(error)
            }
            if failure == nil { failure = flush(output) }
            if close(output) != 0, failure == nil { failure = .file(AtomicWrite.Failure(.closing, errno: errno)) }
            if failure == nil, shouldStop() { failure = .stopped }
            if let failure {
                unlink(temporary)
                throw failure
            }
            do throws(AtomicWrite.Failure) {
                try AtomicWrite.replace(path, with: temporary)
            } catch {
                throw .file(error)
            }
        }
    }

    /// Checks that the converter wrote something and puts it on disk; nil when it did.
    private static func flush(_ output: Int32) -> ConversionFailure? {
        var status = stat()
        if fstat(output, &status) == 0, status.st_size == 0 {
            return .converter(SVGConverter.Failure(reason: "\(SVGConverter.program) wrote nothing"))
        }
        return fsync(output) == 0 ? nil : .file(AtomicWrite.Failure(.flushing, errno: errno))
    }

    /// `document` in a file without a name, open for reading from its start: created beside
    /// `path` (a folder jnb may write) and unlinked at once, so that nothing of it can be left
    /// behind, whatever happens next.
    private static func unnamedFile(holding document: Data, beside path: String) throws(ConversionFailure) -> Int32 {
        let descriptor = try AtomicWrite.withTemporaryFile(beside: path) { temporary throws(ConversionFailure) in
            let descriptor = open(temporary, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else { throw .file(AtomicWrite.Failure(.creating, errno: errno)) }
            unlink(temporary)
            return descriptor
        }
        guard AtomicWrite.writeAll(document, to: descriptor), lseek(descriptor, 0, SEEK_SET) == 0 else {
            let failure = AtomicWrite.Failure(.writing, errno: errno)
            close(descriptor)
            throw .file(failure)
        }
        return descriptor
    }
}
