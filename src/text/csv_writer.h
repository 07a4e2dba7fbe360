// SPDX-License-Identifier: Apache-2.0
// CsvWriter: RFC 4180 records written to an Output. A field is quoted only when it holds the
// delimiter, a quote or a line break, so plain exports stay readable; line endings are LF.
// What it writes, CsvReader reads back field for field. Not thread-safe.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "text/output.h"

namespace centric::text {

class CsvWriter {
 public:
  explicit CsvWriter(Output& out, char delimiter = ',') : out_(out), delimiter_(delimiter) {}

  void Field(std::string_view value);
  void EndRecord();
  void Record(std::span<const std::string_view> fields);
  void Record(std::span<const std::string> fields);

 private:
  Output& out_;
  char delimiter_;
  bool first_ = true;
  bool only_empty_ = true;  // the record so far is one empty field
};

}  // namespace centric::text
