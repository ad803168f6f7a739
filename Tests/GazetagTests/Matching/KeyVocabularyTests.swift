import Testing

@testable import Gazetag

@Suite struct KeyVocabularyTests {
  func intern(_ vocabulary: inout KeyVocabulary, _ key: String) -> Int32 {
    var key = key
    return key.withUTF8 { vocabulary.intern($0) }
  }

  func id(_ vocabulary: KeyVocabulary, _ key: String) -> Int32? {
    var key = key
    return key.withUTF8 { vocabulary.id(of: $0) }
  }

  @Test("ids are dense, stable across growth, and found again by bytes")
  func internAndLookUp() {
    var vocabulary = KeyVocabulary()
    var reference: [String: Int32] = [:]
    var generator = GeneratedText.Generator(state: 3)
    for _ in 0..<30_000 {
      // Keys of every length from 0 to 40 bytes, so that each tail case of the hash is used.
      let length = Int.random(in: 0...40, using: &generator)
      let key = String(
        decoding: (0..<length).map { _ in UInt8.random(in: 0x61...0x66, using: &generator) },
        as: UTF8.self)
      let assigned = intern(&vocabulary, key)
      if let known = reference[key] {
        #expect(assigned == known)
      } else {
        #expect(assigned == Int32(reference.count))
        reference[key] = assigned
      }
    }
    #expect(vocabulary.count == reference.count)
    for (key, assigned) in reference {
      #expect(id(vocabulary, key) == assigned)
      #expect(vocabulary.key(assigned) == key)
    }
    #expect(id(vocabulary, "g") == nil)
    #expect(id(vocabulary, "abcdefabcdefabcdefabcdefabcdefabcdefabcdefz") == nil)
  }

  @Test("Devanagari keys that differ only in one byte are different keys")
  func nearKeys() {
    var vocabulary = KeyVocabulary()
    let a = intern(&vocabulary, "रूस")
    let b = intern(&vocabulary, "रूसी")
    let c = intern(&vocabulary, "रुस")
    #expect(Set([a, b, c]).count == 3)
    #expect(id(vocabulary, "रूस") == a)
  }
}
