import Foundation

/// The files shipped under `Assets/` (parameter sets now; tutorial media later),
/// reachable from any module through the SwiftPM resource bundle.
public enum LabAssets {
    /// The directory that holds the parameter-set files (`Assets/params/*.txt`).
    public static var parameterDirectory: URL? {
        Bundle.module.url(forResource: "params", withExtension: nil)
    }
}
