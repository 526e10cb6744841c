import Foundation
import Testing
import TUITestSupport

/// The calls across hosts: scripts/netns-calls puts the KMS, Alice, Bob's three devices,
/// Bob's own phone, Carol and a mailbox in network namespaces of their own, calls (forked, basic,
/// retargeted, deferred with a pickup, lossy (tc netem, else nftables), after a flood; the
/// basic, forked, retargeted and deferred calls seeded and compared with the in-process runs)
/// and decodes the capture taken on the bridge.
@Suite struct NetNamespaceTests {
    static var canMakeNamespaces: Bool {
        getuid() == 0 && ["/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    @Test("scripts/netns-calls: every call across namespaces agrees its keys, the capture decodes",
          .enabled(if: canMakeNamespaces, "network namespaces need root and iproute2's ip; the loopback tests cover the calls"))
    func acrossHosts() throws {
        let binary = try #require(CommandLineTests.binary, "mikey-ibake is not built next to the tests")
        let (status, output) = try EndToEnd.runScript("netns-calls", binary: binary)
        #expect(status == 0, "\(output)")
        // Root without the right to make namespaces (an unprivileged container): the script
        // says so and skips; the loopback tests cover the calls.
        if output.hasPrefix("skip:") { return }
        #expect(output.contains(" 0 failed") && output.contains("ok   forking"), "\(output)")
        for seeded in ["basic", "forking", "retargeting", "deferred"] {
            #expect(output.contains("ok   \(seeded): seeded 14, the TGK and SRTP key of run --scenario \(seeded)"), "\(output)")
        }
        #expect(output.contains("ok   pickup: Bob read the message"), "\(output)")
        // The KMS survives a send its host's firewall refuses (where nftables is there).
        if output.contains("after-refused-send") {
            #expect(output.contains("ok   after-refused-send") && output.contains("ok   the KMS's refused send was logged"), "\(output)")
        }
        // A lossy link for Alice, by tc netem or by nftables (scripts/setup installs it).
        if !output.contains("skip lossy calls") {
            #expect(output.contains("ok   lossy-basic") && output.contains("ok   lossy-forking"), "\(output)")
        }
    }
}
