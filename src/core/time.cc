// SPDX-License-Identifier: Apache-2.0
// Hand-written rather than strptime (locale-dependent, no portable %z, slow per call) or
// std::chrono::parse (not in GCC 12): imports parse millions of dates, so the parser avoids
// allocation and locale look-ups.
#include "core/time.h"

#include <array>
#include <cctype>

#include <fmt/format.h>

namespace centric {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

Status BadDate(std::string_view text, std::string_view format, std::string_view why) {
  return InvalidArgument(fmt::format("'{}' does not match date format '{}': {}", text, format, why));
}

struct Fields {
  int year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  int offset_seconds = 0;
  int pm = -1;  // -1 none, 0 am, 1 pm
  bool twelve_hour = false;
};

// Reads 1..max_digits digits from text at pos.
bool ReadInt(std::string_view text, size_t& pos, int max_digits, int& out) {
  size_t start = pos;
  int value = 0;
  while (pos < text.size() && pos - start < static_cast<size_t>(max_digits) &&
         text[pos] >= '0' && text[pos] <= '9') {
    value = value * 10 + (text[pos] - '0');
    ++pos;
  }
  if (pos == start) return false;
  out = value;
  return true;
}

constexpr std::array<std::string_view, 12> kMonthNames = {
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december"};

bool ReadMonthName(std::string_view text, size_t& pos, int& month) {
  for (int m = 0; m < 12; ++m) {
    std::string_view full = kMonthNames[m];
    auto matches = [&](size_t n) {
      if (pos + n > text.size()) return false;
      for (size_t i = 0; i < n; ++i) {
        if (std::tolower(static_cast<unsigned char>(text[pos + i])) != full[i]) return false;
      }
      return true;
    };
    if (matches(full.size())) {
      pos += full.size();
      month = m + 1;
      return true;
    }
    if (matches(3)) {
      pos += 3;
      month = m + 1;
      return true;
    }
  }
  return false;
}

bool ReadOffset(std::string_view text, size_t& pos, int& offset_seconds) {
  if (pos < text.size() && (text[pos] == 'Z' || text[pos] == 'z')) {
    ++pos;
    offset_seconds = 0;
    return true;
  }
  if (pos >= text.size() || (text[pos] != '+' && text[pos] != '-')) return false;
  int sign = text[pos] == '-' ? -1 : 1;
  ++pos;
  int hh = 0, mm = 0;
  size_t before = pos;
  if (!ReadInt(text, pos, 2, hh) || pos - before != 2) return false;
  if (pos < text.size() && text[pos] == ':') ++pos;
  if (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) {
    before = pos;
    if (!ReadInt(text, pos, 2, mm) || pos - before != 2) return false;
  }
  if (hh > 23 || mm > 59) return false;
  offset_seconds = sign * (hh * 3600 + mm * 60);
  return true;
}

Result<Timestamp> Assemble(const Fields& f, std::string_view text, std::string_view format) {
  int hour = f.hour;
  if (f.twelve_hour) {
    if (hour < 1 || hour > 12) return Error(BadDate(text, format, "hour out of range 1-12"));
    if (f.pm == 1 && hour != 12) hour += 12;
    if (f.pm == 0 && hour == 12) hour = 0;
  }
  if (f.month < 1 || f.month > 12) return Error(BadDate(text, format, "month out of range"));
  if (!IsValidDate(f.year, f.month, f.day)) return Error(BadDate(text, format, "no such day"));
  if (hour > 23) return Error(BadDate(text, format, "hour out of range"));
  if (f.minute > 59) return Error(BadDate(text, format, "minute out of range"));
  if (f.second > 60) return Error(BadDate(text, format, "second out of range"));
  sys_days date = year_month_day(std::chrono::year(f.year), std::chrono::month(f.month),
                                 std::chrono::day(f.day));
  auto t = std::chrono::time_point_cast<std::chrono::seconds>(date) + std::chrono::hours(hour) +
           std::chrono::minutes(f.minute) + std::chrono::seconds(f.second) -
           std::chrono::seconds(f.offset_seconds);
  return t;
}

Result<Timestamp> ParseIsoImpl(std::string_view text) {
  constexpr std::string_view kIso = "ISO 8601";
  Fields f;
  size_t pos = 0;
  size_t start = pos;
  if (!ReadInt(text, pos, 4, f.year) || pos - start != 4) {
    return Error(BadDate(text, kIso, "expected a 4-digit year"));
  }
  if (pos >= text.size() || text[pos] != '-') return Error(BadDate(text, kIso, "expected '-'"));
  ++pos;
  if (!ReadInt(text, pos, 2, f.month)) return Error(BadDate(text, kIso, "expected a month"));
  if (pos >= text.size() || text[pos] != '-') return Error(BadDate(text, kIso, "expected '-'"));
  ++pos;
  if (!ReadInt(text, pos, 2, f.day)) return Error(BadDate(text, kIso, "expected a day"));
  if (pos < text.size() && (text[pos] == 'T' || text[pos] == 't' || text[pos] == ' ')) {
    ++pos;
    if (!ReadInt(text, pos, 2, f.hour)) return Error(BadDate(text, kIso, "expected an hour"));
    if (pos >= text.size() || text[pos] != ':') return Error(BadDate(text, kIso, "expected ':'"));
    ++pos;
    if (!ReadInt(text, pos, 2, f.minute)) return Error(BadDate(text, kIso, "expected minutes"));
    if (pos < text.size() && text[pos] == ':') {
      ++pos;
      if (!ReadInt(text, pos, 2, f.second)) return Error(BadDate(text, kIso, "expected seconds"));
      if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
        ++pos;
        while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) ++pos;
      }
    }
    if (pos < text.size() && !ReadOffset(text, pos, f.offset_seconds)) {
      return Error(BadDate(text, kIso, "bad UTC offset"));
    }
  }
  if (pos != text.size()) return Error(BadDate(text, kIso, "unexpected trailing text"));
  return Assemble(f, text, kIso);
}

}  // namespace

bool IsValidDate(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1) return false;
  return year_month_day(std::chrono::year(year), std::chrono::month(month),
                        std::chrono::day(day)).ok();
}

std::string FormatIso8601(Timestamp t) {
  sys_days date = std::chrono::floor<days>(t);
  year_month_day ymd(date);
  auto secs = (t - date).count();
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", static_cast<int>(ymd.year()),
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                     secs / 3600, (secs / 60) % 60, secs % 60);
}

Result<Timestamp> ParseIso8601(std::string_view text) { return ParseIsoImpl(text); }

Result<DateFormat> DateFormat::Compile(std::string_view format) {
  static constexpr std::string_view kKnown = "YymdeHIMSpbBhzFTR%";
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%') continue;
    if (i + 1 >= format.size()) {
      return Error(InvalidArgument(fmt::format("date format '{}' ends with a lone '%'", format),
                                   "date-format"));
    }
    if (kKnown.find(format[i + 1]) == std::string_view::npos) {
      return Error(InvalidArgument(
          fmt::format("date format '{}': unsupported directive '%{}'", format, format[i + 1]),
          "date-format"));
    }
    ++i;
  }
  DateFormat df;
  df.format_ = std::string(format);
  df.iso_ = false;
  return df;
}

DateFormat DateFormat::Iso8601() {
  DateFormat df;
  df.format_ = "ISO 8601";
  return df;
}

Result<Timestamp> DateFormat::Parse(std::string_view text) const {
  if (iso_) return ParseIsoImpl(text);
  std::string_view fmt_text = format_;
  Fields f;
  size_t pos = 0;
  auto fail = [&](std::string_view why) { return Error(BadDate(text, format_, why)); };
  for (size_t i = 0; i < fmt_text.size(); ++i) {
    char c = fmt_text[i];
    if (c != '%') {
      if (c == ' ') {
        // One space in the format matches any run of spaces (padding like "%e").
        if (pos >= text.size() || text[pos] != ' ') return fail("expected a space");
        while (pos < text.size() && text[pos] == ' ') ++pos;
        continue;
      }
      if (pos >= text.size() || text[pos] != c) return fail(fmt::format("expected '{}'", c));
      ++pos;
      continue;
    }
    char d = fmt_text[++i];
    if (d == 'e') {
      while (pos < text.size() && text[pos] == ' ') ++pos;  // %e is space-padded
    }
    switch (d) {
      case 'Y': {
        size_t before = pos;
        bool neg = pos < text.size() && text[pos] == '-';
        if (neg) ++pos;
        if (!ReadInt(text, pos, 4, f.year) || pos - before < (neg ? 2u : 1u)) return fail("expected a year");
        if (neg) f.year = -f.year;
        break;
      }
      case 'y': {
        int yy = 0;
        if (!ReadInt(text, pos, 2, yy)) return fail("expected a 2-digit year");
        f.year = yy < 69 ? 2000 + yy : 1900 + yy;
        break;
      }
      case 'm':
        if (!ReadInt(text, pos, 2, f.month)) return fail("expected a month");
        break;
      case 'd':
      case 'e':
        if (!ReadInt(text, pos, 2, f.day)) return fail("expected a day");
        break;
      case 'H':
        if (!ReadInt(text, pos, 2, f.hour)) return fail("expected an hour");
        break;
      case 'I':
        if (!ReadInt(text, pos, 2, f.hour)) return fail("expected an hour");
        f.twelve_hour = true;
        break;
      case 'M':
        if (!ReadInt(text, pos, 2, f.minute)) return fail("expected minutes");
        break;
      case 'S':
        if (!ReadInt(text, pos, 2, f.second)) return fail("expected seconds");
        break;
      case 'p': {
        if (pos + 2 > text.size()) return fail("expected AM or PM");
        char a = static_cast<char>(std::toupper(static_cast<unsigned char>(text[pos])));
        char m = static_cast<char>(std::toupper(static_cast<unsigned char>(text[pos + 1])));
        if (m != 'M' || (a != 'A' && a != 'P')) return fail("expected AM or PM");
        f.pm = a == 'P' ? 1 : 0;
        pos += 2;
        break;
      }
      case 'b':
      case 'B':
      case 'h':
        if (!ReadMonthName(text, pos, f.month)) return fail("expected a month name");
        break;
      case 'z':
        if (!ReadOffset(text, pos, f.offset_seconds)) return fail("expected a UTC offset");
        break;
      case 'F':
        if (!ReadInt(text, pos, 4, f.year) || pos >= text.size() || text[pos++] != '-' ||
            !ReadInt(text, pos, 2, f.month) || pos >= text.size() || text[pos++] != '-' ||
            !ReadInt(text, pos, 2, f.day)) {
          return fail("expected YYYY-MM-DD");
        }
        break;
      case 'T':
      case 'R':
        if (!ReadInt(text, pos, 2, f.hour) || pos >= text.size() || text[pos++] != ':' ||
            !ReadInt(text, pos, 2, f.minute)) {
          return fail(d == 'T' ? "expected HH:MM:SS" : "expected HH:MM");
        }
        if (d == 'T' && (pos >= text.size() || text[pos++] != ':' ||
                         !ReadInt(text, pos, 2, f.second))) {
          return fail("expected HH:MM:SS");
        }
        break;
      case '%':
        if (pos >= text.size() || text[pos] != '%') return fail("expected '%'");
        ++pos;
        break;
      default:
        return fail("unsupported directive");
    }
  }
  if (pos != text.size()) return fail("unexpected trailing text");
  return Assemble(f, text, format_);
}

}  // namespace centric
