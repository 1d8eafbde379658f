import Reports
import Testing

@Suite struct HTMLEscapingTests {
  @Test(arguments: [
    ("plain", "plain"), ("a & b", "a &amp; b"), ("<script>", "&lt;script&gt;"),
    ("say \"hi\"", "say &quot;hi&quot;"), ("it's", "it&#39;s"), ("tab\tline\n", "tab\tline\n"),
    ("bell\u{7}", "bell\u{FFFD}"), ("→ ünïcode", "→ ünïcode"),
  ])
  func text(raw: String, escaped: String) {
    #expect(HTMLEscaping.text(raw) == escaped)
  }
}
