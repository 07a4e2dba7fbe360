// SPDX-License-Identifier: Apache-2.0
#include "api/query.h"

#include <fmt/format.h>

#include <charconv>
#include <cmath>

namespace centric::api {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Result<std::string> PercentDecode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '%') {
      int hi = i + 2 < text.size() ? HexValue(text[i + 1]) : -1;
      int lo = i + 2 < text.size() ? HexValue(text[i + 2]) : -1;
      if (hi < 0 || lo < 0) return Error(InvalidArgument("bad %-escape in request target"));
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

Result<Target> ParseTarget(std::string_view target) {
  if (target.empty() || target.front() != '/') {
    return Error(InvalidArgument("request target must start with '/'"));
  }
  Target out;
  size_t q = target.find('?');
  std::string_view path = target.substr(0, q);
  // Fragments are never sent by clients; a '#' here would be a client bug, so it is kept as is.
  CENTRIC_ASSIGN_OR_RETURN(out.path, PercentDecode(path, false));
  if (q == std::string_view::npos) return out;
  std::string_view query = target.substr(q + 1);
  while (!query.empty()) {
    size_t amp = query.find('&');
    std::string_view pair = query.substr(0, amp);
    query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    std::string_view name = pair.substr(0, eq);
    std::string_view value =
        eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
    CENTRIC_ASSIGN_OR_RETURN(std::string decoded_name, PercentDecode(name, true));
    CENTRIC_ASSIGN_OR_RETURN(std::string decoded_value, PercentDecode(value, true));
    out.query.emplace_back(std::move(decoded_name), std::move(decoded_value));
  }
  return out;
}

const std::string* QueryReader::Find(std::string_view name) {
  known_.push_back(name);
  const std::string* found = nullptr;
  for (const auto& [k, v] : params_) {
    if (k == name) found = &v;
  }
  return found;
}

void QueryReader::Fail(std::string_view name, std::string message) {
  if (status_.ok()) status_ = InvalidArgument(std::move(message), std::string(name));
}

std::string QueryReader::String(std::string_view name, std::string fallback) {
  const std::string* v = Find(name);
  return v ? *v : std::move(fallback);
}

std::optional<int64_t> QueryReader::OptionalInt(std::string_view name, int64_t min, int64_t max) {
  const std::string* v = Find(name);
  if (!v) return std::nullopt;
  int64_t value = 0;
  auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), value);
  if (ec != std::errc() || end != v->data() + v->size() || v->empty()) {
    Fail(name, "must be an integer");
    return std::nullopt;
  }
  if (value < min || value > max) {
    Fail(name, fmt::format("must be between {} and {}", min, max));
    return std::nullopt;
  }
  return value;
}

int64_t QueryReader::Int(std::string_view name, int64_t fallback, int64_t min, int64_t max) {
  return OptionalInt(name, min, max).value_or(fallback);
}

double QueryReader::Double(std::string_view name, double fallback, double min, double max) {
  const std::string* v = Find(name);
  if (!v) return fallback;
  double value = 0;
  auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), value);
  if (ec != std::errc() || end != v->data() + v->size() || !std::isfinite(value) || value < min ||
      value > max) {
    Fail(name, fmt::format("must be a number from {} to {}", min, max));
    return fallback;
  }
  return value;
}

std::optional<Timestamp> QueryReader::OptionalTime(std::string_view name) {
  const std::string* v = Find(name);
  if (!v) return std::nullopt;
  auto t = ParseIso8601(*v);
  if (!t) {
    Fail(name, t.error().message());
    return std::nullopt;
  }
  return *t;
}

Status QueryReader::Finish() const {
  if (!status_.ok()) return status_;
  for (const auto& [k, v] : params_) {
    bool known = false;
    for (auto n : known_) known = known || n == k;
    if (!known) return InvalidArgument("unknown query parameter", k);
  }
  return Status::Ok();
}

}  // namespace centric::api
