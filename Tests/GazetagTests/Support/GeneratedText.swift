/// Deterministic pseudo-random text that mixes everything a tokenizer meets, and more: Hindi
/// words (a list written for these tests), random Devanagari syllables with nukta, virama,
/// joiners and signs, Latin, ASCII and Devanagari numbers, punctuation, every kind of white
/// space, emoji sequences and other scripts.
enum GeneratedText {
  /// A deterministic generator (SplitMix64), so that a failure can be reproduced.
  struct Generator: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
      state &+= 0x9E37_79B9_7F4A_7C15
      var z = state
      z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
      z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
      return z ^ (z >> 31)
    }
  }

  /// Common words of Hindi news text, written for these tests, and spellings that exercise
  /// the matching-key folds.
  static let words = """
    भारत रूस यूक्रेन उत्तर कोरिया दक्षिण किम जोंग उन व्लादिमीर पुतिन मॉस्को मास्को प्योंगयांग सियोल
    सरकार मंत्री प्रधानमंत्री राष्ट्रपति सेना सैनिक युद्ध हमला मिसाइल परमाणु समझौता बैठक वार्ता
    कहा कहते हैं है था थी थे और या लेकिन क्योंकि इसलिए में से पर को का की के ने तक भी ही नहीं
    हिन्दी हिंदी अंतर्राष्ट्रीय संयुक्त राष्ट्र संघ अमेरिका चीन जापान ज़ेलेंस्की फ़ौज ड्रोन टैंक
    क्षेत्र स्थिति रिपोर्ट अधिकारी सूत्रों जानकारी दिल्ली मुंबई कोलकाता चेन्नई शहर गांव चाँद
    ह्वासोंग डोनबास क्रीमिया खारकीव कीव ऑस्ट्रेलिया डॉक्टर ख़बर ग़ज़ा फ़िल्म ज़्यादा श्रृंखला
    पत्रकार सम्मेलन प्रतिबंध आर्थिक सहायता हथियार गोला बारूद सीमा तनाव शांति विदेश नीति
    सम्बन्ध अन्य कम्पनी पञ्जाब कण्ठ अङ्ग दिन् भगवान् ऩ ऱ ऴ क़िला \u{095B}रूर ज\u{093C}रूर न\u{094D}\u{093C}द
    क\u{0951}ख न\u{0951}\u{094D}क न्\u{200D}द म्\u{200C}ब ऑ ॉ ॐ ॥॥ ०१२ १२३४५६७८९ ह्वासोंग-११
    """.split(whereSeparator: \.isWhitespace).map(String.init)

  static let latinWords = [
    "HIMARS", "Hwasong", "KN", "NATO", "the", "Kim", "Jong", "Un", "ATACMS", "ICBM", "e-mail",
    "U.S.", "don't", "co-operation", "x_y", "A11", "iPhone", "Zelensky's", "ÉCOLE",
    "e\u{301}cole", "İstanbul", "ǅemal", "straße", "Œuvre",
  ]

  static let punctuation = [
    "।", "॥", ",", ".", "-", "–", "—", "'", "\"", "(", ")", "?", "!", ":", ";", "‘", "’", "“",
    "”", "…", "/", "%", "₹", "॰", "\u{2011}", "\u{2212}", "&", "*", "#", "[", "]", "_", "@",
  ]

  static let whitespace = [
    " ", " ", " ", "  ", "\t", "\u{00A0}", "\n", "\r\n", "\r", "\n\n", "\u{2003}", "\u{202F}",
    "\u{000B}", "\u{000C}", "\u{0085}", "\u{2028}", " \u{0301}", "   ",
  ]

  static let exotic = [
    "😀", "👍🏽", "👨‍👩‍👧", "🇮🇳", "🇺🇦🇷🇺", "❤️", "☺", "©", "®", "™", "中国", "日本語", "カタカナ", "한국어",
    "ภาษาไทย", "עברית", "العربية", "Русский", "Ελληνικά", "বাংলা", "தமிழ்", "\u{FEFF}", "\u{200B}",
    "\u{00AD}", "\u{2060}", "\u{200D}", "\u{200C}", "\u{093C}", "\u{0301}", "x@y.com", "a:b",
    "🏳️‍🌈", "1️⃣", "\u{1F1E6}", "ℹ", "𝐀𝐁", "\u{E000}", "ﷺ",
  ]

  /// A random Devanagari syllable string: consonants with optional nukta, virama conjuncts,
  /// vowel signs, anusvara, chandrabindu and visarga.
  static func syllables(_ generator: inout Generator) -> String {
    var scalars = String.UnicodeScalarView()
    if Int.random(in: 0..<8, using: &generator) == 0 {
      scalars.append(Unicode.Scalar(UInt32.random(in: 0x0904...0x0914, using: &generator))!)
    }
    for _ in 0..<Int.random(in: 1...4, using: &generator) {
      scalars.append(Unicode.Scalar(UInt32.random(in: 0x0915...0x0939, using: &generator))!)
      switch Int.random(in: 0..<20, using: &generator) {
      case 0: scalars.append("\u{093C}")
      case 1: scalars.append("\u{094D}")
      case 2: scalars.append(contentsOf: ["\u{094D}", "\u{200D}"])
      case 3: scalars.append(contentsOf: ["\u{094D}", "\u{200C}"])
      default: break
      }
      if Bool.random(using: &generator) {
        scalars.append(Unicode.Scalar(UInt32.random(in: 0x093E...0x094C, using: &generator))!)
      }
      switch Int.random(in: 0..<10, using: &generator) {
      case 0: scalars.append("\u{0902}")
      case 1: scalars.append("\u{0901}")
      case 2: scalars.append("\u{0903}")
      default: break
      }
    }
    return String(scalars)
  }

  static func number(_ generator: inout Generator) -> String {
    let devanagari = Bool.random(using: &generator)
    func digits(_ count: Int) -> String {
      String(
        String.UnicodeScalarView(
          (0..<count).map { _ in
            let digit = UInt32.random(in: 0...9, using: &generator)
            return Unicode.Scalar((devanagari ? 0x0966 : 0x30) + digit)!
          }))
    }
    var text = digits(Int.random(in: 1...4, using: &generator))
    switch Int.random(in: 0..<8, using: &generator) {
    case 0: text += "." + digits(Int.random(in: 1...3, using: &generator))
    case 1: text += "," + digits(3)
    case 2: text += "ए"
    case 3: text += "M"
    case 4: text += "'" + digits(2)
    case 5: text += ":" + digits(2)
    default: break
    }
    return text
  }

  /// About `size` bytes of text that mixes everything the tokenizer meets, and more.
  static func corpus(size: Int, seed: UInt64) -> String {
    var generator = Generator(state: seed)
    var text = ""
    text.reserveCapacity(size + 64)
    while text.utf8.count < size {
      let roll = Int.random(in: 0..<100, using: &generator)
      switch roll {
      case 0..<40: text += words.randomElement(using: &generator)!
      case 40..<55: text += syllables(&generator)
      case 55..<60: text += latinWords.randomElement(using: &generator)!
      case 60..<64: text += number(&generator)
      case 64..<74: text += punctuation.randomElement(using: &generator)!
      case 74..<76: text += exotic.randomElement(using: &generator)!
      case 76..<78:
        // A word glued to something: Latin, a digit, an apostrophe, a mark.
        text += words.randomElement(using: &generator)!
        text += ["Jong", "11", "'", "\u{200D}", "\u{0301}", ".", "_", "·", ",", ":", "-"]
          .randomElement(
            using: &generator)!
      default: break
      }
      text += whitespace.randomElement(using: &generator)!
    }
    return text
  }
}
