// SPDX-License-Identifier: Apache-2.0
// Instants in UTC and their text forms. Centric stores every time as UTC seconds; a time read
// without an offset is taken as UTC.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace centric {

using Timestamp = std::chrono::sys_seconds;

inline int64_t ToUnixSeconds(Timestamp t) { return t.time_since_epoch().count(); }
inline Timestamp FromUnixSeconds(int64_t s) { return Timestamp(std::chrono::seconds(s)); }

// Returns `t` as ISO 8601 UTC, e.g. "2010-12-01T08:26:00Z".
std::string FormatIso8601(Timestamp t);

// Parses ISO 8601: a date ("2010-12-01"), or a date and time with optional seconds, fraction
// (dropped) and offset ("2010-12-01T08:26", "2010-12-01 08:26:00Z", "...+01:00").
// Returns InvalidArgument naming what was wrong.
Result<Timestamp> ParseIso8601(std::string_view text);

// A parser for one strftime-style format, compiled once and reused for every row.
// Supported: %Y %y (69-99 → 19xx) %m %d %e %H %I %M %S %p %b %B (English month names)
// %z (+hhmm, +hh:mm, Z) %F (%Y-%m-%d) %T (%H:%M:%S) %R (%H:%M) %%.
// Numeric fields accept one digit or more (so "%m/%d/%Y %H:%M" reads "12/1/2010 8:26").
// Thread-safe after construction.
class DateFormat {
 public:
  // Returns InvalidArgument for an unknown directive.
  static Result<DateFormat> Compile(std::string_view format);
  // The default: ISO 8601.
  static DateFormat Iso8601();

  Result<Timestamp> Parse(std::string_view text) const;
  const std::string& format() const { return format_; }

 private:
  std::string format_;
  bool iso_ = true;
};

// Whether `year-month-day` is a real calendar date.
bool IsValidDate(int year, int month, int day);

}  // namespace centric
