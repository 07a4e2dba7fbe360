// SPDX-License-Identifier: Apache-2.0
// The parser scans a record without touching the buffer, so when the record runs past the
// bytes read so far it can simply be parsed again after the next chunk arrives. Only a
// complete record is unescaped in place ("" -> ", which never lengthens a field).
#include "text/csv_reader.h"

#include <algorithm>
#include <cstring>

#include "text/utf8.h"

namespace centric::text {

std::string_view RecordProblemText(RecordProblem problem) {
  switch (problem) {
    case RecordProblem::kNone:
      return "";
    case RecordProblem::kFieldTooLong:
      return "field longer than 1 MiB (1048576 bytes)";
    case RecordProblem::kRecordTooLong:
      return "record longer than 8 MiB (8388608 bytes)";
    case RecordProblem::kUnterminatedQuote:
      return "quoted field not closed before the end of the file";
    case RecordProblem::kTextAfterQuote:
      return "text after the closing quote of a quoted field";
    case RecordProblem::kInvalidUtf8:
      return "invalid UTF-8";
  }
  return "";
}

CsvReader::CsvReader(std::unique_ptr<InputBuffer> input, Options options)
    : input_(std::move(input)), options_(options) {}

CsvReader::Scan CsvReader::Parse(size_t& consumed, int64_t& newlines, size_t& open_field_begin,
                                 int64_t& newlines_before_open_field) {
  const char* const base = input_->data();
  const char* const end = base + input_->size();
  const char* p = base;
  const bool eof = input_->eof();
  const char delim = options_.delimiter;
  spans_.clear();
  problem_ = RecordProblem::kNone;
  problem_field_ = -1;
  newlines = 0;
  auto set_problem = [this](RecordProblem problem, size_t field) {
    if (problem_ == RecordProblem::kNone) {
      problem_ = problem;
      problem_field_ = static_cast<int>(field);
    }
  };
  while (true) {
    open_field_begin = static_cast<size_t>(p - base);
    newlines_before_open_field = newlines;
    if (p < end && *p == '"') {
      const char* content = ++p;
      bool unescape = false;
      while (true) {
        const char* q = static_cast<const char*>(std::memchr(p, '"', static_cast<size_t>(end - p)));
        const char* stop = q ? q : end;
        newlines += std::count(p, stop, '\n');
        if (q == nullptr) {
          if (!eof) return Scan::kNeedMore;
          set_problem(RecordProblem::kUnterminatedQuote, spans_.size());
          spans_.push_back(
              {static_cast<size_t>(content - base), static_cast<size_t>(end - content), unescape});
          consumed = static_cast<size_t>(end - base);
          return Scan::kComplete;
        }
        // The byte after a quote says whether it is escaped or closing.
        if (q + 1 == end && !eof) return Scan::kNeedMore;
        if (q + 1 < end && q[1] == '"') {
          unescape = true;
          p = q + 2;
          continue;
        }
        spans_.push_back(
            {static_cast<size_t>(content - base), static_cast<size_t>(q - content), unescape});
        p = q + 1;
        break;
      }
      if (p == end) {
        consumed = static_cast<size_t>(end - base);
        return Scan::kComplete;
      }
      if (*p == delim) {
        ++p;
        continue;
      }
      if (*p == '\n') {
        ++newlines;
        consumed = static_cast<size_t>(p + 1 - base);
        return Scan::kComplete;
      }
      if (*p == '\r') {
        if (p + 1 == end) {
          if (!eof) return Scan::kNeedMore;
          consumed = static_cast<size_t>(end - base);
          return Scan::kComplete;
        }
        if (p[1] == '\n') {
          ++newlines;
          consumed = static_cast<size_t>(p + 2 - base);
          return Scan::kComplete;
        }
      }
      set_problem(RecordProblem::kTextAfterQuote, spans_.size() - 1);
      while (p < end && *p != delim && *p != '\n') ++p;
      if (p == end) {
        if (!eof) return Scan::kNeedMore;
        consumed = static_cast<size_t>(end - base);
        return Scan::kComplete;
      }
      if (*p == delim) {
        ++p;
        continue;
      }
      ++newlines;
      consumed = static_cast<size_t>(p + 1 - base);
      return Scan::kComplete;
    }
    // Unquoted: a quote inside is taken literally (5" PIPE), as spreadsheets write it.
    const char* q = p;
    while (q < end && *q != delim && *q != '\n') ++q;
    if (q < end && *q == delim) {
      spans_.push_back({static_cast<size_t>(p - base), static_cast<size_t>(q - p), false});
      p = q + 1;
      continue;
    }
    if (q == end && !eof) return Scan::kNeedMore;
    const char* field_end = q;
    if (field_end > p && field_end[-1] == '\r') --field_end;
    spans_.push_back({static_cast<size_t>(p - base), static_cast<size_t>(field_end - p), false});
    if (q == end) {
      consumed = static_cast<size_t>(end - base);
    } else {
      ++newlines;
      consumed = static_cast<size_t>(q + 1 - base);
    }
    return Scan::kComplete;
  }
}

Status CsvReader::SkipRest(size_t field_begin, int64_t& newlines) {
  enum class State { kFieldStart, kUnquoted, kQuoted, kQuoteInQuoted };
  State state = State::kFieldStart;
  const char delim = options_.delimiter;
  input_->Consume(field_begin);
  while (true) {
    const char* p = input_->data();
    const size_t n = input_->size();
    for (size_t i = 0; i < n; ++i) {
      const char c = p[i];
      switch (state) {
        case State::kQuoted:
          if (c == '"')
            state = State::kQuoteInQuoted;
          else if (c == '\n')
            ++newlines;
          continue;
        case State::kFieldStart:
          if (c == '"') {
            state = State::kQuoted;
            continue;
          }
          break;
        case State::kQuoteInQuoted:
          if (c == '"') {
            state = State::kQuoted;
            continue;
          }
          break;
        case State::kUnquoted:
          break;
      }
      state = State::kUnquoted;
      if (c == '\n') {
        ++newlines;
        input_->Consume(i + 1);
        return Status::Ok();
      }
      if (c == delim) state = State::kFieldStart;
    }
    input_->Consume(n);
    CENTRIC_ASSIGN_OR_RETURN(bool more, input_->Fill());
    if (!more) return Status::Ok();
  }
}

void CsvReader::Finish(CsvRecord& record, char* data) {
  record.fields.resize(spans_.size());
  for (size_t i = 0; i < spans_.size(); ++i) {
    char* begin = data + spans_[i].begin;
    size_t size = spans_[i].size;
    if (spans_[i].unescape) {
      // Every quote inside a quoted field is doubled; keep one of each pair.
      char* w = begin;
      for (char* r = begin; r < begin + size; ++r) {
        *w++ = *r;
        if (*r == '"') ++r;
      }
      size = static_cast<size_t>(w - begin);
    }
    record.fields[i] = std::string_view(begin, size);
  }
  for (size_t i = 0; i < record.fields.size() && problem_ == RecordProblem::kNone; ++i) {
    if (record.fields[i].size() > options_.max_field_bytes) {
      problem_ = RecordProblem::kFieldTooLong;
      problem_field_ = static_cast<int>(i);
    }
  }
  if (problem_ == RecordProblem::kFieldTooLong) record.fields.clear();
  record.problem = problem_;
  record.problem_field = problem_field_;
}

Result<bool> CsvReader::Next(CsvRecord& record) {
  if (!started_) {
    started_ = true;
    CENTRIC_RETURN_IF_ERROR(input_->SkipByteOrderMark());
  }
  while (true) {
    if (input_->size() == 0) {
      if (input_->eof()) return false;
      CENTRIC_ASSIGN_OR_RETURN(bool more, input_->Fill());
      (void)more;
      continue;
    }
    size_t consumed = 0;
    int64_t newlines = 0;
    size_t open_begin = 0;
    int64_t newlines_before_open = 0;
    if (Parse(consumed, newlines, open_begin, newlines_before_open) == Scan::kNeedMore) {
      size_t open_bytes = input_->size() - open_begin;
      if (open_bytes > options_.max_field_bytes || input_->size() > options_.max_record_bytes) {
        record.line = line_;
        record.fields.clear();
        record.problem = open_bytes > options_.max_field_bytes ? RecordProblem::kFieldTooLong
                                                               : RecordProblem::kRecordTooLong;
        record.problem_field = static_cast<int>(spans_.size());
        int64_t skipped_newlines = newlines_before_open;
        CENTRIC_RETURN_IF_ERROR(SkipRest(open_begin, skipped_newlines));
        line_ += skipped_newlines;
        return true;
      }
      CENTRIC_ASSIGN_OR_RETURN(bool more, input_->Fill());
      (void)more;  // at the end of the input Parse takes the end as the record's end
      continue;
    }
    char* data = input_->data();
    record.line = line_;
    line_ += newlines;
    // A line ending alone (not a quoted empty field) is a blank line.
    bool blank = spans_.size() == 1 && spans_[0].size == 0 && data[0] != '"' &&
                 problem_ == RecordProblem::kNone;
    if (blank) {
      input_->Consume(consumed);
      continue;
    }
    if (problem_ == RecordProblem::kNone && !IsValidUtf8(std::string_view(data, consumed))) {
      Finish(record, data);
      for (size_t i = 0; i < record.fields.size(); ++i) {
        if (!IsValidUtf8(record.fields[i])) {
          record.problem = RecordProblem::kInvalidUtf8;
          record.problem_field = static_cast<int>(i);
          break;
        }
      }
    } else {
      Finish(record, data);
    }
    input_->Consume(consumed);
    return true;
  }
}

}  // namespace centric::text
