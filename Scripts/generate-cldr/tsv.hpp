// Reading the curated overlays and the stoplist, writing the generated gazetteer files.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "entry.hpp"

namespace gen {

/// One data row of a TSV file: column name → field, plus where it came from.
struct Row {
  std::string file;
  int line = 0;
  std::map<std::string, std::string> fields;

  const std::string& operator[](const std::string& column) const;
  std::string where() const { return file + ":" + std::to_string(line); }
};

/// Reads a TSV file in the gazetteer format: `#` comments and blank lines skipped, the first
/// other line names the columns. Fields are trimmed and put in NFC. Throws std::runtime_error
/// (with file:line) on a row with more fields than the header or a column not in `allowed`.
std::vector<Row> readTSV(const std::string& path, const std::vector<std::string>& allowed);

/// Splits an aliases field on `|`, trimming each alias and skipping empty ones.
std::vector<std::string> splitAliases(const std::string& field);

/// Reads the stoplist: one word or phrase a line, `#` starts a comment line. Returns NFC text
/// with the line it came from.
std::vector<std::pair<std::string, int>> readStoplist(const std::string& path);

/// Writes `entries` as a gazetteer TSV file with the given comment lines and columns.
/// Columns may be id, name, aliases, english, wikidata, country, source.
void writeTSV(const std::string& path, const std::vector<std::string>& comments,
              const std::vector<std::string>& columns, const std::vector<Entry>& entries);

}  // namespace gen
