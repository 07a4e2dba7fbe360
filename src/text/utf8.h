// SPDX-License-Identifier: Apache-2.0
// UTF-8 validation for input text: every field stored is valid UTF-8, so exports, the API's
// JSON and PostgreSQL (which rejects invalid text) never meet broken bytes.
#pragma once

#include <string_view>

namespace centric::text {

// Whether `text` is well-formed UTF-8 (no overlong forms, no surrogates, at most U+10FFFF).
bool IsValidUtf8(std::string_view text);

// What spreadsheet programs put at the start of a UTF-8 file; readers skip it.
inline constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

}  // namespace centric::text
