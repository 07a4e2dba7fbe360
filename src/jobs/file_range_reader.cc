// SPDX-License-Identifier: Apache-2.0
#include "jobs/file_range_reader.h"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace centric::jobs {
namespace internal {

Result<size_t> ReadSome(int fd, char* into, size_t bytes, size_t offset) {
  while (true) {
    ssize_t got = ::pread(fd, into, bytes, static_cast<off_t>(offset));
    if (got >= 0) return static_cast<size_t>(got);
    if (errno != EINTR) {
      return Error(Unavailable(fmt::format("cannot read the file: {}", std::strerror(errno))));
    }
  }
}

}  // namespace internal

FileRangeReader::FileRangeReader(int fd, size_t begin, size_t end, size_t max_line_bytes,
                                 size_t buffer_bytes)
    : fd_(fd), next_(begin), end_(end), max_line_bytes_(max_line_bytes) {
  capacity_ = std::max<size_t>(1, std::min(buffer_bytes, end > begin ? end - begin : 0));
  buffer_.resize(capacity_ + kPadding);
}

Result<std::string_view> FileRangeReader::NextBlock() {
  // Keep the unfinished line of the previous block at the front.
  if (consumed_ > 0) {
    std::memmove(buffer_.data(), buffer_.data() + consumed_, carried_);
    consumed_ = 0;
  }
  while (true) {
    if (next_ >= end_) {
      // The range's last line needs no newline.
      size_t rest = carried_;
      carried_ = 0;
      consumed_ = 0;
      return std::string_view(buffer_.data(), rest);
    }
    if (carried_ == capacity_) {
      if (capacity_ > max_line_bytes_) {
        return Error(ResourceExhausted(
            fmt::format("a line is longer than {} bytes", max_line_bytes_)));
      }
      capacity_ *= 2;
      buffer_.resize(capacity_ + kPadding);
    }
    size_t room = std::min(capacity_ - carried_, end_ - next_);
    CENTRIC_ASSIGN_OR_RETURN(size_t got, internal::ReadSome(fd_, buffer_.data() + carried_, room, next_));
    if (got == 0) {
      end_ = next_;  // the file shrank under us
      continue;
    }
    next_ += got;
    size_t filled = carried_ + got;
    const void* last_newline = ::memrchr(buffer_.data() + carried_, '\n', got);
    if (!last_newline) {
      carried_ = filled;  // one line longer than what we have: read on
      continue;
    }
    size_t block = static_cast<size_t>(static_cast<const char*>(last_newline) - buffer_.data()) + 1;
    carried_ = filled - block;
    consumed_ = block;
    return std::string_view(buffer_.data(), block);
  }
}

Result<size_t> NextLineStart(int fd, size_t pos, size_t size) {
  if (pos == 0) return size_t{0};
  char window[4096];
  for (size_t at = pos - 1; at < size;) {
    CENTRIC_ASSIGN_OR_RETURN(size_t got, internal::ReadSome(fd, window, std::min(sizeof window, size - at), at));
    if (got == 0) break;
    const void* nl = std::memchr(window, '\n', got);
    if (nl) return at + static_cast<size_t>(static_cast<const char*>(nl) - window) + 1;
    at += got;
  }
  return size;
}

}  // namespace centric::jobs
