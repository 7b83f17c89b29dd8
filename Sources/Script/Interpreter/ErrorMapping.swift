import Foundation
import HDF5
import JetData
import NeuralNet

/// Errors from the modules a command calls, turned into the language's one error kind: the
/// command's name in front, the call's location, and the category that picks the exit code.
enum ErrorMapping {
    static func scriptError(_ error: any Error, command: String, at span: SourceSpan) -> ScriptError {
        /// The module's words after the command's name, unless the module already put it there.
        func message(_ description: String) -> String {
            description.hasPrefix(command + ":") ? description : "\(command): \(description)"
        }
        switch error {
        case let error as ScriptError:
            return error.located(at: span)
        case let error as JetDataError:
            switch error {
            case .interrupted:
                return ScriptError(.interrupted, message("stopped by Ctrl-C"), at: span)
            case .file:
                return ScriptError(.io, message(error.description), at: span)
            default:
                return ScriptError(.runtime, message(error.description), at: span)
            }
        case NeuralNetError.interrupted:
            return ScriptError(.interrupted, message("stopped by Ctrl-C"), at: span)
        case let error as HDF5Error:
            return ScriptError(.io, message(error.description), at: span)
        case let error as CocoaError where error.isFileError:
            return ScriptError(.io, message(error.localizedDescription), at: span)
        default:
            return ScriptError(.runtime, message("\(error)"), at: span)
        }
    }
}
