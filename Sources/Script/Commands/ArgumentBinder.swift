/// Matches the arguments of a call to the parameters of its command: positional ones in
/// order, keyword ones by name. This is the structural part, which needs no values, so the
/// same code checks a whole notebook before it runs and binds arguments when a call runs.
struct ArgumentBinder {
    /// Where each parameter's value comes from.
    struct Binding {
        var arguments: [String: Argument] = [:]
        /// The arguments a variadic parameter collected, in order.
        var variadic: [Argument] = []
        var extraKeywords: [Argument] = []
    }

    static func bind(_ call: Call, to spec: CommandSpec) throws(ScriptError) -> Binding {
        var binding = Binding()
        let positional = spec.positionalParameters
        var nextPositional = 0
        var sawKeyword = false
        for argument in call.arguments {
            if let label = argument.label {
                sawKeyword = true
                guard let parameter = spec.parameter(label) else {
                    guard spec.extraKeywords != nil else {
                        throw unknownArgument(label, argument, spec)
                    }
                    guard !binding.extraKeywords.contains(where: { $0.label == label }) else {
                        throw ScriptError.syntax("\(spec.name): argument '\(label)' is given twice", at: argument.labelSpan)
                    }
                    binding.extraKeywords.append(argument)
                    continue
                }
                guard binding.arguments[parameter.name] == nil, !(parameter.variadic && !binding.variadic.isEmpty) else {
                    throw ScriptError.syntax("\(spec.name): argument '\(label)' is given twice", at: argument.labelSpan)
                }
                binding.arguments[parameter.name] = argument
                continue
            }
            if case .statement = argument.value {
                binding.arguments[positional.first?.name ?? ""] = argument
                continue
            }
            if sawKeyword, nextPositional < positional.count, !positional[nextPositional].variadic {
                // `fit data=x ae` reads badly and is easy to get wrong; keep positional first.
                throw ScriptError.syntax("\(spec.name): positional arguments go before named ones", at: argument.span)
            }
            while nextPositional < positional.count, !positional[nextPositional].variadic,
                  binding.arguments[positional[nextPositional].name] != nil {
                nextPositional += 1
            }
            guard nextPositional < positional.count else {
                throw tooManyPositional(argument, spec)
            }
            let parameter = positional[nextPositional]
            if parameter.variadic {
                binding.variadic.append(argument)
            } else {
                binding.arguments[parameter.name] = argument
                nextPositional += 1
            }
        }
        try checkFileNames(binding, spec)
        for parameter in spec.parameters where parameter.isRequired {
            let given = parameter.variadic ? !binding.variadic.isEmpty || binding.arguments[parameter.name] != nil
                                           : binding.arguments[parameter.name] != nil
            guard given else {
                throw ScriptError.syntax("\(spec.name) needs \(parameter.variadic ? "at least one" : "the") argument '\(parameter.name)' (\(parameter.help)); usage: \(HelpText.usage(spec))",
                                         at: call.nameSpan)
            }
        }
        return binding
    }

    /// A file name written out (`save="fig.png"`) is checked here, so the whole input is
    /// refused before anything runs; a computed name is checked when the call runs, with the
    /// same message (ParameterType.convert).
    private static func checkFileNames(_ binding: Binding, _ spec: CommandSpec) throws(ScriptError) {
        for parameter in spec.parameters {
            guard case .path(let extensions) = parameter.type, let argument = binding.arguments[parameter.name],
                  case .string(let name)? = argument.expression?.kind else { continue }
            do {
                try ParameterType.checkExtension(of: name, among: extensions)
            } catch {
                throw argumentError(error.message, command: spec.name, parameter: parameter.name, at: argument.valueSpan)
            }
        }
    }

    /// A value that does not fit its parameter, worded the same wherever it is found.
    static func argumentError(_ message: String, command: String, parameter: String, at span: SourceSpan) -> ScriptError {
        ScriptError.runtime("\(command): argument '\(parameter)': \(message)", at: span)
    }

    private static func unknownArgument(_ label: String, _ argument: Argument, _ spec: CommandSpec) -> ScriptError {
        let names = spec.parameters.map(\.name)
        let suggestion = Suggestions.didYouMean(label, among: names)
        let known = names.isEmpty ? "it takes no arguments" : "its arguments are " + names.joined(separator: ", ")
        return ScriptError.syntax("\(spec.name) has no argument '\(label)'\(suggestion) (\(known))", at: argument.labelSpan)
    }

    private static func tooManyPositional(_ argument: Argument, _ spec: CommandSpec) -> ScriptError {
        let positional = spec.positionalParameters.map(\.name)
        let keywords = spec.parameters.filter { !$0.positional }.map { $0.name + "=" }
        var message: String
        switch positional.count {
        case 0: message = "\(spec.name) takes no positional arguments"
        case 1: message = "\(spec.name) takes one positional argument (\(positional[0]))"
        default: message = "\(spec.name) takes \(positional.count) positional arguments (\(positional.joined(separator: ", ")))"
        }
        if !keywords.isEmpty { message += "; name the others: " + keywords.joined(separator: " ") }
        return ScriptError.syntax(message, at: argument.span)
    }
}
