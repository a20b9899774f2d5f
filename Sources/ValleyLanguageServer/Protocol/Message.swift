/// One incoming message: a request (with an id), or a notification.
struct IncomingMessage {
  /// A message that cannot be handled: the id to answer (null when unknown) and why.
  struct Failure: Error {
    var id: JSONValue
    var error: ResponseError
  }

  /// The request id, as sent; nil for a notification.
  var id: JSONValue?
  var method: String
  var params: JSONValue

  /// Reads a message, or the error to answer with (and the id to answer, when known).
  /// Returns nil for a response from the client (the server sends no requests, so it is
  /// dropped).
  static func read(_ body: [UInt8]) -> Result<IncomingMessage, Failure>? {
    let json: JSONValue
    do {
      json = try JSONParser.parse(body)
    } catch {
      return .failure(
        Failure(id: .null, error: .parseError("the message is not JSON: \(error.message) at byte \(error.offset)")))
    }
    guard case .object = json else {
      return .failure(Failure(id: .null, error: .invalidRequest("a message must be a JSON object")))
    }
    let id = json["id"]
    if let id {
      switch id {
      case .number, .string: break
      default: return .failure(Failure(id: .null, error: .invalidRequest("an id must be a number or a string")))
      }
    }
    guard let method = json["method"]?.stringValue else {
      if id != nil, json["result"] != nil || json["error"] != nil { return nil }
      return .failure(Failure(id: id ?? .null, error: .invalidRequest("a message needs a method")))
    }
    return .success(IncomingMessage(id: id, method: method, params: json["params"] ?? .null))
  }
}

/// The messages the server writes.
enum OutgoingMessage {
  static func response(id: JSONValue, result: JSONValue) -> JSONValue {
    ["jsonrpc": "2.0", "id": id, "result": result]
  }

  static func error(id: JSONValue, _ error: ResponseError) -> JSONValue {
    ["jsonrpc": "2.0", "id": id, "error": error.json]
  }

  static func notification(_ method: String, _ params: JSONValue) -> JSONValue {
    ["jsonrpc": "2.0", "method": .string(method), "params": params]
  }
}
