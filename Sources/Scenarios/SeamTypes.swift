import IBAKE
import IBE

// The protocol types a timeline carries, named by the layer that builds timelines, so
// that its readers (the demonstrator, tutorials, the CLI) can read one with
// `import Scenarios` alone. Each is the lower layer's own type, not a copy.

/// The name of a value a party holds (IBAKE's protocol values and the scenarios' own).
public typealias ValueName = IBAKE.ValueName
/// Where a party got a value.
public typealias ValueSource = IBAKE.ValueSource
/// One value a party learned at a step.
public typealias LearnedValue = IBAKE.LearnedValue
/// What a message on the wire is, named as the RFCs name it.
public typealias MessageKind = IBAKE.MessageKind
/// A check a role runs on a message it receives.
public typealias IBAKECheck = IBAKE.IBAKECheck
/// The initiator's policy when another identity answers (PROFILE D13).
public typealias InitiatorPolicy = IBAKE.Initiator.Policy
/// The IBE parameter set a scenario runs with (PROFILE D4).
public typealias ParameterSet = IBE.ParameterSet

extension IBE.ParameterSet {
    /// The group of aP, bP and abP as the status line names it: `P-256`, or the toy
    /// set's own tiny group, marked INSECURE (PROFILE D4).
    public var exchangeGroupName: String { DiffieHellmanGroup(parameterSet: self).name }
}

extension IBAKE.Initiator.Policy {
    /// The policy scenarios run with unless told otherwise: continue with whoever
    /// answered and show who it was (PROFILE D13).
    public static var standard: Self { .continue }
}
