// SPDX-License-Identifier: Apache-2.0
// UTF-8 checks for text arriving from files and requests.
#pragma once

#include <string_view>

namespace centric {

// Whether `text` is well-formed UTF-8 (no overlong forms, surrogates or code points past
// U+10FFFF).
bool IsValidUtf8(std::string_view text);

}  // namespace centric
