/// Reads CSV (RFC 4180) and TSV files with a header line into typed rows.
///
/// The header names the columns; a name may carry a type, `year:int`, `amount:decimal` or
/// `name:symbol`. Without one, a column is an integer column when every cell is an integer,
/// a decimal column when every cell is a number, and a symbol column otherwise. Every row
/// must have as many fields as the header. Errors name the row and column (1-based, the
/// header being row 1) and point at the cell.
public struct TableReader {
  /// The column types.
  public enum ColumnType: String, Sendable {
    case int, decimal, symbol
  }

  /// What a file held.
  public struct Table: Sendable {
    /// Column names from the header (types removed).
    public var columns: [String]
    /// Every row's values one after another (`columns.count` a row): one array for the
    /// whole table, since a table may hold millions of rows.
    public var values: [Value]
    /// Each row's span in the file (for provenance).
    public var rowSpans: [SourceSpan]

    /// The number of rows.
    public var rowCount: Int { rowSpans.count }

    /// The values of row `r`.
    public func row(_ r: Int) -> ArraySlice<Value> {
      values[(r * columns.count)..<((r + 1) * columns.count)]
    }
  }

  /// Reads `file`; TSV when `tabSeparated`, CSV otherwise.
  public static func read(_ file: SourceFile, tabSeparated: Bool) -> Result<Table, DiagnosticList> {
    read(file, tabSeparated: tabSeparated, meter: nil)
  }

  /// As ``read(_:tabSeparated:)``, counting each row on `meter`; when the meter says to stop,
  /// the reading ends with a failure that holds no diagnostic (the caller reports why).
  static func read(_ file: SourceFile, tabSeparated: Bool, meter: ProgressMeter?) -> Result<Table, DiagnosticList> {
    var reader = TableReader(
      file: file, separator: tabSeparated ? UInt8(ascii: "\t") : UInt8(ascii: ","),
      quoting: !tabSeparated)
    reader.meter = meter
    return reader.run()
  }

  private let file: SourceFile
  private let bytes: [UInt8]
  private let separator: UInt8
  private let quoting: Bool
  private var position = 0
  private var errors: [Diagnostic] = []
  private var meter: ProgressMeter?

  private init(file: SourceFile, separator: UInt8, quoting: Bool) {
    self.file = file
    self.bytes = file.bytes
    self.separator = separator
    self.quoting = quoting
  }

  private struct Field {
    var text: String
    var start: Int
    var end: Int
  }

  private func span(_ start: Int, _ end: Int) -> SourceSpan { SourceSpan(file: file.id, start: start, end: end) }

  /// One record: its fields, or nil at the end of the file.
  private mutating func record() -> (fields: [Field], start: Int)? {
    guard position < bytes.count else { return nil }
    let start = position
    var fields: [Field] = []
    while true {
      let fieldStart = position
      var text: [UInt8] = []
      if quoting, position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
        position += 1
        var closed = false
        while position < bytes.count {
          let b = bytes[position]
          if b == UInt8(ascii: "\"") {
            if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "\"") {
              text.append(b)
              position += 2
              continue
            }
            position += 1
            closed = true
            break
          }
          text.append(b)
          position += 1
        }
        if !closed {
          errors.append(
            .error(
              .E701, "unterminated quoted field", at: span(fieldStart, fieldStart + 1),
              help: "close the field with a double quote; write \"\" for a quote inside it"))
          position = bytes.count
        }
      } else {
        while position < bytes.count, bytes[position] != separator, bytes[position] != UInt8(ascii: "\n"),
          bytes[position] != UInt8(ascii: "\r")
        {
          text.append(bytes[position])
          position += 1
        }
      }
      fields.append(Field(text: String(decoding: text, as: UTF8.self), start: fieldStart, end: position))
      if position < bytes.count, bytes[position] == separator {
        position += 1
        continue
      }
      // End of record: CRLF, LF or end of file; anything else after a quoted field is an error.
      if position < bytes.count, bytes[position] != UInt8(ascii: "\n"), bytes[position] != UInt8(ascii: "\r") {
        errors.append(
          .error(
            .E702, "text after a quoted field", at: span(position, position + 1),
            help: "a quoted field must be followed by a separator or the end of the line"))
        while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
      }
      if position < bytes.count, bytes[position] == UInt8(ascii: "\r") { position += 1 }
      if position < bytes.count, bytes[position] == UInt8(ascii: "\n") { position += 1 }
      return (fields, start)
    }
  }

  private mutating func run() -> Result<Table, DiagnosticList> {
    guard let header = record() else {
      return .failure(DiagnosticList([.error(.E703, "the file is empty: a header line is needed", at: span(0, 0))]))
    }
    var names: [String] = []
    var declared: [ColumnType?] = []
    for field in header.fields {
      let parts = field.text.split(separator: ":", maxSplits: 1).map(String.init)
      let name = parts.first?.trimmingSpaces ?? ""
      names.append(name)
      if parts.count == 2 {
        guard let type = ColumnType(rawValue: parts[1].trimmingSpaces) else {
          errors.append(
            .error(
              .E704, "unknown column type '\(parts[1])'", at: span(field.start, field.end),
              help: "the types are int, decimal and symbol, e.g. year:int"))
          declared.append(nil)
          continue
        }
        declared.append(type)
      } else {
        declared.append(nil)
      }
    }
    var cells: [Field] = []  // row after row, names.count a row
    var rowNumbers: [Int] = []  // each row's number in the file, the header being row 1
    var starts: [Int] = []
    var ends: [Int] = []
    var rowNumber = 1
    while let (fields, start) = record() {
      if let meter, meter.count(at: position) { return .failure(DiagnosticList([])) }
      rowNumber += 1
      // A blank line is not a row.
      if fields.count == 1, fields[0].text.isEmpty, fields[0].start == fields[0].end { continue }
      if fields.count != names.count {
        errors.append(
          .error(
            .E705,
            "row \(rowNumber) has \(fields.count) field\(fields.count == 1 ? "" : "s") but the header has \(names.count)",
            at: span(start, max(start + 1, fields.last?.end ?? start)),
            help: "every row needs one value per header column"))
        if errors.count > 20 { break }
        continue
      }
      cells.append(contentsOf: fields)
      rowNumbers.append(rowNumber)
      starts.append(start)
      ends.append(fields.last?.end ?? start)
    }
    // Column types: declared, or inferred from every cell.
    var types: [ColumnType] = []
    for c in 0..<names.count {
      if let type = declared[c] {
        types.append(type)
        continue
      }
      var allInt = true
      var allNumber = true
      for r in 0..<starts.count {
        let text = cells[r * names.count + c].text
        // An integer is also a finite decimal: parse as one only when it is not an integer.
        if Int64(text) != nil { continue }
        allInt = false
        if !(Double(text)?.isFinite ?? false) { allNumber = false }
        if !allNumber { break }
      }
      types.append(cells.isEmpty ? .symbol : allInt ? .int : allNumber ? .decimal : .symbol)
    }
    var values: [Value] = []
    values.reserveCapacity(cells.count)
    for r in 0..<starts.count {
      for c in 0..<names.count {
        let field = cells[r * names.count + c]
        switch types[c] {
        case .symbol: values.append(.symbol(field.text))
        case .int:
          guard let i = Int64(field.text.trimmingSpaces) else {
            errors.append(
              .error(
                .E706, "row \(rowNumbers[r]), column \(c + 1) (\(names[c])): '\(field.text)' is not an integer",
                at: span(field.start, max(field.end, field.start + 1))))
            continue
          }
          values.append(.integer(i))
        case .decimal:
          guard let d = Double(field.text.trimmingSpaces), d.isFinite else {
            errors.append(
              .error(
                .E706, "row \(rowNumbers[r]), column \(c + 1) (\(names[c])): '\(field.text)' is not a number",
                at: span(field.start, max(field.end, field.start + 1))))
            continue
          }
          values.append(.decimal(d))
        }
      }
      if errors.count > 20 { break }
    }
    if !errors.isEmpty { return .failure(DiagnosticList(errors)) }
    let spans = zip(starts, ends).map { span($0, $1) }
    return .success(Table(columns: names, values: values, rowSpans: spans))
  }
}

extension String {
  /// The text without leading and trailing spaces and tabs.
  var trimmingSpaces: String {
    // Most cells have nothing to trim: tell from their first and last bytes.
    if let first = utf8.first, first != 0x20, first != 0x09, let last = utf8.last, last != 0x20, last != 0x09 {
      return self
    }
    var s = Substring(self)
    while s.first == " " || s.first == "\t" { s.removeFirst() }
    while s.last == " " || s.last == "\t" { s.removeLast() }
    return String(s)
  }
}
