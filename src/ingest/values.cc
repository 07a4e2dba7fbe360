// SPDX-License-Identifier: Apache-2.0
#include "ingest/values.h"

#include <fmt/format.h>

#include "core/money.h"
#include "text/ascii.h"

namespace centric::ingest {

std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

Result<int64_t> ParseWholeNumber(std::string_view text) {
  auto bad = [&] {
    return Error(InvalidArgument(fmt::format("'{}' is not a whole number", text)));
  };
  std::string_view t = TrimSpaces(text);
  size_t pos = 0;
  bool negative = false;
  if (!t.empty() && (t[0] == '-' || t[0] == '+')) {
    negative = t[0] == '-';
    ++pos;
  }
  if (pos == t.size()) return bad();
  uint64_t value = 0;
  size_t digits_start = pos;
  for (; pos < t.size() && t[pos] >= '0' && t[pos] <= '9'; ++pos) {
    if (value > (uint64_t{INT64_MAX} - 9) / 10) return bad();
    value = value * 10 + static_cast<uint64_t>(t[pos] - '0');
  }
  if (pos == digits_start) return bad();
  if (pos < t.size()) {
    if (t[pos] != '.') return bad();
    for (++pos; pos < t.size(); ++pos) {
      if (t[pos] != '0') return bad();
    }
  }
  return negative ? -static_cast<int64_t>(value) : static_cast<int64_t>(value);
}

Result<bool> ParseFlag(std::string_view text) {
  std::string_view t = TrimSpaces(text);
  for (std::string_view yes : {"true", "yes", "1"}) {
    if (text::EqualsIgnoreCase(t, yes)) return true;
  }
  for (std::string_view no : {"false", "no", "0"}) {
    if (text::EqualsIgnoreCase(t, no)) return false;
  }
  return Error(InvalidArgument(fmt::format("'{}' is not one of true, false, yes, no, 1, 0", text)));
}

std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> items;
  while (!text.empty()) {
    size_t semi = text.find(';');
    std::string_view item = TrimSpaces(text.substr(0, semi));
    if (!item.empty()) items.emplace_back(item);
    if (semi == std::string_view::npos) break;
    text.remove_prefix(semi + 1);
  }
  return items;
}

std::string NormalizeCategory(std::string_view text) {
  std::string out;
  while (!text.empty()) {
    size_t slash = text.find('/');
    std::string_view level = TrimSpaces(text.substr(0, slash));
    if (!level.empty()) {
      if (!out.empty()) out += '/';
      out += level;
    }
    if (slash == std::string_view::npos) break;
    text.remove_prefix(slash + 1);
  }
  return out;
}

}  // namespace centric::ingest
