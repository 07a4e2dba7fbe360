// SPDX-License-Identifier: Apache-2.0
#include "text/output.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

namespace centric::text {

Output::Output(std::FILE* file, bool owns, std::string path, std::string* text)
    : file_(file), owns_(owns), path_(std::move(path)), text_(text) {
  buffer_.reserve(kFlushBytes + 4096);
}

Output::~Output() {
  (void)Flush();
  if (owns_ && file_ != nullptr) std::fclose(file_);
}

Result<std::unique_ptr<Output>> Output::Open(const std::string& path) {
  if (path == "-")
    return std::unique_ptr<Output>(new Output(stdout, false, "standard output", nullptr));
  std::FILE* file = std::fopen(path.c_str(), "wb");
  if (file == nullptr) {
    return Error(Unavailable(fmt::format("cannot create {}: {}", path, std::strerror(errno))));
  }
  return std::unique_ptr<Output>(new Output(file, true, path, nullptr));
}

std::unique_ptr<Output> Output::ToString(std::string* text) {
  return std::unique_ptr<Output>(new Output(nullptr, false, "string", text));
}

Status Output::Flush() {
  if (buffer_.empty() || !error_.ok()) {
    buffer_.clear();
    return error_;
  }
  if (text_ != nullptr) {
    text_->append(buffer_);
  } else if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size() ||
             std::fflush(file_) != 0) {
    error_ = Unavailable(fmt::format("cannot write {}: {}", path_, std::strerror(errno)));
  }
  buffer_.clear();
  return error_;
}

Status Output::Close() {
  Status s = Flush();
  if (owns_ && file_ != nullptr) {
    if (std::fclose(file_) != 0 && s.ok()) {
      s = Unavailable(fmt::format("cannot write {}: {}", path_, std::strerror(errno)));
    }
    file_ = nullptr;
    owns_ = false;
  }
  return s;
}

}  // namespace centric::text
