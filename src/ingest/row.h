// SPDX-License-Identifier: Apache-2.0
// Row: one input record after mapping, as text per field slot, whatever the file format was;
// RowError: why a row was not imported. Plain values; the views in a Row point into the
// reader's buffer and are valid until the next record is read.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace centric::ingest {

struct RowError {
  int64_t line = 0;
  std::string column;  // the input column the problem is in; empty for the whole record
  std::string reason;
  bool operator==(const RowError&) const = default;
};

// "FILE:LINE: column: reason", or "FILE:LINE: reason" when no column is at fault.
std::string FormatRowError(std::string_view file, const RowError& error);

struct Row {
  int64_t line = 0;  // physical line where the record starts
  std::vector<std::string_view> values;  // by field slot; empty when absent
  // (index in Mapping::dynamic(), value) for open-ended fields with a column in this record.
  std::vector<std::pair<int, std::string_view>> dynamic;
  // Set when the record itself is unreadable (column count, encoding, size); values are
  // then meaningless.
  std::optional<RowError> error;
};

}  // namespace centric::ingest
