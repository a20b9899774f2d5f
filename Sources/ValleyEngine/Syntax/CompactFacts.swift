extension Syntax {
  /// The `@source` and `@note` in force for a fact.
  public struct Annotation: Hashable, Sendable {
    /// The `@source` text, if any.
    public var source: String?
    /// The `@note` text, if any.
    public var note: String?

    /// Creates an annotation.
    public init(source: String?, note: String?) {
      self.source = source
      self.note = note
    }
  }

  /// The facts of one knowledge file whose arguments are all constants, kept compactly
  /// instead of as one ``Clause`` each: a load asks the parser for them (a large data file
  /// is mostly such facts), while tools that need every clause's syntax do not.
  ///
  /// Facts are grouped by predicate name and arity, each group in the order of the file, its
  /// values already interned in the load's ``ValuePool``. A group remembers its place among
  /// the file's other clauses (``Group/clausesBefore``), so predicates can still be
  /// registered in clause order.
  public struct CompactFacts: Sendable {
    /// The facts of one predicate name and arity.
    public struct Group: Sendable {
      /// The predicate name.
      public let name: String
      /// The number of arguments.
      public let arity: Int
      /// How many of the file's ``KnowledgeFile/clauses`` come before this group's first fact.
      public let clausesBefore: Int
      /// The interned arguments, `arity` per fact, one fact after another.
      public internal(set) var values: [UInt32] = []
      /// Where each fact's text starts (a byte offset).
      public internal(set) var starts = ByteOffsets()
      /// The length of each fact's text, up to and including its period.
      public internal(set) var clauseLengths: [UInt32] = []
      /// The atom lengths that are not one less than their clause's length (an atom is
      /// usually followed straight by its period), by fact.
      var unusualAtomLengths: [Int: UInt32] = [:]
      /// Each fact's annotation: a number into ``CompactFacts/annotations``.
      public internal(set) var annotations = AnnotationNumbers()

      /// The number of facts.
      public var count: Int { starts.count }

      /// The text of fact `i`, up to and including its period, in file `file`.
      public func clauseSpan(_ i: Int, file: Int) -> SourceSpan {
        SourceSpan(file: file, start: starts[i], end: starts[i] + Int(clauseLengths[i]))
      }

      /// The atom of fact `i` in file `file`.
      public func atomSpan(_ i: Int, file: Int) -> SourceSpan {
        let length = unusualAtomLengths[i] ?? clauseLengths[i] - 1
        return SourceSpan(file: file, start: starts[i], end: starts[i] + Int(length))
      }

      /// Records where fact number `count` is written.
      mutating func appendSpans(_ span: SourceSpan, atomEnd: Int) {
        let clauseLength = UInt32(clamping: span.end - span.start)
        let atomLength = UInt32(clamping: atomEnd - span.start)
        if atomLength != clauseLength &- 1 { unusualAtomLengths[count] = atomLength }
        starts.append(span.start)
        clauseLengths.append(clauseLength)
      }
    }

    private struct Key: Hashable {
      var name: String
      var arity: Int
    }

    /// The groups, in the order of their first facts.
    public private(set) var groups: [Group] = []
    /// The distinct annotations the facts refer to.
    public private(set) var annotations: [Annotation] = []
    private var groupNumbers: [Key: Int] = [:]
    private var annotationNumbers: [Annotation: Int32] = [:]
    private var lastGroup = -1
    private var lastAnnotation: Int32 = -1

    /// No facts.
    public init() {}

    /// The number of facts in all groups.
    public var count: Int { groups.reduce(0) { $0 + $1.count } }

    /// Whether a clause can be kept compactly: a fact whose arguments are all constants.
    /// Returns its values, in argument order.
    static func constants(of clause: Clause) -> [Value]? {
      guard clause.body.isEmpty else { return nil }
      var values: [Value] = []
      values.reserveCapacity(clause.head.arguments.count)
      for argument in clause.head.arguments {
        switch argument {
        case .symbol(let s, _): values.append(.symbol(s))
        case .integer(let i, _): values.append(.integer(i))
        case .decimal(let d, _): values.append(.decimal(d))
        default: return nil
        }
      }
      return values
    }

    /// Adds a fact, interning its values in `pool`; `clausesBefore` is the number of clauses
    /// of the file read so far that are not kept compactly.
    mutating func append(_ clause: Clause, values: [Value], clausesBefore: Int, pool: ValuePool) {
      append(
        clause.head.name, ids: values.map(pool.intern), span: clause.span, atomSpan: clause.head.span,
        annotation: Annotation(source: clause.source, note: clause.note), clausesBefore: clausesBefore)
    }

    /// Adds the fact `name(ids)` (values already interned) written at `span` (its atom at
    /// `atomSpan`).
    mutating func append(
      _ name: String, ids: [UInt32], span: SourceSpan, atomSpan: SourceSpan, annotation: Annotation,
      clausesBefore: Int
    ) {
      let number = groupNumber(name, arity: ids.count, clausesBefore: clausesBefore)
      let annotationNumber = annotationNumber(annotation)
      groups[number].values.append(contentsOf: ids)
      groups[number].appendSpans(span, atomEnd: atomSpan.end)
      groups[number].annotations.append(annotationNumber)
    }

    /// Takes the groups out, leaving none: the caller becomes their only owner, so their
    /// buffers can be freed as they are stored.
    mutating func takeGroups() -> [Group] {
      defer {
        groups = []
        groupNumbers = [:]
        lastGroup = -1
      }
      return groups
    }

    private mutating func groupNumber(_ name: String, arity: Int, clausesBefore: Int) -> Int {
      // Facts of one predicate usually come together: try the last group first.
      if lastGroup >= 0, groups[lastGroup].arity == arity, groups[lastGroup].name == name { return lastGroup }
      let key = Key(name: name, arity: arity)
      if let known = groupNumbers[key] {
        lastGroup = known
        return known
      }
      groups.append(Group(name: name, arity: arity, clausesBefore: clausesBefore))
      lastGroup = groups.count - 1
      groupNumbers[key] = lastGroup
      return lastGroup
    }

    private mutating func annotationNumber(_ annotation: Annotation) -> Int32 {
      if lastAnnotation >= 0, annotations[Int(lastAnnotation)] == annotation { return lastAnnotation }
      if let known = annotationNumbers[annotation] {
        lastAnnotation = known
        return known
      }
      lastAnnotation = Int32(truncatingIfNeeded: annotations.count)
      annotations.append(annotation)
      annotationNumbers[annotation] = lastAnnotation
      return lastAnnotation
    }
  }
}
