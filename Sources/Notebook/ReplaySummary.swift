import Foundation
import Script

/// `jnb run --summary FILE.json`: per-cell status, time, place of the error and files
/// written, for scripts and CI that check a replay.
public enum ReplaySummary {
    struct Document: Encodable {
        var notebook: String
        var status: String
        var exitCode: Int32
        var seconds: Double
        var parameters: [String: Parameter]
        var cells: [Cell]

        enum CodingKeys: String, CodingKey {
            case notebook, status, exitCode = "exit_code", seconds, parameters, cells
        }
    }

    /// A `--set` value as JSON: a number, true/false or text.
    enum Parameter: Encodable {
        case number(Double), bool(Bool), text(String)

        init(_ value: Value) {
            switch value {
            case .number(let number): self = .number(number)
            case .bool(let bool): self = .bool(bool)
            case .string(let text): self = .text(text)
            default: self = .text(value.summary)
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .number(let number): try container.encode(number)
            case .bool(let bool): try container.encode(bool)
            case .text(let text): try container.encode(text)
            }
        }
    }

    struct Cell: Encodable {
        var number: Int
        var name: String?
        var line: Int
        var status: String
        var seconds: Double
        var error: Failure?
        var figures: [String]
        var files: [String]
    }

    struct Failure: Encodable {
        var message: String
        var category: String
        var file: String?
        var line: Int?
        var column: Int?
    }

    public static func json(_ result: ReplayResult) throws -> Data {
        let cells = result.cells.filter { $0.cell.kind == .code }.map { r in
            Cell(number: r.cell.number, name: r.cell.name, line: r.cell.markerLine, status: r.status.rawValue,
                 seconds: (r.seconds * 1000).rounded() / 1000,
                 error: r.error.map { Failure(message: $0.message, category: $0.category.rawValue, file: $0.span?.file,
                                              line: $0.span?.line, column: $0.span?.column) },
                 figures: r.filesWritten.filter { $0.lowercased().hasSuffix(".svg") },
                 files: r.filesWritten)
        }
        let document = Document(notebook: result.document.file, status: result.exitCode == 0 ? "ok" : "failed",
                                exitCode: result.exitCode, seconds: (result.seconds * 1000).rounded() / 1000,
                                parameters: Dictionary(result.parameters.map { ($0.name, Parameter($0.value)) }, uniquingKeysWith: { $1 }),
                                cells: cells)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(document) + Data("\n".utf8)
    }

    public static func write(_ result: ReplayResult, to path: String) throws(ScriptError) {
        let data: Data
        do {
            data = try json(result)
        } catch {
            throw ScriptError(.io, "cannot encode the summary: \(error)")
        }
        try FileWriting.writeAtomically(data, to: path)
    }
}
