// SPDX-License-Identifier: Apache-2.0
// RowSource: records of a CSV or JSON Lines file turned into Rows through a Mapping, plus the
// original record for the rejects file. Streams; not thread-safe.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "ingest/mapping.h"
#include "ingest/row.h"
#include "text/input_buffer.h"

namespace centric::ingest {

enum class Format { kCsv, kJsonl };

class RowSource {
 public:
  virtual ~RowSource() = default;

  // The column names: the CSV header row, or the keys of the first JSON object.
  virtual const std::vector<std::string>& columns() const = 0;
  // Reads the next record into `row` through `mapping` (which JSON Lines extends with keys
  // first seen). Returns false at the end; Unavailable on a read error.
  virtual Result<bool> Next(Mapping& mapping, Row& row) = 0;
  // The header of a rejects file for this input, and the current record's part of a line of
  // it: the original fields (CSV) or the original line (JSON Lines).
  virtual std::vector<std::string> RejectColumns() const = 0;
  virtual std::vector<std::string_view> RejectFields() const = 0;
  virtual int64_t bytes_read() const = 0;
};

// Opens a source and reads its column names. InvalidArgument "FILE: empty file" when there
// is no header row (CSV) or no line (JSON Lines); for JSON Lines also when the first line is
// not a JSON object ("FILE:LINE: ...").
Result<std::unique_ptr<RowSource>> OpenCsvSource(std::unique_ptr<text::InputBuffer> input,
                                                 std::string file_name, char delimiter = ',');
Result<std::unique_ptr<RowSource>> OpenJsonlSource(std::unique_ptr<text::InputBuffer> input,
                                                   std::string file_name);

}  // namespace centric::ingest
