extension SpacyPatternReader {
  /// The family alias (`ह्वासोंग-#`) of a token-list pattern of the shape
  /// ``SpacyPatternWriter`` writes, or `nil` for any other token pattern.
  ///
  /// A token is a literal (`{"LOWER": "…"}`, `ORTH`, `TEXT` or `NORM`), a dash
  /// (`{"ORTH": "-"}`, optionally with `"OP": "?"`), the designator slot
  /// (`{"TEXT": {"REGEX": designatorRegex}}`) or a family name glued to the slot
  /// (`{"LOWER": {"REGEX": "^name[dashes]designator$"}}`). The pattern must have exactly one
  /// slot, and not first. Literals are joined by spaces, dashes as written.
  static func familyAlias(of tokens: [Any]) -> String? {
    var alias = ""
    var slots = 0
    var joined = true
    for token in tokens {
      guard let object = token as? [String: Any] else { return nil }
      if object.count == 2, let dash = object["ORTH"] as? String,
        object["OP"] as? String == "?", isDash(dash)
      {
        alias += dash
        joined = true
        continue
      }
      guard object.count == 1, let (attribute, value) = object.first,
        ["LOWER", "ORTH", "TEXT", "NORM"].contains(attribute)
      else { return nil }
      if let literal = value as? String, !literal.isEmpty {
        if isDash(literal) {
          alias += literal
          joined = true
          continue
        }
        alias += (joined ? "" : " ") + literal
        joined = false
        continue
      }
      guard let condition = value as? [String: Any], condition.count == 1,
        let regex = condition["REGEX"] as? String
      else { return nil }
      if regex == SpacyPatternWriter.designatorRegex && !alias.isEmpty {
        alias += (joined ? "" : " ") + "#"
      } else if let name = gluedName(regex) {
        alias += (joined ? "" : " ") + name + "-#"
      } else {
        return nil
      }
      slots += 1
      joined = false
    }
    return slots == 1 ? alias : nil
  }

  /// The family name of a glued token's regular expression (`^hwasong[dashes]designator$`),
  /// unescaped, or `nil` if the expression is not of that shape.
  private static func gluedName(_ regex: String) -> String? {
    guard regex.hasPrefix("^"), regex.hasSuffix(SpacyPatternWriter.gluedSuffix) else {
      return nil
    }
    let escaped = regex.dropFirst().dropLast(SpacyPatternWriter.gluedSuffix.count)
    var name = ""
    var escaping = false
    for character in escaped {
      if escaping {
        guard SpacyPatternWriter.regexSpecials.contains(character) else { return nil }
        name.append(character)
        escaping = false
      } else if character == "\\" {
        escaping = true
      } else if SpacyPatternWriter.regexSpecials.contains(character) {
        return nil
      } else {
        name.append(character)
      }
    }
    return escaping || name.isEmpty ? nil : name
  }

  private static func isDash(_ text: String) -> Bool {
    text.unicodeScalars.count == 1 && SpacyPatternWriter.isDash(text.unicodeScalars.first!)
  }
}
