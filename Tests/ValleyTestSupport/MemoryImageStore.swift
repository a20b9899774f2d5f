import Dispatch
import ValleyEngine

/// A ``KnowledgeImageStore`` in memory that counts what it is asked, so a test can tell a
/// session restored from an image (nothing saved) from one that loaded its files (an image
/// saved afterwards).
public final class MemoryImageStore: KnowledgeImageStore, @unchecked Sendable {
  private var images: [String: [UInt8]] = [:]
  private var saved = 0
  private let lock = DispatchSemaphore(value: 1)

  /// An empty store.
  public init() {}

  /// How many images have been saved so far.
  public var saveCount: Int { locked { saved } }

  /// The names of the images held, sorted.
  public var names: [String] { locked { images.keys.sorted() } }

  /// The image `name`, if held.
  public func image(named name: String) -> [UInt8]? { locked { images[name] } }

  /// Keeps `bytes` as the image `name`.
  public func save(_ bytes: [UInt8], named name: String) {
    locked {
      images[name] = bytes
      saved += 1
    }
  }

  /// Replaces the image `name` by what `change` makes of it (to damage it on purpose).
  public func alter(_ name: String, _ change: (inout [UInt8]) -> Void) {
    locked {
      if var bytes = images[name] {
        change(&bytes)
        images[name] = bytes
      }
    }
  }

  private func locked<T>(_ body: () -> T) -> T {
    lock.wait()
    defer { lock.signal() }
    return body()
  }
}
