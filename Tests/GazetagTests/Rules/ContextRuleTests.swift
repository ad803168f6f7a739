import Foundation
import Testing

@testable import Gazetag

/// Each kind of context rule of the bundled gazetteer, with span markers, and the negative
/// cases: what the rules must not make.
@Suite struct ContextRuleTests {
  static func tagger(
    _ rules: RuleSelection = .enabled, overlaps: OverlapPolicy = .none,
    labels: Set<String>? = nil
  ) -> Tagger {
    try! Tagger(
      compiled: .bundled, options: TaggerOptions(labels: labels, overlaps: overlaps, rules: rules))
  }

  /// The spans of `marked`'s text as marks, to compare with its marks.
  static func marks(_ tagger: Tagger, _ text: String) -> [MarkedText.Mark] {
    tagger.spans(in: text).map {
      MarkedText.Mark(start: $0.start.codePoint, end: $0.end.codePoint, label: $0.label)
    }
  }

  @Test(
    "rules of the bundled gazetteer",
    arguments: [
      "⟦गुजरात सरकार⟧ORG ने कहा",
      "⟦श्रीलंका सरकार⟧ORG और ⟦पाकिस्तान⟧COUNTRY",
      "⟦पूर्वी जर्मनी⟧COUNTRY में",
      "⟦पश्चिमी लंदन⟧PLACE में",
      // Negative: राज्य after a place is an organisation once in 23 times on train.
      "⟦उत्तर प्रदेश⟧PLACE राज्य में",
      // The title rule is on by default (right 47 times in 53 on the training halves).
      "श्री ⟦रामलाल यादव⟧PERSON ने कहा",
      "डॉ. ⟦रामलाल⟧PERSON ने कहा",
      // Negative: प्रधानमंत्री is no title word, and आवास and योजना are ordinary words.
      "प्रधानमंत्री आवास योजना के तहत",
    ])
  func enabledRules(_ text: String) {
    let marked = MarkedText(text)
    #expect(Self.marks(Self.tagger(), marked.text) == marked.marks)
  }

  @Test(
    "every one-word Devanagari rule word of the bundled gazetteer is one token, as compiling assumes"
  )
  func oneTokenWords() throws {
    let tokenizer = Tokenizer()
    let normalizer = Normalizer(profile: .standard)
    let rules = Gazetteer.bundled.rules
    let words = rules.flatMap { $0.words + $0.context }.filter(RuleStage.isOneDevanagariWord)
    #expect(words.count > 1000)
    for word in words {
      let steps = Matcher.steps(of: word, tokenizer: tokenizer, normalizer: normalizer)
      #expect(steps.count == 1, "\(word)")
      if case .key(let key)? = steps.first {
        #expect(key == normalizer.key(for: word), "\(word)")
      }
      // A word taken as its own key is its key under both profiles.
      if RuleStage.isOwnKey(word) {
        #expect(normalizer.key(for: word) == word, "\(word)")
        #expect(Normalizer(profile: .exact).key(for: word) == word, "\(word)")
      }
    }
  }

  @Test(
    "a title rule's one-word context words, compared by text, are one token each and keyed as compiling assumes"
  )
  func contextWordsByText() throws {
    let tokenizer = Tokenizer()
    let normalizer = Normalizer(profile: .standard)
    let words = Gazetteer.bundled.rules.filter { $0.kind == .title }.flatMap(\.context)
      .filter(RuleStage.isOneDevanagariWord)
    #expect(words.count > 1000)
    for word in words {
      let steps = Matcher.steps(of: word, tokenizer: tokenizer, normalizer: normalizer)
      #expect(steps.count == 1, "\(word)")
      if RuleStage.isOwnKey(word) {
        #expect(steps.first == .key(word), "\(word)")
        #expect(Normalizer(profile: .exact).key(for: word) == word, "\(word)")
      }
    }
    // Not in the matcher's vocabulary: they would keep runs of unknown words from merging.
    let tagger = Self.tagger()
    var unknown = 0
    for word in words.prefix(200) {
      var text = word
      let keyed = text.withUTF8 { tagger.keyedTokens(inUTF8: $0) }
      if keyed.count == 1 && keyed[0].keyID < 0 { unknown += 1 }
    }
    #expect(unknown > 100)
  }

  @Test("a name of the gazetteer wins over a rule's span of the same tokens")
  func namedBeforeRule() throws {
    // दक्षिण + सूडान would be the qualifier rule's south of Sudan; दक्षिण सूडान is a country.
    let spans = Self.tagger().spans(in: "सूडान और दक्षिण सूडान की सीमा")
    let south = try #require(spans.last)
    #expect(south.text == "दक्षिण सूडान")
    #expect(south.entry.id == "SS")
    #expect(south.rule == nil)
  }

  @Test("a guard, when chosen, keeps चीनी from being Chinese in tea")
  func guardRule() {
    let marked = MarkedText("चाय में चीनी कम थी, ⟦चीनी⟧NORP सेना")
    #expect(Self.marks(Self.tagger(.only(["sugar"])), marked.text) == marked.marks)
    #expect(Self.marks(Self.tagger(.none), marked.text).count == 2)
  }

  @Test(
    "the learnt guards drop a match beside a word it is seldom a name beside",
    arguments: [
      // An alias guard: भारत right before अभियान is a programme's name (32 of 32 on train).
      "स्वच्छ भारत अभियान और ⟦भारत⟧COUNTRY में",
      // A guard without words reads every alias of its labels, also one train never had there.
      "सेबी अधिनियम के तहत ⟦सेबी⟧ORG ने कहा",
      "जिनेवा कॉनवेंशन में ⟦ईरान⟧COUNTRY",
      // Negative: the context word must stand right beside the match, on the guard's side.
      "⟦सेबी⟧ORG ने अधिनियम बनाया",
      "अधिनियम ⟦सेबी⟧ORG का",
      // Negative: a guard without words keeps to its labels (PERSON is not ORG).
      "⟦नरेंद्र मोदी⟧PERSON अधिनियम",
    ])
  func learntGuards(_ text: String) {
    let marked = MarkedText(text)
    #expect(Self.marks(Self.tagger(), marked.text) == marked.marks)
  }

  @Test("streamed in small pieces or split for jobs, the guards drop what they drop in the whole")
  func guardsStreamed() {
    let text = String(
      repeating: "सेबी अधिनियम और सेबी ने स्वच्छ भारत अभियान में भारत, जिनेवा कॉनवेंशन रूस ",
      count: 30)
    let tagger = Self.tagger()
    let whole = tagger.spans(in: text)
    #expect(whole.count == 90)
    let bytes = Array(text.utf8)
    for chunkSize in [1, 13, 64, 200] {
      let (spans, statistics, _) = StreamingTaggerTests.stream(
        text, tagger: tagger, chunkSize: chunkSize, step: 37)
      #expect(spans == whole, "chunk size \(chunkSize)")
      #expect(statistics.forced.isEmpty, "chunk size \(chunkSize)")
    }
    let split = bytes.withUnsafeBufferPointer {
      tagger.spans(inUTF8: $0, jobs: 3, minimumPiece: 64)
    }
    #expect(split == whole)
  }

  @Test("--rules none keeps what the guards drop")
  func guardsOff() {
    let spans = Self.tagger(.none).spans(in: "सेबी अधिनियम और स्वच्छ भारत अभियान")
    #expect(spans.map(\.text) == ["सेबी", "भारत"])
  }

  @Test("a head rule's span names the rule's entity and the place, and says which rule made it")
  func headIdentity() throws {
    let span = try #require(Self.tagger().spans(in: "श्रीलंका सरकार ने").first)
    #expect(span.entry.id == "org:government-of+LK")
    #expect(span.entry.name == "श्रीलंका सरकार")
    #expect(span.rule == "government")
    #expect(!span.isGuessed)
    #expect(span.entry.location.file == "bundled:rules.tsv")
  }

  @Test("--overlaps all still reports the place inside the organisation")
  func innerPlace() {
    let spans = Self.tagger(overlaps: .all).spans(in: "गुजरात सरकार ने")
    #expect(spans.map(\.text) == ["गुजरात सरकार", "गुजरात"])
    #expect(spans.map(\.rule) == ["government", nil])
  }

  @Test("--rules none gives the gazetteer's matches alone")
  func noRules() {
    let marked = MarkedText("⟦गुजरात⟧PLACE सरकार और पश्चिमी ⟦लंदन⟧PLACE")
    #expect(Self.marks(Self.tagger(.none), marked.text) == marked.marks)
    #expect(Self.tagger(.none).spans(in: marked.text).allSatisfy { $0.rule == nil })
  }

  @Test("--labels filters what rules make: rules still read the places")
  func labels() {
    #expect(
      Self.tagger(labels: ["ORG"]).spans(in: "गुजरात सरकार ने").map(\.text) == ["गुजरात सरकार"])
    #expect(Self.tagger(labels: ["PLACE"]).spans(in: "गुजरात सरकार ने").map(\.text) == ["गुजरात"])
  }

  @Test(
    "the title rule, when chosen, guesses the name after a title without the title",
    arguments: [
      "श्री ⟦रामलाल यादव⟧PERSON ने कहा",
      "डॉ ⟦सुरेंद्र⟧PERSON , जो",
      // Learnt by cross-validation: डॉ. (two tokens), राष्ट्रपति.
      "डॉ. ⟦सुरेंद्र⟧PERSON , जो",
      "राष्ट्रपति ⟦रामलाल यादव⟧PERSON , जो",
      // An ordinary word learnt from train ends the name as a stop word does.
      "डॉ ⟦कस्तूरीरंगन⟧PERSON जैसे वैज्ञानिक",
      "डॉ. ⟦रामलाल यादव⟧PERSON वैज्ञानिक थे",
      // Negative: a full stop after an initial does not end the name (सज्जन एस. यादव).
      "डॉ. सज्जन एस. यादव ने कहा",
      "डॉ. रामलाल बी. यादव ने कहा",
      // Negative: प्रोफेसर was seen too seldom on train to be kept (2 right in 4).
      "प्रोफेसर रामलाल ने कहा",
      // Negative: प्रधानमंत्री is no title word, and आवास and योजना are ordinary words.
      "प्रधानमंत्री आवास योजना के तहत",
      "श्री आवास योजना के तहत",
      // Negative: no stop word or punctuation after at most three name-like tokens.
      "श्री रामलाल गोपाल यादव कुमार",
      // Negative: लेखक is no title word (1 of 15 on train).
      "लेखक रामलाल यादव ने कहा",
    ])
  func titles(_ text: String) {
    let marked = MarkedText(text)
    let tagger = Self.tagger(.all)
    #expect(Self.marks(tagger, marked.text) == marked.marks)
    #expect(tagger.spans(in: marked.text).allSatisfy { $0.isGuessed && $0.rule == "title-person" })
  }

  @Test(
    "the name rule guesses a given name and a surname of the gazetteer's people between tokens that end a name",
    arguments: [
      "⟦सौरभ शर्मा⟧PERSON ने कहा",
      "⟦सौरभ शर्मा⟧PERSON , ⟦अंजलि नायर⟧PERSON और ⟦मीना जोशी⟧PERSON ।",
      // One more name-like token between them.
      "⟦अमित कुमार शर्मा⟧PERSON ने कहा",
      // An end of the text ends a name.
      "⟦सौरभ शर्मा⟧PERSON",
      // A match of another label ends a name, and is no part of one.
      "⟦रूस⟧COUNTRY ⟦सौरभ शर्मा⟧PERSON से मिले",
      "सौरभ ⟦दिल्ली⟧PLACE से",
      // Negative: a name-like word before or after: the name may be longer.
      "झुमरू सौरभ शर्मा ने कहा",
      "सौरभ शर्मा झुमरू ने कहा",
      // Negative: a blank line after: the name may go on in the next paragraph.
      "सौरभ शर्मा\n\nने कहा",
      // Negative: a full stop after an initial does not end a name, nor is it a surname.
      "सौरभ एस. शर्मा ने कहा",
      // Negative: सरकार, a head word, is no surname; the person is the gazetteer's.
      "⟦नरेंद्र मोदी⟧PERSON सरकार ने कहा",
    ])
  func names(_ text: String) {
    let marked = MarkedText(text)
    let tagger = Self.tagger()
    #expect(Self.marks(tagger, marked.text) == marked.marks)
    let plain = Self.marks(Self.tagger(.none), marked.text)
    for span in tagger.spans(in: marked.text) where span.label == "PERSON" {
      let mark = MarkedText.Mark(
        start: span.start.codePoint, end: span.end.codePoint, label: "PERSON")
      // The names are no gazetteer entries: the rule found them.
      #expect(span.rule == "name-person" || plain.contains(mark), "\(span.text)")
      #expect(span.rule != "name-person" || span.isGuessed)
    }
  }

  @Test("the keyer keeps unknown tokens one by one only after a title word")
  func unknownTokensAfterTitles() throws {
    var text = "कखग घङच छजझ में श्री रामलाल यादव ने कहा"
    let tagger = Self.tagger(.all)
    let (keyed, every) = text.withUTF8 {
      (tagger.keyedTokens(inUTF8: $0), tagger.keyedTokens(inUTF8: $0, everyUnknownToken: true))
    }
    #expect(every.count == text.split(separator: " ").count)
    // कखग घङच छजझ, which no pattern has, are one token, as with no title rule ...
    #expect(keyed.count == every.count - 2)
    #expect(keyed[0].keyID < 0 && keyed[1].keyID >= 0)
    // ... while the tokens after श्री stay one by one.
    let title = try #require(keyed.firstIndex { $0.utf8Range == every[4].utf8Range })
    #expect(keyed[title...].map(\.utf8Range) == every[4...].map(\.utf8Range))
    #expect(tagger.spans(in: text).map(\.text) == ["रामलाल यादव"])
  }

  /// About 16 KB of `sentences` in a seeded random order, for cuts to fall near the rules.
  static func repeated(_ sentences: [String], seed: UInt64) -> String {
    var generator = GeneratedText.Generator(state: seed)
    var text = ""
    while text.utf8.count < 1 << 14 {
      text += sentences.randomElement(using: &generator)!
    }
    return text
  }

  /// Sentences in which each guessing rule guesses, or nearly does.
  static let guessingTexts = [
    "title-person": repeated(
      [
        "श्री रामलाल यादव ने कहा। ", "अजनबी अनजान शहर में डॉ. सुरेंद्र , जो आए। ",
        "राष्ट्रपति झुमरू लाल गोपाल यादव कुमार आए। ", "गुजरात सरकार और अजनबी रूस। ",
        "लेखक रामलाल यादव ने अनजान शहर देखा। ",
      ], seed: 5),
    "name-person": repeated(
      [
        "सौरभ शर्मा ने कहा। ", "झुमरू सौरभ शर्मा ने कहा। ", "अमित कुमार शर्मा , अंजलि नायर आए। ",
        "सौरभ शर्मा झुमरू आए। ", "गुजरात सरकार और मीना जोशी। ", "सौरभ शर्मा\n\nने कहा। ",
      ], seed: 11),
  ]

  @Test(
    "streaming and --jobs pieces guess the names whole-text tagging guesses",
    arguments: ["title-person", "name-person"], [1, 2])
  func guessesInPieces(rule: String, jobs: Int) throws {
    let tagger = Self.tagger(.all)
    var text = try #require(Self.guessingTexts[rule])
    let whole = tagger.spans(in: text)
    #expect(whole.filter { $0.rule == rule }.count > 50)
    let (spans, statistics, _) = StreamingTaggerTests.stream(
      text, tagger: tagger, chunkSize: 512, step: 300, jobs: jobs)
    #expect(statistics.cuts > 5)
    #expect(spans == whole)
    let pieces = text.withUTF8 { tagger.spans(inUTF8: $0, jobs: 8, minimumPiece: 64) }
    #expect(pieces == whole)
  }

  @Test("JSONL and TSV show the rule; spans without one are written as before")
  func output() {
    let text = "श्री रामलाल ने गुजरात सरकार और रूस"
    let spans = Self.tagger(.all).spans(in: text)
    let document = TaggedDocument(source: "t", text: text, spans: spans)
    var jsonl = ""
    JSONLWriter().write(document, to: &jsonl)
    #expect(
      jsonl.contains(#""id":"person:guessed","name":"रामलाल","rule":"title-person","guessed":true}"#))
    #expect(jsonl.contains(#""name":"गुजरात सरकार","rule":"government"}"#))
    #expect(jsonl.contains(#""id":"RU","name":"रूस"}"#))
    var tsv = ""
    TSVWriter().write(document, to: &tsv)
    #expect(
      tsv.split(separator: "\n").map { $0.split(separator: "\t").count } == [8, 7, 6])
  }
}

@Suite struct ContextRuleCoverageTests {
  @Test("a name only a guess found scores, and is still listed as one to add")
  func guessedStillMissing() {
    let corpus = EvaluationFixtures.marked("श्री ⟦रामलाल⟧PERSON ने ⟦गुजरात सरकार⟧ORG से कहा")
    let tagger = ContextRuleTests.tagger(.all)
    let report = CoverageEvaluator(tagger: tagger).evaluate(corpus)
    #expect(report.exact.micro.truePositives == 2)
    #expect(report.missed.map(\.text) == ["रामलाल"])
    let plain = CoverageEvaluator(tagger: ContextRuleTests.tagger(.none)).evaluate(corpus)
    #expect(plain.exact.micro.truePositives == 0)
  }
}
