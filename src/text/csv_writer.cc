// SPDX-License-Identifier: Apache-2.0
#include "text/csv_writer.h"

namespace centric::text {

void CsvWriter::Field(std::string_view value) {
  only_empty_ = first_ && value.empty();
  if (!first_) out_.Put(delimiter_);
  first_ = false;
  bool quote = false;
  for (char c : value) {
    if (c == delimiter_ || c == '"' || c == '\n' || c == '\r') {
      quote = true;
      break;
    }
  }
  if (!quote) {
    out_.Write(value);
    return;
  }
  out_.Put('"');
  for (char c : value) {
    if (c == '"') out_.Put('"');
    out_.Put(c);
  }
  out_.Put('"');
}

void CsvWriter::EndRecord() {
  // A lone empty field would read back as a blank line, which readers skip.
  if (only_empty_ && !first_) out_.Write("\"\"");
  out_.Write("\n");
  first_ = true;
}

void CsvWriter::Record(std::span<const std::string_view> fields) {
  for (auto f : fields) Field(f);
  EndRecord();
}

void CsvWriter::Record(std::span<const std::string> fields) {
  for (const auto& f : fields) Field(f);
  EndRecord();
}

}  // namespace centric::text
