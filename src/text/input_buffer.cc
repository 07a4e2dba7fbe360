// SPDX-License-Identifier: Apache-2.0
#include "text/input_buffer.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "text/utf8.h"

namespace centric::text {

InputBuffer::InputBuffer(int fd, bool owns_fd, std::string text, size_t chunk_bytes)
    : fd_(fd),
      owns_fd_(owns_fd),
      text_(std::move(text)),
      chunk_bytes_(chunk_bytes ? chunk_bytes : 1) {}

InputBuffer::~InputBuffer() {
  if (owns_fd_ && fd_ >= 0) ::close(fd_);
}

Result<std::unique_ptr<InputBuffer>> InputBuffer::OpenFile(const std::string& path,
                                                           size_t chunk_bytes) {
  if (path == "-") {
    return std::unique_ptr<InputBuffer>(new InputBuffer(STDIN_FILENO, false, {}, chunk_bytes));
  }
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    std::string reason = std::strerror(errno);
    if (errno == ENOENT) return Error(NotFound(fmt::format("{}: {}", path, reason)));
    return Error(Unavailable(fmt::format("{}: {}", path, reason)));
  }
  // Every reader goes front to back once; tell the kernel so it reads ahead.
  (void)::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
  auto input = std::unique_ptr<InputBuffer>(new InputBuffer(fd, true, {}, chunk_bytes));
  input->path_ = path;
  return input;
}

std::unique_ptr<InputBuffer> InputBuffer::FromString(std::string text, size_t chunk_bytes) {
  return std::unique_ptr<InputBuffer>(new InputBuffer(-1, false, std::move(text), chunk_bytes));
}

Result<size_t> InputBuffer::ReadSome(char* into, size_t n) {
  if (fd_ < 0) {
    size_t take = std::min(n, text_.size() - text_pos_);
    std::memcpy(into, text_.data() + text_pos_, take);
    text_pos_ += take;
    return take;
  }
  while (true) {
    ssize_t got = ::read(fd_, into, n);
    if (got >= 0) return static_cast<size_t>(got);
    if (errno == EINTR) continue;
    return Error(Unavailable(
        fmt::format("cannot read {}: {}", path_.empty() ? "input" : path_, std::strerror(errno))));
  }
}

Result<bool> InputBuffer::Fill() {
  if (eof_) return false;
  size_t pending = end_ - begin_;
  if (begin_ > 0) {
    std::memmove(buffer_.get(), buffer_.get() + begin_, pending);
    begin_ = 0;
    end_ = pending;
  }
  if (capacity_ - end_ < chunk_bytes_) {
    size_t capacity = std::max(capacity_ * 2, end_ + chunk_bytes_);
    auto bigger = std::make_unique_for_overwrite<char[]>(capacity);
    if (end_ > 0) std::memcpy(bigger.get(), buffer_.get(), end_);
    buffer_ = std::move(bigger);
    capacity_ = capacity;
  }
  // A pipe returns short reads; keep reading until a whole chunk is in or the input ends.
  size_t want = chunk_bytes_;
  size_t got_total = 0;
  while (got_total < want) {
    CENTRIC_ASSIGN_OR_RETURN(size_t got, ReadSome(buffer_.get() + end_, want - got_total));
    if (got == 0) {
      eof_ = true;
      break;
    }
    end_ += got;
    got_total += got;
    bytes_read_ += static_cast<int64_t>(got);
  }
  return got_total > 0;
}

Status InputBuffer::SkipByteOrderMark() {
  while (size() < kByteOrderMark.size() && !eof()) {
    CENTRIC_ASSIGN_OR_RETURN(bool more, Fill());
    if (!more) break;
  }
  if (std::string_view(data(), size()).starts_with(kByteOrderMark)) Consume(kByteOrderMark.size());
  return Status::Ok();
}

}  // namespace centric::text
