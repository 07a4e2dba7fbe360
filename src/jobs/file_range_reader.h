// SPDX-License-Identifier: Apache-2.0
// Reads the lines that start in a byte range of a file, a block of whole lines at a time,
// through one reused buffer (pread). Parsing threads each read their own range of the same
// file this way: no mapping to fault in page by page, and the resident cost is the buffer.
// Not thread-safe; one reader per thread.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace centric::jobs {

class FileRangeReader {
 public:
  // `fd` stays owned by the caller and must outlive the reader. Lines longer than
  // `max_line_bytes` end the reading with ResourceExhausted. `buffer_bytes` is how much one
  // read asks for; 4 MiB keeps the per-read system call cost negligible.
  FileRangeReader(int fd, size_t begin, size_t end, size_t max_line_bytes,
                  size_t buffer_bytes = size_t{4} << 20);

  // The next block of whole lines, each ending in '\n' except perhaps the range's last;
  // an empty view at the end of the range. Unavailable when the file cannot be read.
  // kPadding bytes after the block can be read (their values are unspecified), so a parser
  // may load a fixed width at once near the block's end.
  Result<std::string_view> NextBlock();

  static constexpr size_t kPadding = 64;

 private:
  int fd_;
  size_t next_;  // file offset of the next read
  size_t end_;
  size_t max_line_bytes_;
  std::vector<char> buffer_;  // capacity_ + kPadding bytes
  size_t capacity_ = 0;
  size_t carried_ = 0;  // bytes of an unfinished line kept at the front of buffer_
  size_t consumed_ = 0;  // bytes of buffer_ handed out by the last block
};

// Reads [begin, end) of the file in blocks, for whole-file scans that need no line
// boundaries (counting lines). Calls `visit(block)` for each; Unavailable on a read error.
template <typename Visit>
Status ForEachBlock(int fd, size_t begin, size_t end, Visit&& visit);

// The file offset of the first line start at or after `pos` (0 stays 0): the byte after
// the next '\n' at or after pos - 1, or `size` when there is none.
Result<size_t> NextLineStart(int fd, size_t pos, size_t size);

namespace internal {
Result<size_t> ReadSome(int fd, char* into, size_t bytes, size_t offset);
}

template <typename Visit>
Status ForEachBlock(int fd, size_t begin, size_t end, Visit&& visit) {
  constexpr size_t kBlock = size_t{1} << 20;
  std::vector<char> buffer(kBlock);
  for (size_t pos = begin; pos < end;) {
    auto got = internal::ReadSome(fd, buffer.data(), std::min(kBlock, end - pos), pos);
    if (!got) return got.error();
    if (*got == 0) break;  // the file shrank under us: what is there is all there is
    visit(std::string_view(buffer.data(), *got));
    pos += *got;
  }
  return Status::Ok();
}

}  // namespace centric::jobs
