// SPDX-License-Identifier: Apache-2.0
#include "core/money.h"

#include <cstdlib>

#include <fmt/format.h>

namespace centric {
namespace {

// 128-bit intermediates keep quantity * price exact before the one rounding.
__extension__ typedef __int128 Int128;

constexpr int64_t kPow10[] = {1,
                              10,
                              100,
                              1000,
                              10000,
                              100000,
                              1000000,
                              10000000,
                              100000000,
                              1000000000,
                              10000000000,
                              100000000000,
                              1000000000000,
                              10000000000000,
                              100000000000000,
                              1000000000000000,
                              10000000000000000,
                              100000000000000000,
                              1000000000000000000};

// Divides by 10^digits rounding half away from zero.
Int128 RoundDiv(Int128 value, int digits) {
  Int128 divisor = 1;
  for (int i = 0; i < digits; ++i) divisor *= 10;
  Int128 q = value / divisor;
  Int128 r = value % divisor;
  if (r < 0) r = -r;
  if (2 * r >= divisor) q += value < 0 ? -1 : 1;
  return q;
}

Result<int64_t> Narrow(Int128 v) {
  if (v > INT64_MAX || v < INT64_MIN) return Error(ResourceExhausted("amount too large"));
  return static_cast<int64_t>(v);
}

Result<int64_t> Rescale(Int128 value, int scale, int exponent) {
  if (scale > exponent) return Narrow(RoundDiv(value, scale - exponent));
  for (int i = scale; i < exponent; ++i) {
    value *= 10;
    if (value > INT64_MAX || value < INT64_MIN) return Error(ResourceExhausted("amount too large"));
  }
  return Narrow(value);
}

}  // namespace

int CurrencyExponent(std::string_view c) {
  // ISO 4217 currencies whose minor unit is not 1/100.
  static constexpr std::string_view kZero[] = {"BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF",
                                               "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV",
                                               "XAF", "XOF", "XPF"};
  static constexpr std::string_view kThree[] = {"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"};
  for (auto z : kZero) {
    if (c == z) return 0;
  }
  for (auto t : kThree) {
    if (c == t) return 3;
  }
  return 2;
}

bool IsCurrencyCode(std::string_view code) {
  if (code.size() != 3) return false;
  for (char ch : code) {
    if (ch < 'A' || ch > 'Z') return false;
  }
  return true;
}

Result<Decimal> ParseDecimal(std::string_view text) {
  if (text.empty()) return Error(InvalidArgument("empty number"));
  size_t pos = 0;
  bool negative = false;
  if (text[0] == '-' || text[0] == '+') {
    negative = text[0] == '-';
    ++pos;
  }
  Decimal d;
  int digits = 0;
  bool seen_point = false;
  bool seen_digit = false;
  for (; pos < text.size(); ++pos) {
    char c = text[pos];
    if (c == '.' && !seen_point) {
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') {
      return Error(InvalidArgument(fmt::format("'{}' is not a number", text)));
    }
    seen_digit = true;
    if (d.mantissa == 0 && c == '0' && !seen_point) continue;
    if (++digits > 18) return Error(InvalidArgument(fmt::format("'{}' has too many digits", text)));
    d.mantissa = d.mantissa * 10 + (c - '0');
    if (seen_point) ++d.scale;
  }
  if (!seen_digit) return Error(InvalidArgument(fmt::format("'{}' is not a number", text)));
  if (negative) d.mantissa = -d.mantissa;
  return d;
}

Result<int64_t> ToMinorUnits(Decimal value, int exponent) {
  return Rescale(value.mantissa, value.scale, exponent);
}

Result<int64_t> MultiplyToMinorUnits(Decimal value, int64_t quantity, int exponent) {
  return Rescale(static_cast<Int128>(value.mantissa) * quantity, value.scale, exponent);
}

std::string FormatMinorUnits(int64_t minor, int exponent) {
  if (exponent == 0) return std::to_string(minor);
  int64_t unit = kPow10[exponent];
  uint64_t abs = minor < 0 ? 0 - static_cast<uint64_t>(minor) : static_cast<uint64_t>(minor);
  return fmt::format("{}{}.{:0{}}", minor < 0 ? "-" : "", abs / unit, abs % unit, exponent);
}

}  // namespace centric
