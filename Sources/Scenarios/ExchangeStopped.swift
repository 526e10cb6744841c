import IBAKE

/// Thrown when a party refuses a message and the exchange stops there (the refuse step,
/// and the Error message if the RFC has one, are already on the timeline). A script
/// played with ``Stage/play(_:)`` ends at it; a script that expects a refusal (a replay)
/// catches it and goes on.
struct ExchangeStopped: Error {
    /// The message refused.
    let refused: MessageKind
    /// Who refused it.
    let by: PartyID
}
