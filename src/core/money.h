// SPDX-License-Identifier: Apache-2.0
// Money as integer minor units of an ISO 4217 currency; never floating point.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace centric {

// Number of minor-unit digits of an ISO 4217 currency code (2 unless listed otherwise,
// e.g. JPY 0, KWD 3).
int CurrencyExponent(std::string_view currency);

// Whether `code` looks like an ISO 4217 code: three upper-case ASCII letters.
bool IsCurrencyCode(std::string_view code);

// A decimal number read exactly from text: value = mantissa * 10^-scale.
struct Decimal {
  int64_t mantissa = 0;
  int scale = 0;
};

// Parses "12", "-3.5", "0.085", "+1e3" is rejected: plain decimal notation only, up to 18
// significant digits. Returns InvalidArgument naming the problem.
Result<Decimal> ParseDecimal(std::string_view text);

// Rounds `value` to `exponent` fraction digits, half away from zero, as integer units.
// Returns ResourceExhausted when the result does not fit in 64 bits.
Result<int64_t> ToMinorUnits(Decimal value, int exponent);

// value * quantity rounded to `exponent` digits, exact until the single rounding.
Result<int64_t> MultiplyToMinorUnits(Decimal value, int64_t quantity, int exponent);

// Formats minor units as a plain decimal string with the currency's exponent: 255 → "2.55".
std::string FormatMinorUnits(int64_t minor, int exponent);

}  // namespace centric
