import CNcurses

/// The ncurses library this build links against. The full backend (issue 5) lives
/// in this module: it is the only one allowed to import CNcurses.
public enum CursesLibrary {
    /// The version string ncurses reports, e.g. "ncurses 6.4.20221231".
    public static var version: String {
        guard let cString = curses_version() else { return "ncurses (unknown version)" }
        return String(cString: cString)
    }
}
