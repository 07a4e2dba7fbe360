// SPDX-License-Identifier: Apache-2.0
// Reading the text of one field as a typed value, with the error reasons the importer reports
// ("'x' is not a whole number"). Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace centric::ingest {

// `text` without leading and trailing spaces and tabs.
std::string_view TrimSpaces(std::string_view text);

// "6", "-6", "+6", and "6.0" (spreadsheets write whole numbers so); InvalidArgument
// "'6.5' is not a whole number" otherwise.
Result<int64_t> ParseWholeNumber(std::string_view text);

// true/false, yes/no, 1/0 in any case; InvalidArgument
// "'x' is not one of true, false, yes, no, 1, 0" otherwise.
Result<bool> ParseFlag(std::string_view text);

// The ';'-separated items of a list field, trimmed, empty items dropped.
std::vector<std::string> SplitList(std::string_view text);

// A category path with its levels trimmed and empty levels dropped: " Food / Pizza/" ->
// "Food/Pizza".
std::string NormalizeCategory(std::string_view text);

}  // namespace centric::ingest
