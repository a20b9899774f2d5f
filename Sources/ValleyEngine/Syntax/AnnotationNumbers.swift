/// The annotation number of each of a list of facts (which `@source`/`@note` pair is in force
/// for it), kept as a single number while every fact shares it: a large data file rarely
/// changes its annotations, so its facts then cost nothing here.
public struct AnnotationNumbers: ExpressibleByArrayLiteral, Sendable {
  /// Each fact's number; empty while every fact has `shared`.
  private var numbers: [Int32] = []
  private var shared: Int32 = 0
  /// The number of facts.
  public private(set) var count = 0

  /// No facts.
  public init() {}

  /// `count` facts that all have annotation `number`.
  public init(repeating number: Int32, count: Int) {
    shared = number
    self.count = count
  }

  /// The facts' numbers, in order.
  public init(_ numbers: [Int32]) {
    count = numbers.count
    if let first = numbers.first, numbers.allSatisfy({ $0 == first }) {
      shared = first
    } else {
      self.numbers = numbers
    }
  }

  /// The numbers written out.
  public init(arrayLiteral numbers: Int32...) {
    self.init(numbers)
  }

  /// The annotation number of fact `i`.
  public subscript(i: Int) -> Int32 { numbers.isEmpty ? shared : numbers[i] }

  /// Adds the next fact's number.
  mutating func append(_ number: Int32) {
    if numbers.isEmpty {
      if count == 0 || number == shared {
        shared = number
        count += 1
        return
      }
      numbers.reserveCapacity(count + 1)
      numbers.append(contentsOf: repeatElement(shared, count: count))
    }
    numbers.append(number)
    count += 1
  }

  /// Removes the facts `rows` (ascending, distinct), keeping the others in order.
  mutating func remove(rows: [Int]) {
    guard !rows.isEmpty else { return }
    count -= rows.count
    // Empty while every fact shares one number.
    if !numbers.isEmpty { numbers.remove(rows: rows) }
  }

  // MARK: Images

  /// Writes the numbers to a knowledge image: one number while every fact shares it.
  func write(to image: inout ImageWriter) {
    image.int(count)
    image.bool(numbers.isEmpty)
    if numbers.isEmpty {
      image.int(Int(shared))
    } else {
      for number in numbers { image.int(Int(number)) }
    }
  }

  /// The numbers ``write(to:)`` wrote.
  init(from image: inout ImageReader) throws(ImageDamage) {
    count = try image.int(in: 0...Int(Int32.max))
    if try image.bool() {
      shared = Int32(try image.int(in: 0...Int(Int32.max)))
    } else {
      guard count <= image.remaining else { throw ImageDamage() }
      numbers.reserveCapacity(count)
      for _ in 0..<count { numbers.append(Int32(try image.int(in: 0...Int(Int32.max)))) }
    }
  }
}
