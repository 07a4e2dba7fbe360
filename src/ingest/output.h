// SPDX-License-Identifier: Apache-2.0
// Output: a file or standard output written through a 1 MiB buffer, and CsvWriter, which
// writes RFC 4180 records to it (fields quoted only when they hold the delimiter, a quote or
// a line break; LF line endings). Not thread-safe.
#pragma once

#include <cstdio>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "core/result.h"

namespace centric::ingest {

class Output {
 public:
  // Creates or truncates `path` ("-" is standard output). Unavailable with the OS reason.
  static Result<std::unique_ptr<Output>> Open(const std::string& path);
  // Writes into `text`, for tests.
  static std::unique_ptr<Output> ToString(std::string* text);
  ~Output();
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  void Write(std::string_view bytes) {
    buffer_.append(bytes);
    if (buffer_.size() >= kFlushBytes) (void)Flush();
  }
  void Put(char c) { buffer_.push_back(c); }
  // Writes the buffer out; Unavailable on a write error (which later calls also report).
  Status Flush();
  // Flushes and closes the file; the first write error if there was one.
  Status Close();

 private:
  static constexpr size_t kFlushBytes = size_t{1} << 20;
  Output(std::FILE* file, bool owns, std::string path, std::string* text);

  std::FILE* file_ = nullptr;
  bool owns_ = false;
  std::string path_;
  std::string* text_ = nullptr;
  std::string buffer_;
  Status error_;
};

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

}  // namespace centric::ingest
