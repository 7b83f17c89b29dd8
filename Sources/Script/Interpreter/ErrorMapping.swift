import Foundation
import JetData

/// Errors from the modules a command calls, turned into the language's one error kind: the
/// command's name in front, the call's location, and the category that picks the exit code.
enum ErrorMapping {
    static func scriptError(_ error: any Error, command: String, at span: SourceSpan) -> ScriptError {
        switch error {
        case let error as ScriptError:
            return error.located(at: span)
        case let error as JetDataError:
            switch error {
            case .interrupted:
                return ScriptError(.interrupted, "\(command): interrupted", at: span)
            case .file:
                return ScriptError(.io, "\(command): \(error.description)", at: span)
            default:
                return ScriptError(.runtime, "\(command): \(error.description)", at: span)
            }
        case let error as CocoaError where error.isFileError:
            return ScriptError(.io, "\(command): \(error.localizedDescription)", at: span)
        default:
            return ScriptError(.runtime, "\(command): \(error)", at: span)
        }
    }
}
