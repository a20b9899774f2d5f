import CStoreMemory

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The memory behind the store's growing buffers: rows, membership sets and indexes.
///
/// A buffer grows by doubling. Done the usual way (allocate twice the room, copy, free),
/// every growth holds the old and the new buffer at once, so a relation's peak memory is
/// about twice its rows at that moment. Here a buffer of ``pagedBytes`` or more lives in
/// pages of its own, mapped from the system: it grows by remapping its pages (on Linux,
/// `mremap`: nothing is copied, and the old pages become the start of the new buffer), and
/// the room it has not written yet costs address space only, since the system backs a page
/// with memory when it is first written. Smaller buffers come from `malloc`.
///
/// Whether a buffer is paged follows from its size alone, so the owner passes the capacity
/// it allocated with to every call. New memory is zeroed only when asked.
enum StoreMemory {
  /// The size from which a buffer is mapped in pages of its own.
  static let pagedBytes = 1 << 17

  /// The system's page size.
  private static let pageSize: Int = {
    let size = Int(sysconf(Int32(_SC_PAGESIZE)))
    return size > 0 ? size : 4096
  }()

  /// `bytes` rounded up to whole pages.
  private static func pages(_ bytes: Int) -> Int {
    (bytes + pageSize - 1) / pageSize * pageSize
  }

  /// Room for `capacity` values of `type` (at least one), zeroed when `zeroed`.
  static func allocate<T: BitwiseCopyable>(
    _ type: T.Type, capacity: Int, zeroed: Bool = false
  ) -> UnsafeMutablePointer<T> {
    let bytes = byteCount(type, capacity)
    let raw: UnsafeMutableRawPointer?
    if bytes >= pagedBytes {
      raw = mapPages(pages(bytes))
    } else {
      raw = zeroed ? calloc(1, bytes) : malloc(bytes)
    }
    guard let raw else { fatalError("out of memory: \(bytes) bytes for a relation") }
    return raw.bindMemory(to: type, capacity: max(capacity, 1))
  }

  /// The buffer at `pointer` (allocated here with `oldCapacity`) with room for `newCapacity`
  /// values (at least `oldCapacity`); the first `oldCapacity` values are kept, the others
  /// are zero when `zeroed`. `pointer` must not be used afterwards.
  static func grow<T: BitwiseCopyable>(
    _ pointer: UnsafeMutablePointer<T>, from oldCapacity: Int, to newCapacity: Int, zeroed: Bool = false
  ) -> UnsafeMutablePointer<T> {
    let oldBytes = byteCount(T.self, oldCapacity)
    let newBytes = byteCount(T.self, newCapacity)
    let old = UnsafeMutableRawPointer(pointer)
    var raw: UnsafeMutableRawPointer?
    if oldBytes >= pagedBytes {
      // Paged already: remap, or map anew and copy where the system cannot remap.
      if pages(newBytes) == pages(oldBytes) { return pointer }
      raw = valley_remap_pages(old, pages(oldBytes), pages(newBytes))
      if raw == nil, let fresh = mapPages(pages(newBytes)) {
        fresh.copyMemory(from: old, byteCount: oldBytes)
        unmapPages(old, pages(oldBytes))
        raw = fresh
      }
    } else if newBytes >= pagedBytes {
      // From malloc to pages: one small copy.
      raw = mapPages(pages(newBytes))
      raw?.copyMemory(from: old, byteCount: oldBytes)
      free(old)
    } else {
      raw = realloc(old, newBytes)
      if zeroed, let raw {
        (raw + oldBytes).initializeMemory(as: UInt8.self, repeating: 0, count: newBytes - oldBytes)
      }
    }
    guard let raw else { fatalError("out of memory: \(newBytes) bytes for a relation") }
    return raw.bindMemory(to: T.self, capacity: max(newCapacity, 1))
  }

  /// Frees a buffer allocated here with `capacity`.
  static func deallocate<T: BitwiseCopyable>(_ pointer: UnsafeMutablePointer<T>, capacity: Int) {
    let bytes = byteCount(T.self, capacity)
    if bytes >= pagedBytes {
      unmapPages(UnsafeMutableRawPointer(pointer), pages(bytes))
    } else {
      free(UnsafeMutableRawPointer(pointer))
    }
  }

  /// The bytes of `capacity` values of `type` (at least one value's).
  private static func byteCount<T>(_ type: T.Type, _ capacity: Int) -> Int {
    max(capacity, 1) * MemoryLayout<T>.stride
  }

  /// `bytes` (whole pages) of new zeroed memory, or nil.
  private static func mapPages(_ bytes: Int) -> UnsafeMutableRawPointer? {
    let address = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
    guard let address, address != MAP_FAILED else { return nil }
    return address
  }

  private static func unmapPages(_ address: UnsafeMutableRawPointer, _ bytes: Int) {
    munmap(address, bytes)
  }
}
