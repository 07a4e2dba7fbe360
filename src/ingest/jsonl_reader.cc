// SPDX-License-Identifier: Apache-2.0
#include "ingest/jsonl_reader.h"

#include <cstring>

#include "text/utf8.h"

namespace centric::ingest {
namespace {

bool IsBlank(std::string_view text) {
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\r') return false;
  }
  return true;
}

}  // namespace

Result<bool> JsonlReader::Next(JsonLine& line) {
  // The previous line stays readable until now, so consume it only here.
  input_->Consume(pending_consume_);
  pending_consume_ = 0;
  if (!started_) {
    started_ = true;
    CENTRIC_RETURN_IF_ERROR(input_->SkipByteOrderMark());
  }
  size_t scanned = 0;  // bytes already searched for '\n' in the current line
  while (true) {
    const char* data = input_->data();
    const size_t size = input_->size();
    if (size == 0 && input_->eof()) return false;
    const void* nl = size > scanned ? std::memchr(data + scanned, '\n', size - scanned) : nullptr;
    if (nl == nullptr && !input_->eof()) {
      if (size > max_line_bytes_) {
        // Drop the over-long line chunk by chunk.
        line.line = line_;
        line.text = {};
        line.problem = text::RecordProblem::kRecordTooLong;
        while (true) {
          input_->Consume(input_->size());
          CENTRIC_ASSIGN_OR_RETURN(bool more, input_->Fill());
          if (!more) break;
          const void* end = std::memchr(input_->data(), '\n', input_->size());
          if (end != nullptr) {
            input_->Consume(static_cast<const char*>(end) - input_->data() + 1);
            break;
          }
        }
        ++line_;
        return true;
      }
      scanned = size;
      CENTRIC_ASSIGN_OR_RETURN(bool more, input_->Fill());
      (void)more;
      continue;
    }
    size_t length = nl ? static_cast<size_t>(static_cast<const char*>(nl) - data) : size;
    size_t consumed = nl ? length + 1 : size;
    std::string_view text(data, length);
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    int64_t number = line_;
    ++line_;
    if (IsBlank(text)) {
      input_->Consume(consumed);
      scanned = 0;
      continue;
    }
    line.line = number;
    line.text = text;
    line.problem = text::RecordProblem::kNone;
    if (text.size() > max_line_bytes_) {
      line.problem = text::RecordProblem::kRecordTooLong;
      line.text = {};
    } else if (!text::IsValidUtf8(text)) {
      line.problem = text::RecordProblem::kInvalidUtf8;
    }
    pending_consume_ = consumed;
    return true;
  }
}

}  // namespace centric::ingest
