// SPDX-License-Identifier: Apache-2.0
// CsvReader: RFC 4180 records streamed from an InputBuffer. Quoted fields may hold the
// delimiter, doubled quotes and line breaks; records end in LF or CRLF, the last one may lack
// it; a UTF-8 byte-order mark at the start is skipped; blank lines are skipped. Fields are
// views into the read buffer (quoted fields are unescaped in place), so reading allocates
// nothing per field. A field is capped at kMaxFieldBytes and a record at kMaxRecordBytes:
// longer ones are skipped and reported, and memory stays bounded. Not thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "core/result.h"
#include "text/input_buffer.h"

namespace centric::text {

inline constexpr size_t kMaxFieldBytes = size_t{1} << 20;   // 1 MiB
inline constexpr size_t kMaxRecordBytes = size_t{8} << 20;  // 8 MiB

// What is wrong with a record the reader could delimit but not read cleanly.
enum class RecordProblem {
  kNone,
  kFieldTooLong,       // a field over the field cap; the record's fields are dropped
  kRecordTooLong,      // the record over the record cap; its fields are dropped
  kUnterminatedQuote,  // the input ends inside a quoted field
  kTextAfterQuote,     // a closing quote followed by something other than a delimiter
  kInvalidUtf8,
};

// The reason a problem is reported with, e.g. "field longer than 1 MiB (1048576 bytes)".
std::string_view RecordProblemText(RecordProblem problem);

struct CsvRecord {
  int64_t line = 0;  // physical line (1-based) of the file where the record starts
  std::vector<std::string_view> fields;  // valid until the next Next()
  RecordProblem problem = RecordProblem::kNone;
  int problem_field = -1;  // index of the field the problem is in, -1 when unknown
};

class CsvReader {
 public:
  struct Options {
    char delimiter = ',';
    size_t max_field_bytes = kMaxFieldBytes;
    size_t max_record_bytes = kMaxRecordBytes;
  };

  explicit CsvReader(std::unique_ptr<InputBuffer> input) : CsvReader(std::move(input), Options{}) {}
  CsvReader(std::unique_ptr<InputBuffer> input, Options options);

  // Reads the next record into `record`. Returns false at the end of the input; Unavailable
  // on a read error. A record with a problem is still returned, with `problem` set.
  Result<bool> Next(CsvRecord& record);

  int64_t bytes_read() const { return input_->bytes_read(); }

 private:
  enum class Scan { kComplete, kNeedMore };
  struct Span {
    size_t begin;
    size_t size;
    bool unescape;
  };
  // Parses one record from the front of the buffer without changing it.
  Scan Parse(size_t& consumed, int64_t& newlines, size_t& open_field_begin,
             int64_t& newlines_before_open_field);
  // Consumes the rest of a record whose field starting at `field_begin` is too long.
  Status SkipRest(size_t field_begin, int64_t& newlines);
  void Finish(CsvRecord& record, char* data);

  std::unique_ptr<InputBuffer> input_;
  Options options_;
  int64_t line_ = 1;
  bool started_ = false;
  std::vector<Span> spans_;
  RecordProblem problem_ = RecordProblem::kNone;
  int problem_field_ = -1;
  std::string_view drop_;
};

}  // namespace centric::text
