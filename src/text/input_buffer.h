// SPDX-License-Identifier: Apache-2.0
// InputBuffer: a file, standard input or (in tests) a string read in fixed-size chunks into
// one buffer that the readers parse in place. Memory stays bounded: the buffer grows only
// while a single record is longer than a chunk, and the readers cap records. Not thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "core/result.h"

namespace centric::text {

inline constexpr size_t kDefaultChunkBytes = size_t{1} << 20;

class InputBuffer {
 public:
  // Opens `path` ("-" is standard input). NotFound or Unavailable with the OS reason.
  static Result<std::unique_ptr<InputBuffer>> OpenFile(const std::string& path,
                                                       size_t chunk_bytes = kDefaultChunkBytes);
  // Serves `text`, `chunk_bytes` at a time, so tests can put chunk ends anywhere.
  static std::unique_ptr<InputBuffer> FromString(std::string text,
                                                 size_t chunk_bytes = kDefaultChunkBytes);
  ~InputBuffer();
  InputBuffer(const InputBuffer&) = delete;
  InputBuffer& operator=(const InputBuffer&) = delete;

  // The bytes read and not yet consumed. Readers may rewrite them in place.
  char* data() { return buffer_.get() + begin_; }
  size_t size() const { return end_ - begin_; }
  // True once the source has no more bytes; what size() holds is then all that is left.
  bool eof() const { return eof_; }
  void Consume(size_t n) { begin_ += n; }
  // Moves the unconsumed bytes to the front and appends up to one chunk; pointers into the
  // buffer are invalid afterwards. Returns false when nothing more could be read (eof() is
  // then true); Unavailable on a read error.
  Result<bool> Fill();
  // At the start of the input: consumes a UTF-8 byte-order mark if the input begins with one.
  // Unavailable on a read error.
  Status SkipByteOrderMark();
  // Bytes read from the source so far.
  int64_t bytes_read() const { return bytes_read_; }

 private:
  InputBuffer(int fd, bool owns_fd, std::string text, size_t chunk_bytes);
  Result<size_t> ReadSome(char* into, size_t n);

  int fd_ = -1;
  bool owns_fd_ = false;
  std::string text_;  // the source when fd_ < 0
  size_t text_pos_ = 0;
  size_t chunk_bytes_;
  std::unique_ptr<char[]> buffer_;
  size_t capacity_ = 0;
  size_t begin_ = 0;
  size_t end_ = 0;
  bool eof_ = false;
  int64_t bytes_read_ = 0;
  std::string path_;
};

}  // namespace centric::text
