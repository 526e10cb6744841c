import TestRecords

/// The records of `Vectors/mikey-prf-crosscheck.txt`.
enum CrossCheckFile {
    typealias Record = RecordFile.Record

    static let records = RecordFile("mikey-prf-crosscheck.txt", besides: #filePath).records

    static func records(_ kind: String) -> [Record] { records.filter { $0.text("kind") == kind } }
}
