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

  /// What a file held: its rows, their values interned in a ``ValuePool``.
  public struct Table: Sendable {
    /// Column names from the header (types removed).
    public var columns: [String]
    /// The file the rows were read from.
    public var file: Int
    /// Every row's interned values one after another (`columns.count` a row): one array for
    /// the whole table, since a table may hold millions of rows.
    public var ids: [UInt32]
    /// Where each row's text starts (a byte offset, for provenance).
    public var rowStarts: ByteOffsets
    /// The length of each row's text, without its line break.
    public var rowLengths: [UInt32]

    /// The number of rows.
    public var rowCount: Int { rowStarts.count }

    /// The span of row `r`.
    public func rowSpan(_ r: Int) -> SourceSpan {
      SourceSpan(file: file, start: rowStarts[r], end: rowStarts[r] + Int(rowLengths[r]))
    }
  }

  /// Reads `file`, TSV when `tabSeparated` and CSV otherwise, interning its values in `pool`
  /// (a table with errors may have interned some: the pool only grows, which is never
  /// visible).
  public static func read(_ file: SourceFile, tabSeparated: Bool, pool: ValuePool) -> Result<Table, DiagnosticList> {
    read(file, tabSeparated: tabSeparated, pool: pool, meter: nil)
  }

  /// As ``read(_:tabSeparated:pool:)``, counting each row of the first pass on `meter`; when
  /// the meter says to stop, the reading ends with a failure that holds no diagnostic (the
  /// caller reports why).
  static func read(
    _ file: SourceFile, tabSeparated: Bool, pool: ValuePool, meter: ProgressMeter?
  ) -> Result<Table, DiagnosticList> {
    var reader = TableReader(
      file: file, separator: tabSeparated ? UInt8(ascii: "\t") : UInt8(ascii: ","),
      quoting: !tabSeparated)
    reader.meter = meter
    return reader.run(pool: pool)
  }

  private let file: SourceFile
  private let bytes: [UInt8]
  private let separator: UInt8
  private let quoting: Bool
  private var position = 0
  /// Whether malformed records are reported (the second pass reads them again silently).
  private var reporting = true
  private var errors: [Diagnostic] = []
  private var meter: ProgressMeter?

  private init(file: SourceFile, separator: UInt8, quoting: Bool) {
    self.file = file
    self.bytes = file.bytes
    self.separator = separator
    self.quoting = quoting
  }

  /// Where one field is: `start..<end` in the file, quotes included; its text is
  /// `textStart..<textEnd`, with doubled quotes still to undo when `escaped`.
  private struct Field {
    var start: Int
    var end: Int
    var textStart: Int
    var textEnd: Int
    var escaped = false
  }

  private func span(_ start: Int, _ end: Int) -> SourceSpan { SourceSpan(file: file.id, start: start, end: end) }

  private mutating func report(_ diagnostic: Diagnostic) {
    if reporting { errors.append(diagnostic) }
  }

  /// The text of a field.
  private func text(_ field: Field) -> String {
    guard field.escaped else { return String(decoding: bytes[field.textStart..<field.textEnd], as: UTF8.self) }
    var text: [UInt8] = []
    var i = field.textStart
    while i < field.textEnd {
      text.append(bytes[i])
      i += bytes[i] == UInt8(ascii: "\"") ? 2 : 1
    }
    return String(decoding: text, as: UTF8.self)
  }

  /// The integer a field's text spells (an optional sign and decimal digits, as `Int64(_:)`
  /// reads them); with `trimming`, spaces and tabs around it are ignored.
  private func integer(_ field: Field, trimming: Bool = false) -> Int64? {
    if field.escaped { return nil }  // a quote is never part of a number
    var i = field.textStart
    var end = field.textEnd
    if trimming {
      while i < end, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
      while end > i, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
    }
    var negative = false
    if i < end, bytes[i] == UInt8(ascii: "-") || bytes[i] == UInt8(ascii: "+") {
      negative = bytes[i] == UInt8(ascii: "-")
      i += 1
    }
    guard i < end else { return nil }
    var magnitude: UInt64 = 0
    while i < end {
      let digit = bytes[i] &- UInt8(ascii: "0")
      guard digit < 10 else { return nil }
      let (times10, o1) = magnitude.multipliedReportingOverflow(by: 10)
      let (sum, o2) = times10.addingReportingOverflow(UInt64(digit))
      guard !o1, !o2 else { return nil }
      magnitude = sum
      i += 1
    }
    if negative {
      return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil
    }
    return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
  }

  /// Reads the next record into `fields`; returns where it starts, or nil at the end.
  private mutating func record(into fields: inout [Field]) -> Int? {
    guard position < bytes.count else { return nil }
    let start = position
    fields.removeAll(keepingCapacity: true)
    while true {
      var field = Field(start: position, end: position, textStart: position, textEnd: position)
      if quoting, position < bytes.count, bytes[position] == UInt8(ascii: "\"") {
        position += 1
        field.textStart = position
        var closed = false
        while position < bytes.count {
          if bytes[position] == UInt8(ascii: "\"") {
            if position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "\"") {
              field.escaped = true
              position += 2
              continue
            }
            field.textEnd = position
            position += 1
            closed = true
            break
          }
          position += 1
        }
        if !closed {
          field.textEnd = position
          report(
            .error(
              .E701, "unterminated quoted field", at: span(field.start, field.start + 1),
              help: "close the field with a double quote; write \"\" for a quote inside it"))
          position = bytes.count
        }
      } else {
        while position < bytes.count, bytes[position] != separator, bytes[position] != UInt8(ascii: "\n"),
          bytes[position] != UInt8(ascii: "\r")
        {
          position += 1
        }
        field.textEnd = position
      }
      field.end = position
      fields.append(field)
      if position < bytes.count, bytes[position] == separator {
        position += 1
        continue
      }
      // End of record: CRLF, LF or end of file; anything else after a quoted field is an error.
      if position < bytes.count, bytes[position] != UInt8(ascii: "\n"), bytes[position] != UInt8(ascii: "\r") {
        report(
          .error(
            .E702, "text after a quoted field", at: span(position, position + 1),
            help: "a quoted field must be followed by a separator or the end of the line"))
        while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
      }
      if position < bytes.count, bytes[position] == UInt8(ascii: "\r") { position += 1 }
      if position < bytes.count, bytes[position] == UInt8(ascii: "\n") { position += 1 }
      return start
    }
  }

  /// Whether a record is a blank line (which is not a row).
  private static func isBlank(_ fields: [Field]) -> Bool {
    fields.count == 1 && fields[0].start == fields[0].end
  }

  /// Reads the header, then the rows twice: once to check their shape and infer the column
  /// types, once to intern their values. Nothing is kept per cell in between.
  private mutating func run(pool: ValuePool) -> Result<Table, DiagnosticList> {
    var fields: [Field] = []
    guard record(into: &fields) != nil else {
      return .failure(DiagnosticList([.error(.E703, "the file is empty: a header line is needed", at: span(0, 0))]))
    }
    var names: [String] = []
    var declared: [ColumnType?] = []
    for field in fields {
      let parts = text(field).split(separator: ":", maxSplits: 1).map(String.init)
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
    let width = names.count
    let body = position
    // First pass: every record has one field per column; which undeclared columns hold
    // integers only, or numbers only.
    var allInt = declared.map { $0 == nil }
    var allNumber = allInt
    var rowCount = 0
    var rowNumber = 1  // the header is row 1
    while let start = record(into: &fields) {
      if let meter, meter.count(at: position) { return .failure(DiagnosticList([])) }
      rowNumber += 1
      if TableReader.isBlank(fields) { continue }
      if fields.count != width {
        errors.append(
          .error(
            .E705,
            "row \(rowNumber) has \(fields.count) field\(fields.count == 1 ? "" : "s") but the header has \(width)",
            at: span(start, max(start + 1, fields.last?.end ?? start)),
            help: "every row needs one value per header column"))
        if errors.count > 20 { break }
        continue
      }
      rowCount += 1
      for c in 0..<width where allNumber[c] {
        // An integer is also a finite decimal: parse as one only when it is not an integer.
        if integer(fields[c]) != nil { continue }
        allInt[c] = false
        if !(Double(text(fields[c]))?.isFinite ?? false) { allNumber[c] = false }
      }
    }
    let types = (0..<width).map { c in
      declared[c] ?? (rowCount == 0 ? .symbol : allInt[c] ? .int : allNumber[c] ? .decimal : .symbol)
    }
    // Second pass: the same records again, malformed ones skipped silently.
    position = body
    reporting = false
    rowNumber = 1
    var ids: [UInt32] = []
    var rowStarts = ByteOffsets()
    var rowLengths: [UInt32] = []
    ids.reserveCapacity(rowCount * width)
    rowStarts.reserveCapacity(rowCount)
    rowLengths.reserveCapacity(rowCount)
    while rowStarts.count < rowCount, let start = record(into: &fields) {
      rowNumber += 1
      if TableReader.isBlank(fields) || fields.count != width { continue }
      for (c, field) in fields.enumerated() {
        switch types[c] {
        case .symbol: ids.append(pool.intern(.symbol(text(field))))
        case .int:
          guard let i = integer(field, trimming: true) else {
            errors.append(
              .error(
                .E706, "row \(rowNumber), column \(c + 1) (\(names[c])): '\(text(field))' is not an integer",
                at: span(field.start, max(field.end, field.start + 1))))
            continue
          }
          ids.append(pool.intern(integer: i))
        case .decimal:
          guard let d = Double(text(field).trimmingSpaces), d.isFinite else {
            errors.append(
              .error(
                .E706, "row \(rowNumber), column \(c + 1) (\(names[c])): '\(text(field))' is not a number",
                at: span(field.start, max(field.end, field.start + 1))))
            continue
          }
          ids.append(pool.intern(.decimal(d)))
        }
      }
      rowStarts.append(start)
      rowLengths.append(UInt32(clamping: (fields.last?.end ?? start) - start))
      if errors.count > 20 { break }
    }
    if !errors.isEmpty { return .failure(DiagnosticList(errors)) }
    return .success(Table(columns: names, file: file.id, ids: ids, rowStarts: rowStarts, rowLengths: rowLengths))
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
