/// How one frame is saved outside the terminal (`mikey-ibake snapshot --format`, and the
/// demonstrator's save key, which writes both): its text for handouts, or a styled
/// vector image for slides.
public enum FrameFormat: String, CaseIterable, Sendable {
    /// The frame's text, one line per row, trailing spaces removed (as golden screens hold it).
    case txt
    /// An SVG image in the theme's colours (`Canvas.svg`).
    case svg

    /// The file's content.
    public func document(_ canvas: Canvas, title: String? = nil) -> String {
        switch self {
        case .txt: canvas.plainText() + "\n"
        case .svg: canvas.svg(title: title)
        }
    }

    /// The file name extension, without the dot.
    public var fileExtension: String { rawValue }
}
