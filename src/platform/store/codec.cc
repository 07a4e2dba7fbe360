// SPDX-License-Identifier: Apache-2.0
#include "platform/store/codec.h"

#include <boost/json.hpp>
#include <charconv>

#include "platform/store/page.h"

namespace centric::store::internal {
namespace json = boost::json;
namespace {

Result<json::value> ParseJson(std::string_view text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec) return Error(Internal("corrupt JSON column: " + ec.message()));
  return v;
}

Status BadCursor() { return InvalidArgument("is not a cursor this server issued", "cursor"); }

bool ParseInt(std::string_view text, int64_t& out) {
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

}  // namespace

std::string StringListToJson(const std::vector<std::string>& values) {
  json::array a;
  for (const auto& v : values) a.emplace_back(v);
  return json::serialize(a);
}

std::string StringMapToJson(const std::map<std::string, std::string>& values) {
  json::object o;
  for (const auto& [k, v] : values) o[k] = v;
  return json::serialize(o);
}

std::string BoolMapToJson(const std::map<std::string, bool>& values) {
  json::object o;
  for (const auto& [k, v] : values) o[k] = v;
  return json::serialize(o);
}

Result<std::vector<std::string>> StringListFromJson(std::string_view text) {
  if (text.empty() || text == "[]") return std::vector<std::string>{};
  CENTRIC_ASSIGN_OR_RETURN(json::value v, ParseJson(text));
  if (!v.is_array()) return Error(Internal("corrupt JSON column: expected an array"));
  std::vector<std::string> out;
  for (const auto& e : v.get_array()) {
    if (!e.is_string()) return Error(Internal("corrupt JSON column: expected strings"));
    out.emplace_back(e.get_string());
  }
  return out;
}

Result<std::map<std::string, std::string>> StringMapFromJson(std::string_view text) {
  if (text.empty() || text == "{}") return std::map<std::string, std::string>{};
  CENTRIC_ASSIGN_OR_RETURN(json::value v, ParseJson(text));
  if (!v.is_object()) return Error(Internal("corrupt JSON column: expected an object"));
  std::map<std::string, std::string> out;
  for (const auto& [k, e] : v.get_object()) {
    if (!e.is_string()) return Error(Internal("corrupt JSON column: expected strings"));
    out.emplace(std::string(k), std::string(e.get_string()));
  }
  return out;
}

Result<std::map<std::string, bool>> BoolMapFromJson(std::string_view text) {
  if (text.empty() || text == "{}") return std::map<std::string, bool>{};
  CENTRIC_ASSIGN_OR_RETURN(json::value v, ParseJson(text));
  if (!v.is_object()) return Error(Internal("corrupt JSON column: expected an object"));
  std::map<std::string, bool> out;
  for (const auto& [k, e] : v.get_object()) {
    if (!e.is_bool()) return Error(Internal("corrupt JSON column: expected booleans"));
    out.emplace(std::string(k), e.get_bool());
  }
  return out;
}

std::string EncodeIdCursor(int64_t last_id) { return "i" + std::to_string(last_id); }

Result<int64_t> DecodeIdCursor(std::string_view cursor) {
  if (cursor.empty()) return 0;
  int64_t id = 0;
  if (cursor[0] != 'i' || !ParseInt(cursor.substr(1), id) || id < 0) return Error(BadCursor());
  return id;
}

std::string EncodeSortCursor(int64_t last_id, std::string_view key) {
  return "k" + std::to_string(last_id) + ":" + std::string(key);
}

Result<SortPosition> DecodeSortCursor(std::string_view cursor) {
  SortPosition p;
  const size_t colon = cursor.find(':');
  if (cursor.size() < 3 || cursor[0] != 'k' || colon == std::string_view::npos ||
      !ParseInt(cursor.substr(1, colon - 1), p.id) || p.id < 0) {
    return Error(BadCursor());
  }
  p.key = std::string(cursor.substr(colon + 1));
  return p;
}

std::string EncodeTimelineCursor(const TimelinePosition& p) {
  return "t" + std::to_string(p.at) + "." + std::to_string(p.rank) + "." + std::to_string(p.id);
}

Result<TimelinePosition> DecodeTimelineCursor(std::string_view cursor) {
  if (cursor.size() < 2 || cursor[0] != 't') return Error(BadCursor());
  cursor.remove_prefix(1);
  auto dot1 = cursor.find('.');
  auto dot2 = dot1 == std::string_view::npos ? dot1 : cursor.find('.', dot1 + 1);
  if (dot2 == std::string_view::npos) return Error(BadCursor());
  TimelinePosition p;
  int64_t rank = 0;
  if (!ParseInt(cursor.substr(0, dot1), p.at) ||
      !ParseInt(cursor.substr(dot1 + 1, dot2 - dot1 - 1), rank) ||
      !ParseInt(cursor.substr(dot2 + 1), p.id) || (rank != 0 && rank != 1)) {
    return Error(BadCursor());
  }
  p.rank = static_cast<int>(rank);
  return p;
}

int ClampLimit(int limit) {
  if (limit < 1) return 1;
  if (limit > kMaxPageSize) return kMaxPageSize;
  return limit;
}

std::vector<std::string> SearchTerms(std::string_view search) {
  std::vector<std::string> terms;
  std::string current;
  for (char c : search) {
    auto u = static_cast<unsigned char>(c);
    bool keep =
        u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
    if (keep) {
      current.push_back(u >= 'A' && u <= 'Z' ? static_cast<char>(u - 'A' + 'a') : c);
    } else if (!current.empty()) {
      terms.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) terms.push_back(std::move(current));
  return terms;
}

std::string NormalizeEmail(std::string_view email) {
  while (!email.empty() && (email.front() == ' ' || email.front() == '\t')) email.remove_prefix(1);
  while (!email.empty() && (email.back() == ' ' || email.back() == '\t')) email.remove_suffix(1);
  std::string out(email);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace centric::store::internal
