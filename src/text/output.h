// SPDX-License-Identifier: Apache-2.0
// Output: a file, standard output or a string (an HTTP response body, a test's expectation)
// written through a 1 MiB buffer, so an export makes one system call per mebibyte rather than
// one per field. Not thread-safe.
#pragma once

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>

#include "core/result.h"

namespace centric::text {

class Output {
 public:
  // Creates or truncates `path` ("-" is standard output). Unavailable with the OS reason.
  static Result<std::unique_ptr<Output>> Open(const std::string& path);
  // Appends to `text` at each flush; the API's exports build their response bodies so.
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

}  // namespace centric::text
