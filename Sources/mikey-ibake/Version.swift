extension MikeyIbake {
    /// The lab's version: the one place it is written. `mikey-ibake --version` prints it, and
    /// scripts/package reads this line to name the tarball (keep it a single string literal).
    static let version = "0.1.0"
}
