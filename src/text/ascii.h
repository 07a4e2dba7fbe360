// SPDX-License-Identifier: Apache-2.0
// Case-insensitive matching of the names files carry (column headers, flags, file
// extensions). ASCII only and independent of the locale, so a header matches the same way on
// every machine; UTF-8 bytes must be equal. Thread-safe.
#pragma once

#include <string_view>

namespace centric::text {

bool EqualsIgnoreCase(std::string_view a, std::string_view b);

}  // namespace centric::text
