// SPDX-License-Identifier: Apache-2.0
#include "jobs/plain_csv_loader.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <limits>
#include <thread>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/money.h"
#include "jobs/file_range_reader.h"
#include "jobs/key_runs.h"
#include "jobs/plain_fields.h"
#include "text/ascii.h"
#include "text/csv_reader.h"
#include "text/utf8.h"

namespace centric::jobs {
namespace {

constexpr std::array<std::string_view, 3> kFields = {"customer", "date", "amount"};

// A regular, non-empty file open for reading; closed on destruction.
class OpenFile {
 public:
  static std::optional<OpenFile> Open(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0) {
      ::close(fd);
      return std::nullopt;
    }
    (void)::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
    return OpenFile(fd, static_cast<size_t>(st.st_size));
  }
  OpenFile(OpenFile&& other) noexcept : fd_(std::exchange(other.fd_, -1)), size_(other.size_) {}
  OpenFile& operator=(OpenFile&&) = delete;
  ~OpenFile() {
    if (fd_ >= 0) ::close(fd_);
  }
  int fd() const { return fd_; }
  size_t size() const { return size_; }

 private:
  OpenFile(int fd, size_t size) : fd_(fd), size_(size) {}
  int fd_;
  size_t size_;
};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// One thread's share of the file: the lines that start in [begin, end).
struct Part {
  size_t begin = 0, end = 0;
  int64_t newlines = 0;  // in [begin, end), for the line numbers of later parts
  size_t first_row = 0;  // where this part writes in the columns (its first line's index)
  size_t rows = 0;       // rows written
  bool has_quote = false;
  char last_byte = '\n';    // of [begin, end)
  bool unreadable = false;  // a read failed or a line is too long: the streaming reader decides
  KeyRuns runs;             // the customer column holds run indexes until the keys are interned
  int32_t first_day = std::numeric_limits<int32_t>::max();
  int32_t last_day = std::numeric_limits<int32_t>::min();
  int64_t error_count = 0;
  std::vector<std::pair<int64_t, std::string>> errors;  // (line within the part, message)
};

void CountLines(const OpenFile& file, Part& part) {
  int64_t n = 0;
  bool quote = false;
  Status read = ForEachBlock(file.fd(), part.begin, part.end, [&](std::string_view block) {
    // Branch-free so the compiler vectorises it.
    int64_t newlines = 0;
    unsigned char quotes = 0;
    for (char c : block) {
      newlines += c == '\n';
      quotes |= c == '"';
    }
    n += newlines;
    quote = quote || quotes;
    if (!block.empty()) part.last_byte = block.back();
  });
  part.newlines = n;
  part.has_quote = quote;
  part.unreadable = !read.ok();
}

struct ScanContext {
  const OpenFile& file;
  const PlainCsvPlan& plan;
  const std::vector<std::string>& header;
  std::array<int, 3> column;
  analytics::clv::Transactions& out;
};

void AddError(Part& part, int64_t local_line, std::string message) {
  if (++part.error_count <= static_cast<int64_t>(kMaxListedRowErrors)) {
    part.errors.emplace_back(local_line, std::move(message));
  }
}

// One line as the loader needs it: its text, how many fields it has, whether any byte is
// outside ASCII, and the customer, date and amount fields.
struct SplitLine {
  std::string_view text;  // without the line end
  size_t fields = 0;
  bool non_ascii = false;
  std::array<std::string_view, 3> value;
};

// Splits the line at `pos` by scanning it byte by byte; returns where the next line starts.
const char* SplitLineSlowly(const char* pos, const char* block_end,
                            const std::array<size_t, 3>& column, SplitLine& out) {
  const char* nl =
      static_cast<const char*>(std::memchr(pos, '\n', static_cast<size_t>(block_end - pos)));
  const char* line_end = nl ? nl : block_end;
  out.text = std::string_view(pos, static_cast<size_t>(line_end - pos));
  if (!out.text.empty() && out.text.back() == '\r') out.text.remove_suffix(1);
  unsigned char high = 0;
  size_t fields = 0;
  const char* field_start = out.text.data();
  for (const char *c = out.text.data(), *stop = c + out.text.size();; ++c) {
    if (c == stop || *c == ',') {
      std::string_view field(field_start, static_cast<size_t>(c - field_start));
      for (size_t f = 0; f < 3; ++f) {
        if (column[f] == fields) out.value[f] = field;
      }
      ++fields;
      if (c == stop) break;
      field_start = c + 1;
    } else {
      high |= static_cast<unsigned char>(*c);
    }
  }
  out.fields = fields;
  out.non_ascii = high >= 0x80;
  return nl ? nl + 1 : block_end;
}

// The same for a line shorter than 32 bytes (most transaction rows), found with two 16-byte
// compares instead of a loop over bytes. Reads up to 32 bytes from `pos`, so the block must be
// followed by that much readable padding. Falls back to the slow split for longer lines.
const char* SplitLine32(const char* pos, const char* block_end, const std::array<size_t, 3>& column,
                        SplitLine& out) {
#if defined(__SSE2__)
  const __m128i lo = _mm_loadu_si128(reinterpret_cast<const __m128i*>(pos));
  const __m128i hi = _mm_loadu_si128(reinterpret_cast<const __m128i*>(pos + 16));
  auto match = [&](char c) {
    const __m128i needle = _mm_set1_epi8(c);
    return static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(lo, needle))) |
           static_cast<uint32_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(hi, needle))) << 16;
  };
  uint32_t newlines = match('\n');
  const size_t remaining = static_cast<size_t>(block_end - pos);
  if (remaining < 32) newlines |= uint32_t{1} << remaining;  // the block's end ends its last line
  if (newlines == 0) return SplitLineSlowly(pos, block_end, column, out);
  const unsigned length = static_cast<unsigned>(__builtin_ctz(newlines));
  const uint32_t within = (uint32_t{1} << length) - 1;
  const uint32_t high = (static_cast<uint32_t>(_mm_movemask_epi8(lo)) |
                         static_cast<uint32_t>(_mm_movemask_epi8(hi)) << 16) &
                        within;
  uint32_t commas = match(',') & within;
  size_t text_length = length;
  if (text_length > 0 && pos[text_length - 1] == '\r') --text_length;
  out.text = std::string_view(pos, text_length);
  out.non_ascii = high != 0;
  size_t start = 0;
  size_t field = 0;
  for (;; ++field) {
    const size_t end = commas ? static_cast<size_t>(__builtin_ctz(commas)) : text_length;
    std::string_view value(pos + start, end - start);
    if (column[0] == field) out.value[0] = value;
    if (column[1] == field) out.value[1] = value;
    if (column[2] == field) out.value[2] = value;
    if (!commas) break;
    commas &= commas - 1;
    start = end + 1;
  }
  out.fields = field + 1;
  return length < remaining ? pos + length + 1 : block_end;
#else
  return SplitLineSlowly(pos, block_end, column, out);
#endif
}

// Parses the part's lines into the columns from part.first_row on; the customer column holds
// the part's run indexes (part.runs) until the merge turns them into customer ids. Line
// numbers are 1-based within the part.
void ScanPart(const ScanContext& ctx, Part& part) {
  const size_t field_count = ctx.header.size();
  const std::array<size_t, 3> column = {static_cast<size_t>(ctx.column[0]),
                                        static_cast<size_t>(ctx.column[1]),
                                        static_cast<size_t>(ctx.column[2])};
  uint32_t* out_customer = ctx.out.customer.data();
  int32_t* out_day = ctx.out.day.data();
  int64_t* out_amount = ctx.out.amount_minor.data();
  size_t row = part.first_row;
  // The rows the counting pass made room for. A file rewritten between the two passes could
  // hold more: the part then stops, rather than write into the next part's rows, and the
  // streaming reader takes over.
  const size_t row_limit = part.first_row + static_cast<size_t>(part.newlines) + 1;
  int64_t line = 0;
  int32_t first_day = part.first_day, last_day = part.last_day;
  FileRangeReader reader(ctx.file.fd(), part.begin, part.end, text::kMaxRecordBytes);
  SplitLine split;
  while (true) {
    auto block = reader.NextBlock();
    if (!block) {
      part.unreadable = true;
      break;
    }
    if (block->empty()) break;
    const char* pos = block->data();
    const char* const block_end = pos + block->size();
    while (pos < block_end) {
      pos = SplitLine32(pos, block_end, column, split);
      ++line;
      const std::string_view text = split.text;
      if (text.empty()) continue;  // a blank line, as the streaming reader skips it
      if (split.non_ascii && !text::IsValidUtf8(text)) {
        AddError(part, line,
                 std::string(text::RecordProblemText(text::RecordProblem::kInvalidUtf8)));
        continue;
      }
      if (text.size() > text::kMaxFieldBytes) {
        bool too_long = false;
        const char* start = text.data();
        for (const char *c = text.data(), *stop = text.data() + text.size();; ++c) {
          if (c == stop || *c == ',') {
            too_long |= static_cast<size_t>(c - start) > text::kMaxFieldBytes;
            if (c == stop) break;
            start = c + 1;
          }
        }
        if (too_long) {
          AddError(part, line,
                   std::string(text::RecordProblemText(text.size() > text::kMaxRecordBytes
                                                           ? text::RecordProblem::kRecordTooLong
                                                           : text::RecordProblem::kFieldTooLong)));
          continue;
        }
      }
      if (split.fields != field_count) {
        AddError(part, line,
                 fmt::format("expected {} columns, found {}", field_count, split.fields));
        continue;
      }
      std::string_view customer = Trim(split.value[0]);
      if (customer.empty()) continue;  // guest purchase: no customer to predict for
      std::string_view date_text = Trim(split.value[1]);
      std::optional<int32_t> day = ctx.plan.iso_dates ? ParseIsoDay(date_text) : std::nullopt;
      if (!day) {
        auto when = ctx.plan.date_format.Parse(date_text);
        if (!when) {
          AddError(part, line,
                   fmt::format("{}: {}", ctx.header[ctx.column[1]], when.error().message()));
          continue;
        }
        day = DayOf(*when);
      }
      std::string_view amount_text = Trim(split.value[2]);
      std::optional<int64_t> minor = ParsePlainMinorUnits(amount_text, ctx.plan.exponent);
      if (!minor) {
        auto amount = ParseDecimal(amount_text);
        Result<int64_t> general =
            amount ? ToMinorUnits(*amount, ctx.plan.exponent) : Error(amount.error());
        if (!general) {
          AddError(part, line,
                   fmt::format("{}: {}", ctx.header[ctx.column[2]], general.error().message()));
          continue;
        }
        minor = *general;
      }
      if (row == row_limit) {
        part.unreadable = true;
        break;
      }
      out_customer[row] = part.runs.Add(customer);
      out_day[row] = *day;
      out_amount[row] = *minor;
      ++row;
      first_day = std::min(first_day, *day);
      last_day = std::max(last_day, *day);
    }
    if (part.unreadable) break;
  }
  part.first_day = first_day;
  part.last_day = last_day;
  part.rows = row - part.first_row;
}

}  // namespace

Result<std::array<int, 3>> ResolveColumns(const std::string& path,
                                          const std::vector<std::string>& header,
                                          const std::array<std::string, 3>& wanted) {
  std::array<int, 3> column{-1, -1, -1};
  for (size_t f = 0; f < kFields.size(); ++f) {
    std::string_view name = wanted[f].empty() ? kFields[f] : std::string_view(wanted[f]);
    for (size_t c = 0; c < header.size(); ++c) {
      bool match = wanted[f].empty() ? text::EqualsIgnoreCase(header[c], name) : header[c] == name;
      if (match) column[f] = static_cast<int>(c);
    }
    if (column[f] < 0) {
      std::string list;
      for (const auto& h : header) list += (list.empty() ? "" : ", ") + h;
      return Error(InvalidArgument(
          wanted[f].empty()
              ? fmt::format("{}: no column for '{}'; map one with --map {}=COLUMN (columns: {})",
                            path, kFields[f], kFields[f], list)
              : fmt::format("{}: no column '{}' (columns: {})", path, wanted[f], list),
          "map"));
    }
  }
  return column;
}

Status BadRowsError(const std::string& path, int64_t count,
                    const std::vector<std::string>& listed) {
  std::string message = fmt::format("{} bad rows in {}:", count, path);
  for (const auto& e : listed) message += "\n  " + e;
  if (count > static_cast<int64_t>(listed.size())) {
    message += fmt::format("\n  ... and {} more", count - static_cast<int64_t>(listed.size()));
  }
  return InvalidArgument(message);
}

Result<std::optional<LoadedTransactions>> LoadPlainCsv(const PlainCsvPlan& plan) {
  if (plan.path == "-") return std::optional<LoadedTransactions>();
  auto file = OpenFile::Open(plan.path);
  if (!file) return std::optional<LoadedTransactions>();

  // The header: the first line, after a byte-order mark. A header longer than the first
  // read is left to the streaming reader.
  std::string head(std::min(file->size(), size_t{1} << 16), '\0');
  auto got = internal::ReadSome(file->fd(), head.data(), head.size(), 0);
  if (!got) return std::optional<LoadedTransactions>();
  head.resize(*got);
  size_t header_start = head.starts_with(text::kByteOrderMark) ? text::kByteOrderMark.size() : 0;
  size_t header_end = head.find('\n', header_start);
  if (header_end == std::string::npos) {
    if (head.size() < file->size()) return std::optional<LoadedTransactions>();
    header_end = head.size();
  }
  std::string_view header_text(head.data() + header_start, header_end - header_start);
  if (!header_text.empty() && header_text.back() == '\r') header_text.remove_suffix(1);
  if (header_text.empty() || header_text.find('"') != std::string_view::npos ||
      !text::IsValidUtf8(header_text)) {
    return std::optional<LoadedTransactions>();  // the streaming reader explains what is wrong
  }
  // Split by the streaming path's reader, so both see the same columns.
  text::CsvReader header_reader(text::InputBuffer::FromString(std::string(header_text)));
  text::CsvRecord header_record;
  CENTRIC_ASSIGN_OR_RETURN(bool has_header, header_reader.Next(header_record));
  if (!has_header || header_record.problem != text::RecordProblem::kNone) {
    return std::optional<LoadedTransactions>();
  }
  std::vector<std::string> header(header_record.fields.begin(), header_record.fields.end());
  CENTRIC_ASSIGN_OR_RETURN(auto column, ResolveColumns(plan.path, header, plan.wanted));

  // Cut the data into parts at line starts and count each part's lines, in parallel.
  const size_t data_begin = std::min(file->size(), header_end + 1);
  const size_t parts_count = static_cast<size_t>(std::clamp(plan.threads, 1, 16));
  std::vector<Part> parts(parts_count);
  for (size_t t = 0; t < parts_count; ++t) {
    size_t cut = data_begin + (file->size() - data_begin) * t / parts_count;
    auto start = t == 0 ? Result<size_t>(data_begin) : NextLineStart(file->fd(), cut, file->size());
    if (!start) return std::optional<LoadedTransactions>();
    parts[t].begin = *start;
  }
  for (size_t t = 0; t < parts_count; ++t) {
    parts[t].end = t + 1 < parts_count ? parts[t + 1].begin : file->size();
    parts[t].begin = std::min(parts[t].begin, parts[t].end);
  }
  auto run_parallel = [&](auto&& work) {
    std::vector<std::thread> workers;
    for (size_t t = 1; t < parts_count; ++t) workers.emplace_back([&, t] { work(parts[t]); });
    work(parts[0]);
    for (auto& w : workers) w.join();
  };
  run_parallel([&](Part& part) { CountLines(*file, part); });
  size_t total_lines = 0;
  for (auto& part : parts) {
    if (part.has_quote || part.unreadable) return std::optional<LoadedTransactions>();
    part.first_row = total_lines;
    // A last line without a newline is a line too.
    bool unterminated = part.end > part.begin && part.last_byte != '\n';
    total_lines += static_cast<size_t>(part.newlines) + (unterminated ? 1 : 0);
  }

  LoadedTransactions out;
  auto& tx = out.transactions;
  tx.customer.resize(total_lines);
  tx.day.resize(total_lines);
  tx.amount_minor.resize(total_lines);
  ScanContext ctx{*file, plan, header, column, tx};
  run_parallel([&](Part& part) { ScanPart(ctx, part); });
  for (const auto& part : parts) {
    if (part.unreadable) return std::optional<LoadedTransactions>();
  }

  // Errors in file order, with line numbers counted from the top of the file (the header is
  // line 1).
  int64_t error_count = 0;
  std::vector<std::string> listed;
  int64_t lines_before = 1;
  for (const auto& part : parts) {
    error_count += part.error_count;
    for (const auto& [line, message] : part.errors) {
      if (listed.size() < kMaxListedRowErrors) {
        listed.push_back(fmt::format("{}:{}: {}", plan.path, lines_before + line, message));
      }
    }
    lines_before += part.newlines;
  }
  if (error_count > 0) return Error(BadRowsError(plan.path, error_count, listed));

  // Global customer ids in order of first appearance, then each row's run index becomes its
  // customer's id, in parallel, in place; then the gaps blank lines and guest rows left
  // (usually none) are closed.
  std::vector<const KeyRuns*> runs;
  for (const auto& part : parts) runs.push_back(&part.runs);
  InternedKeys interned = InternKeyRuns(runs, plan.threads);
  for (auto& part : parts) part.runs = {};
  run_parallel([&](Part& part) {
    const auto& id_of_run = interned.id_of_run[static_cast<size_t>(&part - parts.data())];
    uint32_t* customer = tx.customer.data() + part.first_row;
    for (size_t i = 0; i < part.rows; ++i) customer[i] = id_of_run[customer[i]];
  });
  size_t rows = 0;
  int32_t first = std::numeric_limits<int32_t>::max(), last = std::numeric_limits<int32_t>::min();
  for (const Part& part : parts) {
    if (part.first_row != rows) {
      auto move_down = [&](auto& column) {
        std::memmove(column.data() + rows, column.data() + part.first_row,
                     part.rows * sizeof(column[0]));
      };
      move_down(tx.customer);
      move_down(tx.day);
      move_down(tx.amount_minor);
    }
    rows += part.rows;
    first = std::min(first, part.first_day);
    last = std::max(last, part.last_day);
  }
  const uint32_t next_id = static_cast<uint32_t>(interned.keys.size());
  out.customer_keys = std::move(interned.keys);
  tx.customer_count = next_id;
  // Slack left by the header, blank lines and guest rows stays as capacity: shrinking would
  // copy every column once more.
  tx.customer.resize(rows);
  tx.day.resize(rows);
  tx.amount_minor.resize(rows);
  out.first_day = rows ? first : 0;
  out.last_day = rows ? last : 0;
  return std::optional<LoadedTransactions>(std::move(out));
}

}  // namespace centric::jobs
