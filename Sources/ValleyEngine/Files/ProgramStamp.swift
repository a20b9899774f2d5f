#if canImport(Glibc)
  import Glibc
#endif

/// What identifies the running program's executable: its device, inode, size and time of
/// last change. A rebuilt or reinstalled valley has another stamp, so it never reads the
/// images of an earlier build (whose layout may differ).
enum ProgramStamp {
  /// The stamp, or nil when the executable cannot be examined (images are then not used).
  static let current: [UInt8]? = {
    #if os(Linux)
      var info = stat()
      guard stat("/proc/self/exe", &info) == 0 else { return nil }
      var stamp = ImageWriter()
      for field in [
        UInt64(info.st_dev), UInt64(info.st_ino), UInt64(info.st_size), UInt64(info.st_mtim.tv_sec),
        UInt64(info.st_mtim.tv_nsec),
      ] {
        stamp.fixed64(field)
      }
      return stamp.bytes
    #else
      return nil  // only Linux names the running executable in /proc
    #endif
  }()
}
