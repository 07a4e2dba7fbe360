// SPDX-License-Identifier: Apache-2.0
// Values of a short delimited list held in one string, such as the --map options'
// `customer=Customer ID,description="Item, ""long"" name"`. A value in double quotes is read as
// CsvReader reads a quoted field (a quote inside doubled), so it may hold the delimiter; a plain
// value ends at the delimiter. Blanks (spaces and tabs) around a value are dropped, since such
// lists are typed by hand. Thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "text/csv_reader.h"

namespace centric::text {

// Reads the value that starts at `pos` into `value` and leaves `pos` at the delimiter that
// ends it, or at the end of `text`. kUnterminatedQuote when a quoted value is not closed,
// kTextAfterQuote when more than blanks follow the closing quote; otherwise kNone.
RecordProblem ReadListValue(std::string_view text, size_t& pos, std::string& value,
                            char delimiter = ',');

}  // namespace centric::text
