import Diagnostics

/// Reading position, whitespace and comments, UTF-8 validation and error reporting.
extension JSONParser {
  /// The location of the next unread byte.
  var location: SourceLocation {
    SourceLocation(file: file, line: line, column: column)
  }

  /// The next unread byte, or `nil` at the end of input.
  func peek() -> UInt8? {
    index < bytes.count ? bytes[index] : nil
  }

  /// Moves past one byte; a line feed starts a new line and each scalar's lead byte (not
  /// continuation bytes) moves one column, so columns count Unicode scalars.
  mutating func advance() {
    let byte = bytes[index]
    index += 1
    if byte == UInt8(ascii: "\n") {
      line += 1
      column = 1
    } else if byte & 0xC0 != 0x80 {
      column += 1
    }
  }

  /// Moves past whitespace, `// line` comments and `/* block */` comments.
  mutating func skipTrivia(path: JSONPath) throws(Failure) {
    while let byte = peek() {
      switch byte {
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
        advance()
      case UInt8(ascii: "/"):
        try skipComment(path: path)
      default:
        return
      }
    }
  }

  private mutating func skipComment(path: JSONPath) throws(Failure) {
    let start = location
    advance()
    switch peek() {
    case UInt8(ascii: "/"):
      advance()
      while let byte = peek(), byte != UInt8(ascii: "\n") {
        try skipScalar(in: "comment", path: path)
      }
    case UInt8(ascii: "*"):
      advance()
      while true {
        guard let byte = peek() else {
          throw fail(
            .syntaxUnexpectedEnd, "expected '*/' to close the comment, found end of input",
            at: location, path: path,
            notes: [Diagnostic.Note(message: "comment starts here", location: start)])
        }
        if byte == UInt8(ascii: "*"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "/")
        {
          advance()
          advance()
          return
        }
        try skipScalar(in: "comment", path: path)
      }
    default:
      throw unexpected("'/' or '*' after '/' to start a comment", path: path)
    }
  }

  /// Moves past one well-formed UTF-8 scalar, or reports `syntax.invalid-utf8`.
  mutating func skipScalar(in context: String, path: JSONPath) throws(Failure) {
    guard let (_, length) = scalar(at: index) else {
      throw fail(
        .syntaxInvalidUTF8, "invalid UTF-8 byte \(Self.hex(bytes[index])) in \(context)",
        at: location, path: path)
    }
    for _ in 0..<length { advance() }
  }

  /// Decodes the well-formed UTF-8 scalar starting at `start` (RFC 3629: no overlong forms,
  /// no surrogates, nothing above U+10FFFF), or returns `nil`.
  func scalar(at start: Int) -> (scalar: Unicode.Scalar, length: Int)? {
    guard start < bytes.count else { return nil }
    let lead = bytes[start]
    if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
    let length: Int
    let secondRange: ClosedRange<UInt8>
    var value: UInt32
    switch lead {
    case 0xC2...0xDF: (length, secondRange, value) = (2, 0x80...0xBF, UInt32(lead & 0x1F))
    case 0xE0: (length, secondRange, value) = (3, 0xA0...0xBF, UInt32(lead & 0x0F))
    case 0xED: (length, secondRange, value) = (3, 0x80...0x9F, UInt32(lead & 0x0F))
    case 0xE1...0xEF: (length, secondRange, value) = (3, 0x80...0xBF, UInt32(lead & 0x0F))
    case 0xF0: (length, secondRange, value) = (4, 0x90...0xBF, UInt32(lead & 0x07))
    case 0xF4: (length, secondRange, value) = (4, 0x80...0x8F, UInt32(lead & 0x07))
    case 0xF1...0xF3: (length, secondRange, value) = (4, 0x80...0xBF, UInt32(lead & 0x07))
    default: return nil
    }
    guard start + length <= bytes.count, secondRange.contains(bytes[start + 1]) else { return nil }
    for offset in 1..<length {
      let byte = bytes[start + offset]
      guard byte & 0xC0 == 0x80 else { return nil }
      value = value << 6 | UInt32(byte & 0x3F)
    }
    guard let scalar = Unicode.Scalar(value) else { return nil }
    return (scalar, length)
  }

  /// Reports a fatal error and returns the failure to throw.
  func fail(
    _ id: DiagnosticID, _ message: String, at location: SourceLocation, path: JSONPath,
    notes: [Diagnostic.Note] = [], hint: String? = nil
  ) -> Failure {
    diagnostics.error(
      id, message, at: location, path: path.description, notes: notes, hint: hint)
    return Failure()
  }

  /// Reports "expected …, found …" for the next unread input and returns the failure to throw.
  ///
  /// The identifier is `syntax.unexpected-end` at the end of input and `syntax.invalid-utf8`
  /// at a malformed byte, whatever `id` says.
  func unexpected(
    _ expectation: String, id: DiagnosticID = .syntaxUnexpectedCharacter,
    at location: SourceLocation? = nil, path: JSONPath, notes: [Diagnostic.Note] = [],
    hint: String? = nil
  ) -> Failure {
    var id = id
    if index >= bytes.count {
      id = .syntaxUnexpectedEnd
    } else if scalar(at: index) == nil {
      id = .syntaxInvalidUTF8
    }
    return fail(
      id, "expected \(expectation), found \(describeNext())", at: location ?? self.location,
      path: path, notes: notes, hint: hint)
  }

  /// Names the next unread input for messages: a quoted word or character, a control
  /// character's code point, a malformed byte, or the end of input.
  func describeNext() -> String {
    guard index < bytes.count else { return "end of input" }
    let byte = bytes[index]
    if Self.isWordByte(byte) {
      var end = index
      while end < bytes.count, Self.isWordByte(bytes[end]), end - index < 24 { end += 1 }
      let word = String(decoding: bytes[index..<end], as: UTF8.self)
      let cut = end < bytes.count && Self.isWordByte(bytes[end])
      return "'\(word)\(cut ? "…" : "")'"
    }
    guard let (scalar, _) = scalar(at: index) else {
      return "invalid UTF-8 byte \(Self.hex(byte))"
    }
    switch scalar.value {
    case 0x20: return "a space"
    case 0..<0x20, 0x7F: return "control character \(Self.codePoint(scalar))"
    case 0x21..<0x7F: return "'\(Character(scalar))'"
    default: return "'\(Character(scalar))' (\(Self.codePoint(scalar)))"
    }
  }

  /// Whether `byte` can be part of a bare word such as `true` or an unquoted key.
  static func isWordByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
      UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
      true
    default: false
    }
  }

  /// `0xFF`-style text for a byte.
  static func hex(_ byte: UInt8) -> String {
    let digits = String(byte, radix: 16, uppercase: true)
    return "0x" + (digits.count < 2 ? "0" : "") + digits
  }

  /// `U+00E9`-style text for a scalar.
  static func codePoint(_ scalar: Unicode.Scalar) -> String {
    let digits = String(scalar.value, radix: 16, uppercase: true)
    return "U+" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }
}
