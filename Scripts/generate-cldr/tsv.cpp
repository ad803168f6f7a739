#include "tsv.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "matching_key.hpp"

namespace gen {
namespace {

std::string trim(const std::string& text) {
  const char* space = " \t\r\n";
  size_t first = text.find_first_not_of(space);
  if (first == std::string::npos) return "";
  size_t last = text.find_last_not_of(space);
  return text.substr(first, last - first + 1);
}

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::string part;
  std::istringstream stream(text);
  while (std::getline(stream, part, separator)) parts.push_back(part);
  if (!text.empty() && text.back() == separator) parts.push_back("");
  return parts;
}

std::ifstream open(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path + ": cannot open");
  return in;
}

}  // namespace

const std::string& Row::operator[](const std::string& column) const {
  static const std::string empty;
  auto it = fields.find(column);
  return it == fields.end() ? empty : it->second;
}

std::vector<Row> readTSV(const std::string& path, const std::vector<std::string>& allowed) {
  std::ifstream in = open(path);
  std::vector<Row> rows;
  std::vector<std::string> header;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (trim(line).empty() || line[0] == '#') continue;
    std::vector<std::string> fields = split(line, '\t');
    if (header.empty()) {
      for (const std::string& field : fields) {
        std::string column = trim(field);
        if (std::find(allowed.begin(), allowed.end(), column) == allowed.end())
          throw std::runtime_error(path + ":" + std::to_string(number) + ": unknown column '" + column + "'");
        header.push_back(column);
      }
      continue;
    }
    if (fields.size() > header.size())
      throw std::runtime_error(path + ":" + std::to_string(number) + ": " + std::to_string(fields.size()) +
                               " fields but the header names " + std::to_string(header.size()) + " columns");
    Row row{path, number, {}};
    for (size_t i = 0; i < fields.size(); ++i) row.fields[header[i]] = nfc(trim(fields[i]));
    rows.push_back(row);
  }
  return rows;
}

std::vector<std::string> splitAliases(const std::string& field) {
  std::vector<std::string> aliases;
  for (const std::string& part : split(field, '|')) {
    std::string alias = trim(part);
    if (!alias.empty()) aliases.push_back(alias);
  }
  return aliases;
}

std::vector<std::pair<std::string, int>> readStoplist(const std::string& path) {
  std::ifstream in = open(path);
  std::vector<std::pair<std::string, int>> words;
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    std::string word = trim(line);
    if (word.empty() || word[0] == '#') continue;
    words.push_back({nfc(word), number});
  }
  return words;
}

void writeTSV(const std::string& path, const std::vector<std::string>& comments,
              const std::vector<std::string>& columns, const std::vector<Entry>& entries) {
  std::ostringstream out;
  for (const std::string& comment : comments) out << "# " << comment << "\n";
  for (size_t i = 0; i < columns.size(); ++i) out << (i ? "\t" : "") << columns[i];
  out << "\n";
  for (const Entry& entry : entries) {
    for (size_t i = 0; i < columns.size(); ++i) {
      const std::string& column = columns[i];
      std::string field;
      if (column == "id") field = entry.id;
      else if (column == "name") field = entry.names.front().text;
      else if (column == "aliases") {
        for (size_t n = 1; n < entry.names.size(); ++n) field += (n > 1 ? "|" : "") + entry.names[n].text;
      } else if (column == "english") field = entry.english;
      else if (column == "wikidata") field = entry.wikidata;
      else if (column == "country") field = entry.country;
      else if (column == "source") field = entry.source();
      else throw std::logic_error("unknown output column " + column);
      out << (i ? "\t" : "") << field;
    }
    out << "\n";
  }
  std::string tmp = path + ".tmp";
  {
    std::ofstream file(tmp, std::ios::binary);
    file << out.str();
    if (!file) throw std::runtime_error(tmp + ": cannot write");
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) throw std::runtime_error(path + ": cannot replace");
}

}  // namespace gen
