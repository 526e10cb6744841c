import TestRecords

/// A file of published test vectors in `Vectors/` beside these tests.
struct VectorFile {
    typealias Record = RecordFile.Record
    let records: [Record]

    init(_ name: String, directory: String = #filePath) {
        records = RecordFile(name, besides: directory).records
    }
}
