// SPDX-License-Identifier: Apache-2.0
// JsonlReader: the lines of a JSON Lines file streamed from an InputBuffer, with their
// physical line numbers. Splits only; parsing the JSON is the caller's job. LF or CRLF,
// a UTF-8 byte-order mark at the start is skipped, blank lines are skipped, a line is capped
// at kMaxRecordBytes (longer ones are skipped and reported). Not thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

#include "core/result.h"
#include "text/csv_reader.h"
#include "text/input_buffer.h"

namespace centric::ingest {

struct JsonLine {
  int64_t line = 0;
  std::string_view text;  // without the line ending; valid until the next Next()
  text::RecordProblem problem = text::RecordProblem::kNone;  // kRecordTooLong or kInvalidUtf8
};

class JsonlReader {
 public:
  explicit JsonlReader(std::unique_ptr<text::InputBuffer> input,
                       size_t max_line_bytes = text::kMaxRecordBytes)
      : input_(std::move(input)), max_line_bytes_(max_line_bytes) {}

  // Reads the next non-blank line. Returns false at the end of the input; Unavailable on a
  // read error.
  Result<bool> Next(JsonLine& line);

  int64_t bytes_read() const { return input_->bytes_read(); }

 private:
  std::unique_ptr<text::InputBuffer> input_;
  size_t max_line_bytes_;
  int64_t line_ = 1;
  bool started_ = false;
  size_t pending_consume_ = 0;
};

}  // namespace centric::ingest
