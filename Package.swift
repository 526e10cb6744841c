// swift-tools-version: 6.0
import PackageDescription

// Layers (README.md, Architecture): each module depends only on the ones below it, and only the
// module that owns a system library imports it (CGMP -> Pairing, COpenSSL -> Primitives,
// CNcurses -> TerminalBackend).
let package = Package(
    name: "mikey-ibake-lab",
    products: [
        .executable(name: "mikey-ibake", targets: ["mikey-ibake"]),
        // Developer tool that exercises the terminal backend (see Sources/tui-demo); not a product feature.
        .executable(name: "tui-demo", targets: ["tui-demo"]),
        // For Fuzz/Package.swift, which links the targets into a libFuzzer binary; not a product feature.
        .library(name: "FuzzTargets", targets: ["FuzzTargets"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(name: "CGMP", providers: [.apt(["libgmp-dev"])]),
        .systemLibrary(name: "COpenSSL", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CNcurses", providers: [.apt(["libncurses-dev"])]),

        .target(name: "Primitives", dependencies: ["COpenSSL"]),
        .target(name: "Pairing", dependencies: ["CGMP"]),
        // wireshark/ holds the Lua dissector, read by Wireshark and the capture tests, not by Swift.
        .target(name: "LabAssets", path: "Assets", exclude: ["wireshark"], sources: ["LabAssets.swift"],
                resources: [.copy("params")]),
        .target(name: "IBE", dependencies: ["Primitives", "Pairing", "LabAssets"]),
        .target(name: "MIKEY", dependencies: ["Primitives"]),
        .target(name: "IBAKE", dependencies: ["MIKEY", "IBE", "Pairing", "Primitives"]),
        // The readers of `mikey-ibake decode`'s input (hex, base64, file content) and the
        // command line's input error, where the fuzz targets reach them too.
        .target(name: "CommandInput", dependencies: ["Primitives"]),
        .target(name: "Scenarios", dependencies: ["IBAKE", "MIKEY", "IBE", "Pairing", "Primitives"]),
        // Tutorials/*.md travel as resources of this target (TutorialFiles.swift is its only source).
        .target(name: "TutorialFiles", path: "Tutorials", exclude: ["README.md"], sources: ["TutorialFiles.swift"],
                resources: [.copy("tutorials")]),
        .target(name: "Tutorials", dependencies: ["Scenarios", "TutorialFiles"]),
        // The parties as network endpoints (issue 14): MIKEY over UDP through SwiftNIO, and the
        // SIP/SDP carriage of the messages (RFC 4567).
        .target(name: "Network", dependencies: [
            "IBAKE", "MIKEY", "IBE", "Pairing", "Primitives", "Scenarios",
            .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOPosix", package: "swift-nio"),
        ]),
        // Pure screen layer: Canvas, Style, Theme, Event; no C imports.
        .target(name: "TUI"),
        .target(name: "TerminalBackend", dependencies: ["CNcurses", "TUI"]),
        // The interactive demonstrator's pure logic: AppState, update, render (tutorials played
        // beside the demo included). No terminal, no curses. It reads timelines through
        // Scenarios (which names the protocol types they carry); MIKEY decodes messages for the
        // inspector, Primitives formats hex, IBE holds the memo a branch shares with its main line,
        // Network writes the SIP request or response that carries a message (PROFILE D23).
        .target(name: "Demonstrator", dependencies: ["TUI", "Scenarios", "Tutorials", "MIKEY", "Primitives", "IBE", "Network"]),
        // Developer tool: exercises the backend under tmux (scripts/tmux-smoke.sh).
        .executableTarget(name: "tui-demo", dependencies: ["TUI", "TerminalBackend"]),
        .executableTarget(
            name: "mikey-ibake",
            dependencies: [
                "Primitives", "Pairing", "IBE", "MIKEY", "IBAKE", "Scenarios", "Tutorials", "TUI", "TerminalBackend",
                "Demonstrator", "CommandInput", "Network",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // What one libFuzzer input does, per target (scripts/fuzz, Fuzz/Package.swift); the
        // regression tests replay seeds and reproducers through the same functions.
        .target(name: "FuzzTargets", dependencies: ["MIKEY", "IBAKE", "IBE", "Primitives", "Tutorials", "CommandInput"]),

        // The one reader of test vectors (VectorFile) and every vector file, in Tests/TestSupport/Vectors
        // (read by path, so excluded from the sources), for the Primitives, MIKEY, Pairing and IBE
        // tests; also the tshark runner. Not part of any product. It needs Pairing for the IBE
        // files' integers and points, so PrimitivesTests links Pairing too (tests only).
        .target(name: "TestSupport", dependencies: ["Pairing", "Primitives"], path: "Tests/TestSupport",
                exclude: ["Vectors"]),
        .testTarget(name: "PrimitivesTests", dependencies: ["Primitives", "TestSupport"]),
        .testTarget(name: "PairingTests", dependencies: ["Pairing", "IBE", "Primitives", "TestSupport"]),
        .testTarget(name: "IBETests", dependencies: ["IBE", "Pairing", "Primitives", "TestSupport"]),
        .testTarget(name: "MIKEYTests", dependencies: ["MIKEY", "Primitives", "TestSupport"]),
        .testTarget(name: "IBAKETests", dependencies: ["IBAKE", "MIKEY", "IBE", "Pairing", "Primitives", "TestSupport"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "TutorialsTests", dependencies: ["Tutorials", "Scenarios", "IBAKE", "IBE"]),
        // Seeds/ and Reproducers/ hold fuzz inputs, read by path and replayed through FuzzTargets.
        .testTarget(name: "FuzzTests", dependencies: ["FuzzTargets", "MIKEY", "IBAKE"], exclude: ["Seeds", "Reproducers"]),
        // The SIP carriage (PROFILE D23): the dialogue of each scenario, its headers and SDP.
        .testTarget(name: "ScenariosTests", dependencies: ["Scenarios", "IBAKE", "IBE", "MIKEY", "Primitives"]),
        .testTarget(name: "NetworkTests", dependencies: [
            "Network", "Scenarios", "IBAKE", "IBE", "MIKEY", "Primitives", "TestSupport",
            .product(name: "NIOCore", package: "swift-nio"),
        ]),
        // Also runs the built binary (TUITestSupport's CleanSpawn) for exit statuses and help texts.
        .testTarget(name: "CLITests", dependencies: ["mikey-ibake", "MIKEY", "IBAKE", "IBE", "Primitives", "Scenarios", "TestSupport",
                                                     "TUITestSupport"],
                    exclude: ["Fixtures"]),
        // Golden-file snapshots of canvases and a reader of their SVG images, shared by the TUI test targets.
        .target(name: "TUITestSupport", dependencies: ["TUI"], path: "Tests/TUITestSupport"),
        // Golden screens and update tests of the demonstrator, and the tmux run of the real binary
        // (scripts/tmux-demonstrator.sh).
        .testTarget(
            name: "DemonstratorTests",
            dependencies: ["Demonstrator", "mikey-ibake", "TUI", "TUITestSupport", "Scenarios", "Tutorials", "IBAKE", "IBE", "Network",
                           "Primitives", .product(name: "NIOCore", package: "swift-nio")],
            exclude: ["__Snapshots__"]
        ),
        // __Snapshots__/ holds reviewed golden screens, read by path from the tests.
        .testTarget(name: "TUITests", dependencies: ["TUI", "TUITestSupport"], exclude: ["__Snapshots__"]),
        .testTarget(name: "TerminalBackendTests", dependencies: ["TerminalBackend", "TUI"]),
        // Includes the tmux end-to-end run of scripts/tmux-smoke.sh (skipped without tmux).
        .testTarget(
            name: "TUIDemoTests", dependencies: ["tui-demo", "TUI", "TerminalBackend", "TUITestSupport"],
            exclude: ["__Snapshots__"]
        ),
    ]
)
