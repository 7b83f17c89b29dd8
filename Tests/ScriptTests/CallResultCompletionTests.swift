import Testing
import Script
import TestSupport

/// Tab after a command's call (`mass(jets).`) offers the members of what the command gives,
/// from the result type its entry in the command table declares: nothing is run to complete.
@Suite struct CallResultCompletionTests {
    private func session() -> (Session, CapturedOutput) {
        let output = CapturedOutput()
        let s = Session(output: output)
        let result = s.execute("jets = simulate n=40 seed=1\nae = autoencoder [625, 8, 625] seed=1")
        #expect(result.succeeded, "\(result.error?.description ?? "")")
        _ = output.take()
        return (s, output)
    }

    @Test func aCallOffersTheMembersOfWhatItGives() {
        let (s, output) = session()
        #expect(s.completions(before: "mass(jets).me").candidates == [".mean", ".mean_error", ".median"])
        #expect(s.completions(before: "print pt(jets).st").candidates == [".std", ".std_error"])
        #expect(s.completions(before: "(select jets signal=0).nsig").candidates == [".nsignal"])
        #expect(s.completions(before: "x = (simulate n=5).co").candidates == [".count"])
        // Members and indexes go on from the type: a jet of the set, a slice of the column.
        #expect(s.completions(before: "reconstruct(ae, jets)[0].ind").candidates == [".index"])
        #expect(s.completions(before: "(loss ae jets)[0:3].ar").candidates == [".argmax", ".argmin"])
        #expect(s.completions(before: "jets[mass(jets) > 60].nsig").candidates == [".nsignal"])
        #expect(s.completions(before: "(fit ae jets epochs=1).history.ep").candidates == [".history.epochs"])
        #expect(s.completions(before: "roc(normal=jets.tau_21, anomalous=jets.tau_32).best.tp").candidates == [".best.tp", ".best.tpr"])
        // A number, a figure or nothing has no members; load's value depends on its file.
        #expect(s.completions(before: "mass(jets).mean.").candidates.isEmpty)
        #expect(s.completions(before: "mass(jets)[0].").candidates.isEmpty)
        #expect(s.completions(before: "(hist jets.jet_mass).").candidates.isEmpty)
        #expect(s.completions(before: "(load \"jets.h5\").").candidates.isEmpty)
        #expect(s.completions(before: "(print jets)[0].").candidates.isEmpty)
        // Nothing ran: no output, and ae is still untrained.
        #expect(output.text.isEmpty)
        #expect(s.execute("print ae.history").error?.message.hasPrefix("the model has not been trained yet") == true)
    }

    /// A position known only to be a number (a command's result member such as `.argmax`, or
    /// arithmetic on numbers) gives the type of an element: the worst-reconstructed jet is
    /// `jets[loss(ae, jets).argmax]`.
    @Test func aComputedPositionGivesAnElementOfTheIndexedType() {
        let (s, output) = session()
        #expect(s.execute("l = loss ae jets").succeeded)
        _ = output.take()
        #expect(s.completions(before: "jets[3 + 1].ind").candidates == [".index"])
        #expect(s.completions(before: "jets[mass(jets).argmax].ind").candidates == [".index"])
        #expect(s.completions(before: "print jets[loss(ae, jets).argmax].sig").candidates == [".signal"])
        #expect(s.completions(before: "jets[l.argmax + 1].ind").candidates == [".index"])
        #expect(s.completions(before: "jets[-(jets.count - 1) * 2].ind").candidates == [".index"])
        #expect(s.completions(before: "reconstruct(ae, jets)[l.argmin / 2].ind").candidates == [".index"])
        #expect(s.completions(before: "jets[l.argmax].ind").candidates == [".index"])
        // An element of a column is a number, which has no members; a string is no position.
        #expect(s.completions(before: "mass(jets)[l.argmax + 1].").candidates.isEmpty)
        #expect(s.completions(before: "l[mass(jets).argmax].").candidates.isEmpty)
        #expect(s.completions(before: "jets[\"a\" + 1].").candidates.isEmpty)
        #expect(s.completions(before: "jets[mass(jets) + 1].").candidates.isEmpty)
        // Nothing ran: no output, and ae is still untrained.
        #expect(output.text.isEmpty)
        #expect(s.execute("print ae.history").error?.message.hasPrefix("the model has not been trained yet") == true)
    }

    /// A call of each command whose result type is declared, and what each member of its value
    /// is: completion after the call (from the declared types) offers what it offers after the
    /// value the call gives (from the value), member by member, so the table cannot say
    /// otherwise than the commands do.
    @Test func everyDeclaredResultTypeIsWhatTheCommandGives() throws {
        let calls: [String: String?] = [
            "load": nil, "split": nil,
            "simulate": "simulate n=20 seed=2", "dataset": "dataset \"builtin\" n=20", "select": "select jets signal=1",
            "mass": "mass jets", "pt": "pt jets", "autoencoder": "autoencoder [625, 4, 625]",
            "fit": "fit ae jets valid=jets epochs=1 threads=1", "reconstruct": "reconstruct ae jets", "loss": "loss ae jets",
            "residuals": "residuals jets.jet_mass mass(jets)",
            "confusion": "confusion normal=jets.tau_21 anomalous=jets.tau_32",
            "roc": "roc normal=jets.tau_21 anomalous=jets.tau_32",
            "scan": "scan normal=jets.tau_21 anomalous=jets.tau_32", "table": "table a=[1, 2] b=[3, 4]",
            "choice": "choice \"svg\" \"pdf\"",
        ]
        let (s, _) = session()
        var checked = 0
        for spec in s.table.commands {
            guard case .value(let type) = spec.result else { continue }
            let written = try #require(calls[spec.name], "no call of \(spec.name) to check its result type against")
            guard let call = written else {
                #expect(type == nil, "\(spec.name): the test has no call of it")
                continue
            }
            try #require(s.execute("v = \(call)").succeeded, "\(call)")
            let members = s.completions(before: "v.").listed
            #expect(!members.isEmpty, "\(call)")
            // A table's columns are its own: only its type is known before it is made.
            guard type != .table else {
                #expect(s.completions(before: "(\(call)).").candidates.isEmpty, "\(call)")
                continue
            }
            #expect(s.completions(before: "(\(call)).").listed == members, "\(call)")
            for member in members where s.execute("w = v.\(member)").succeeded {
                #expect(s.completions(before: "(\(call)).\(member).").listed == s.completions(before: "w.").listed, "\(call): \(member)")
                checked += 1
            }
        }
        #expect(checked > 50)
    }
}
