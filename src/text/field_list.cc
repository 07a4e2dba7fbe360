// SPDX-License-Identifier: Apache-2.0
#include "text/field_list.h"

#include <algorithm>

namespace centric::text {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

}  // namespace

RecordProblem ReadListValue(std::string_view text, size_t& pos, std::string& value,
                            char delimiter) {
  value.clear();
  while (pos < text.size() && IsBlank(text[pos])) ++pos;
  if (pos == text.size() || text[pos] != '"') {
    size_t end = std::min(text.find(delimiter, pos), text.size());
    size_t last = end;
    while (last > pos && IsBlank(text[last - 1])) --last;
    value.assign(text.substr(pos, last - pos));
    pos = end;
    return RecordProblem::kNone;
  }
  ++pos;
  while (true) {
    if (pos == text.size()) return RecordProblem::kUnterminatedQuote;
    if (text[pos] != '"') {
      value += text[pos++];
      continue;
    }
    ++pos;
    if (pos < text.size() && text[pos] == '"') {
      value += '"';
      ++pos;
      continue;
    }
    break;
  }
  while (pos < text.size() && IsBlank(text[pos])) ++pos;
  if (pos == text.size() || text[pos] == delimiter) return RecordProblem::kNone;
  pos = std::min(text.find(delimiter, pos), text.size());
  return RecordProblem::kTextAfterQuote;
}

}  // namespace centric::text
