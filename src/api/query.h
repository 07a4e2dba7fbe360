// SPDX-License-Identifier: Apache-2.0
// Reading request targets: splitting "/path?a=1&b=2" into a decoded path and parameters, and
// reading typed query parameters with the same rules as the JSON reader (the first error wins,
// unknown names are rejected so a typo such as ?limt=5 is not silently ignored).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "api/request.h"
#include "core/result.h"
#include "core/time.h"

namespace centric::api {

struct Target {
  std::string path;
  Params query;
};

// Splits and percent-decodes `target` ('+' is a space in the query). InvalidArgument for a bad
// %-escape or a path not starting with '/'.
Result<Target> ParseTarget(std::string_view target);

// Decodes %XX escapes; with `plus_is_space`, '+' too. InvalidArgument on a bad escape.
Result<std::string> PercentDecode(std::string_view text, bool plus_is_space);

// Reads query parameters by name. Each getter records the name as known; Finish() returns the
// first error or rejects parameters nobody asked for. Errors are InvalidArgument naming the
// parameter.
class QueryReader {
 public:
  explicit QueryReader(const Params& params) : params_(params) {}

  // The last value of `name`, or `fallback` when absent.
  std::string String(std::string_view name, std::string fallback = {});
  // An integer in [min, max], or `fallback` when absent.
  int64_t Int(std::string_view name, int64_t fallback, int64_t min, int64_t max);
  std::optional<int64_t> OptionalInt(std::string_view name, int64_t min, int64_t max);
  // A finite number in [min, max], or `fallback` when absent.
  double Double(std::string_view name, double fallback, double min, double max);
  // An ISO 8601 date or time.
  std::optional<Timestamp> OptionalTime(std::string_view name);

  Status Finish() const;

 private:
  const std::string* Find(std::string_view name);
  void Fail(std::string_view name, std::string message);

  const Params& params_;
  std::vector<std::string_view> known_;
  Status status_;
};

}  // namespace centric::api
