import ValleyEngine

/// Where valley keeps the image of the bundled knowledge base that lets it start without
/// reading and evaluating the files again (see ``Session/loadKnowledgeDirectory(_:displayName:images:)``).
///
/// In this order:
/// 1. `VALLEY_IMAGE_CACHE`: a folder, or `off` for no images at all;
/// 2. `$XDG_CACHE_HOME/valley`, when that variable holds an absolute path (the XDG base
///    directory rules ignore relative ones);
/// 3. `$HOME/.cache/valley`.
///
/// With none of them (no home folder), valley loads the files every time.
enum ImageCache {
  /// The store for this run, if any.
  static func store() -> ImageFolder? {
    if let configured = System.environment("VALLEY_IMAGE_CACHE"), !configured.isEmpty {
      return configured == "off" ? nil : ImageFolder(path: configured)
    }
    if let cache = System.environment("XDG_CACHE_HOME"), cache.hasPrefix("/") {
      return ImageFolder(path: cache + "/valley")
    }
    if let home = System.environment("HOME"), home.hasPrefix("/") {
      return ImageFolder(path: home + "/.cache/valley")
    }
    return nil
  }
}
