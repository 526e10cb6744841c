import ArgumentParser

@main
struct MikeyIbake: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mikey-ibake",
        abstract: "MIKEY-IBAKE Lab: the identity-based authenticated key exchange of RFC 6267, computed for real.",
        discussion: """
            Every value shown is computed by the real protocol: RFC 5091 identity-based \
            encryption on GMP, NIST-curve Diffie-Hellman and hashes from OpenSSL.

            Shell completion: `mikey-ibake --generate-completion-script bash|zsh|fish` prints the \
            script (see the README).
            """ + "\n\n" + ExitStatus.helpText,
        version: version,
        subcommands: [
            InteractiveCommand.self, RunCommand.self, TutorialCommand.self, DecodeCommand.self, ExportCommand.self,
            SnapshotCommand.self, BenchCommand.self, LabCommand.self, AttacksCommand.self, CompareCommand.self, NetCommand.self,
        ],
        // `mikey-ibake` with no subcommand opens the demonstrator.
        defaultSubcommand: InteractiveCommand.self
    )
}
