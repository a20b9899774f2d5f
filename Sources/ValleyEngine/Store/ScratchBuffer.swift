/// A fixed number of values in memory of their own, for evaluation's scratch tuples, rule
/// slots and step tables: inner loops read and write them through a ``ScratchView`` with no
/// reference counting, bounds checks or copy-on-write checks.
///
/// The buffer owns the memory and frees it when it goes away; its views are valid as long as
/// the buffer lives (keep the buffer in the object or closure that uses the view).
final class ScratchBuffer<Element: BitwiseCopyable> {
  /// How many values (at least one is allocated, so that an empty tuple has an address).
  let count: Int
  /// The values.
  let view: ScratchView<Element>

  /// `count` values, each `initial`.
  init(count: Int, repeating initial: Element) {
    self.count = count
    let address = UnsafeMutablePointer<Element>.allocate(capacity: max(count, 1))
    address.initialize(repeating: initial, count: max(count, 1))
    view = ScratchView(address)
  }

  /// A copy of `values`.
  init(_ values: [Element]) {
    count = values.count
    let address = UnsafeMutablePointer<Element>.allocate(capacity: max(values.count, 1))
    address.initialize(from: values, count: values.count)
    view = ScratchView(address)
  }

  deinit { view.address.deallocate() }
}

/// Values with a stable address that something else owns (see ``ScratchBuffer``): a bare
/// address with no length, read and written without checks.
struct ScratchView<Element: BitwiseCopyable> {
  /// The first value. Only ``Store`` code reads it.
  let address: UnsafeMutablePointer<Element>

  @inline(__always)
  init(_ address: UnsafeMutablePointer<Element>) { self.address = address }

  /// The value at `i`.
  @inline(__always)
  subscript(i: Int) -> Element {
    get { address[i] }
    nonmutating set { address[i] = newValue }
  }

  /// The view from `offset` on.
  @inline(__always)
  func advanced(by offset: Int) -> ScratchView { ScratchView(address + offset) }

  /// Copies the first `count` values of `source` here.
  @inline(__always)
  func copy(from source: ScratchView, count: Int) {
    address.update(from: source.address, count: count)
  }

  /// The first `count` values, as an array.
  func array(count: Int) -> [Element] {
    Array(UnsafeBufferPointer(start: address, count: count))
  }

  /// Appends the first `count` values to `array`.
  @inline(__always)
  func append(count: Int, to array: inout [Element]) {
    array.append(contentsOf: UnsafeBufferPointer(start: address, count: count))
  }
}

extension ScratchView where Element == UInt32 {
  /// The values as a tuple to read or hand to the store.
  @inline(__always)
  var row: RowView { RowView(address) }
}
