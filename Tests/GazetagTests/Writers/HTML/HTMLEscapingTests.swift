import Testing

@testable import Gazetag

@Suite struct HTMLEscapingTests {
  func text(_ value: String) -> String {
    var output = ""
    HTMLEscaping.appendText(value[...], to: &output)
    return output
  }

  @Test("document text: markup characters escaped, CR kept by reference, controls shown")
  func documentText() {
    #expect(text("a & b <c> \"d\" 'e'") == "a &amp; b &lt;c&gt; \"d\" 'e'")
    #expect(text("एक\r\nदो\tतीन") == "एक&#13;\nदो\tतीन")
    #expect(text("a\u{0}b") == "a<span class=\"ctl\" data-cp=\"U+0000\">\u{FFFD}</span>b")
    #expect(text("\u{1B}") == "<span class=\"ctl\" data-cp=\"U+001B\">&#27;</span>")
    #expect(text("\u{85}") == "<span class=\"ctl\" data-cp=\"U+0085\">\u{85}</span>")
    #expect(text("\u{202E}x") == "<span class=\"ctl\" data-cp=\"U+202E\">\u{202E}</span>x")
    #expect(text("किम\u{200D}\u{200C}\u{200F}") == "किम\u{200D}\u{200C}\u{200F}")
  }

  @Test("shown strings: controls as Control Pictures, bidi controls as U+FFFD")
  func displayed() {
    #expect(HTMLEscaping.displayed("a\u{0}b\tc\nd\u{7F}") == "a␀b␉c␊d␡")
    #expect(HTMLEscaping.displayed("\u{202E}x\u{2066}\u{9B}") == "\u{FFFD}x\u{FFFD}\u{FFFD}")
    #expect(HTMLEscaping.displayed("किम जोंग उन") == "किम जोंग उन")
  }

  @Test("content and attributes escape what would end them")
  func contentAndAttributes() {
    #expect(HTMLEscaping.content("<b>&\"'") == "&lt;b&gt;&amp;\"'")
    #expect(HTMLEscaping.attribute("\"><x y='z'>&") == "&quot;&gt;&lt;x y=&#39;z&#39;&gt;&amp;")
    #expect(HTMLEscaping.attribute(lines: ["a\"", "b\nc"]) == "a&quot;&#10;b␊c")
  }

  @Test("relative URLs percent-encode everything but unreserved characters and slashes")
  func relativeURLs() {
    #expect(HTMLEscaping.relativeURL("news/a-b_c.html") == "news/a-b_c.html")
    #expect(HTMLEscaping.relativeURL("javascript:x\"?#.html") == "javascript%3Ax%22%3F%23.html")
    #expect(HTMLEscaping.relativeURL("रूस 1.html") == "%E0%A4%B0%E0%A5%82%E0%A4%B8%201.html")
  }
}
