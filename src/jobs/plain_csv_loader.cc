// SPDX-License-Identifier: Apache-2.0
#include "jobs/plain_csv_loader.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <deque>
#include <limits>
#include <thread>

#include <absl/container/flat_hash_map.h>

#include "core/money.h"
#include "ingest/csv_reader.h"
#include "ingest/schema.h"
#include "ingest/utf8.h"

namespace centric::jobs {
namespace {

constexpr std::array<std::string_view, 3> kFields = {"customer", "date", "amount"};
// Parsed pages are dropped from the process every this many bytes, so the mapping adds at
// most this much a thread to the resident set.
constexpr size_t kReleaseBytes = size_t{4} << 20;

class MappedFile {
 public:
  static std::optional<MappedFile> Open(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::nullopt;
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size == 0) {
      ::close(fd);
      return std::nullopt;
    }
    void* data = ::mmap(nullptr, static_cast<size_t>(st.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (data == MAP_FAILED) return std::nullopt;
    (void)::madvise(data, static_cast<size_t>(st.st_size), MADV_SEQUENTIAL);
    return MappedFile(static_cast<const char*>(data), static_cast<size_t>(st.st_size));
  }
  MappedFile(MappedFile&& other) noexcept
      : data_(std::exchange(other.data_, nullptr)), size_(other.size_) {}
  MappedFile& operator=(MappedFile&&) = delete;
  ~MappedFile() {
    if (data_) ::munmap(const_cast<char*>(data_), size_);
  }
  const char* data() const { return data_; }
  size_t size() const { return size_; }

  // Drops the pages wholly inside [from, to) from this process; they stay in the page cache.
  void Release(size_t from, size_t to) const {
    const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
    size_t begin = (from + page - 1) / page * page;
    size_t end = to / page * page;
    if (end > begin) (void)::madvise(const_cast<char*>(data_) + begin, end - begin, MADV_DONTNEED);
  }

 private:
  MappedFile(const char* data, size_t size) : data_(data), size_(size) {}
  const char* data_;
  size_t size_;
};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// "YYYY-MM-DD" as a UTC day number, without the general date parser; nullopt for anything
// else, which then goes to the general parser (and its error message).
std::optional<int32_t> IsoDay(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int v[8];
  int k = 0;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (s[i] < '0' || s[i] > '9') return std::nullopt;
    v[k++] = s[i] - '0';
  }
  int year = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
  int month = v[4] * 10 + v[5], day = v[6] * 10 + v[7];
  if (!IsValidDate(year, month, day)) return std::nullopt;
  using namespace std::chrono;
  return static_cast<int32_t>(
      sys_days(std::chrono::year(year) / static_cast<unsigned>(month) / static_cast<unsigned>(day))
          .time_since_epoch()
          .count());
}

// One thread's share of the file: the lines that start in [begin, end).
struct Part {
  size_t begin = 0, end = 0;
  int64_t newlines = 0;  // in [begin, end), for the line numbers of later parts
  size_t first_row = 0;  // where this part writes in the columns (its first line's index)
  size_t rows = 0;       // rows written
  bool has_quote = false;
  // This part's customers by local id. Copied out of the mapping, so that merging does not
  // fault the released file pages back in; a deque keeps each string where it is, for `ids`.
  std::deque<std::string> keys;
  absl::flat_hash_map<std::string_view, uint32_t> ids;  // key (a view of `keys`) -> local id
  int32_t first_day = std::numeric_limits<int32_t>::max();
  int32_t last_day = std::numeric_limits<int32_t>::min();
  int64_t error_count = 0;
  std::vector<std::pair<int64_t, std::string>> errors;  // (line within the part, message)
};

size_t NextLineStart(const MappedFile& file, size_t pos) {
  if (pos == 0) return 0;
  const void* nl = std::memchr(file.data() + pos - 1, '\n', file.size() - (pos - 1));
  return nl ? static_cast<size_t>(static_cast<const char*>(nl) - file.data()) + 1 : file.size();
}

void CountLines(const MappedFile& file, Part& part) {
  const char* data = file.data();
  int64_t n = 0;
  for (size_t pos = part.begin; pos < part.end;) {
    size_t step = std::min(kReleaseBytes, part.end - pos);
    std::string_view block(data + pos, step);
    part.has_quote = part.has_quote || block.find('"') != std::string_view::npos;
    n += std::count(block.begin(), block.end(), '\n');
    file.Release(pos, pos + step);
    pos += step;
  }
  part.newlines = n;
}

struct ScanContext {
  const MappedFile& file;
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

// Parses the part's lines into the columns from part.first_row on; customers get local ids
// (index into part.keys) that the merge turns into global ones. Line numbers are 1-based
// within the part.
void ScanPart(const ScanContext& ctx, Part& part) {
  const char* data = ctx.file.data();
  const size_t field_count = ctx.header.size();
  auto& ids = part.ids;
  // Enough buckets for a customer every eight lines, so most files never rehash.
  ids.reserve(static_cast<size_t>(part.newlines / 8) + 16);
  std::string_view last_key;
  uint32_t last_id = 0;
  std::array<std::string_view, 3> value;
  size_t row = part.first_row;
  size_t pos = part.begin;
  size_t released = part.begin;
  int64_t line = 0;
  while (pos < part.end) {
    const void* nl = std::memchr(data + pos, '\n', part.end - pos);
    size_t line_end = nl ? static_cast<size_t>(static_cast<const char*>(nl) - data) : part.end;
    std::string_view text(data + pos, line_end - pos);
    pos = line_end + 1;
    ++line;
    if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
    if (text.empty()) continue;  // a blank line, as the streaming reader skips it
    if (pos - released >= kReleaseBytes) {
      ctx.file.Release(released, line_end);
      released = line_end;
    }
    // Most logs are ASCII: one OR over the line decides whether UTF-8 needs checking.
    unsigned char high = 0;
    for (char c : text) high |= static_cast<unsigned char>(c);
    if (high >= 0x80 && !ingest::IsValidUtf8(text)) {
      AddError(part, line, std::string(ingest::RecordProblemText(ingest::RecordProblem::kInvalidUtf8)));
      continue;
    }
    size_t fields = 0;
    bool too_long = false;
    for (const char* start = text.data(), *stop = text.data() + text.size();;) {
      const char* comma = static_cast<const char*>(std::memchr(start, ',', static_cast<size_t>(stop - start)));
      const char* field_end = comma ? comma : stop;
      std::string_view field(start, static_cast<size_t>(field_end - start));
      too_long |= field.size() > ingest::kMaxFieldBytes;
      for (size_t f = 0; f < 3; ++f) {
        if (static_cast<size_t>(ctx.column[f]) == fields) value[f] = field;
      }
      ++fields;
      if (!comma) break;
      start = comma + 1;
    }
    if (too_long) {
      AddError(part, line, std::string(ingest::RecordProblemText(
                               text.size() > ingest::kMaxRecordBytes
                                   ? ingest::RecordProblem::kRecordTooLong
                                   : ingest::RecordProblem::kFieldTooLong)));
      continue;
    }
    if (fields != field_count) {
      AddError(part, line, fmt::format("expected {} columns, found {}", field_count, fields));
      continue;
    }
    std::string_view customer = Trim(value[0]);
    if (customer.empty()) continue;  // guest purchase: no customer to predict for
    std::string_view date_text = Trim(value[1]);
    std::optional<int32_t> day = ctx.plan.iso_dates ? IsoDay(date_text) : std::nullopt;
    if (!day) {
      auto when = ctx.plan.date_format.Parse(date_text);
      if (!when) {
        AddError(part, line, fmt::format("{}: {}", ctx.header[ctx.column[1]], when.error().message()));
        continue;
      }
      day = DayOf(*when);
    }
    auto amount = ParseDecimal(Trim(value[2]));
    Result<int64_t> minor = amount ? ToMinorUnits(*amount, ctx.plan.exponent) : Error(amount.error());
    if (!minor) {
      AddError(part, line, fmt::format("{}: {}", ctx.header[ctx.column[2]], minor.error().message()));
      continue;
    }
    // Rows of one customer often follow each other (an invoice's lines, grouped exports).
    if (customer != last_key || part.keys.empty()) {
      auto it = ids.find(customer);
      if (it == ids.end()) {
        const std::string& key = part.keys.emplace_back(customer);
        it = ids.emplace(key, static_cast<uint32_t>(part.keys.size() - 1)).first;
      }
      last_key = customer;
      last_id = it->second;
    }
    ctx.out.customer[row] = last_id;
    ctx.out.day[row] = *day;
    ctx.out.amount_minor[row] = *minor;
    ++row;
    part.first_day = std::min(part.first_day, *day);
    part.last_day = std::max(part.last_day, *day);
  }
  part.rows = row - part.first_row;
  ctx.file.Release(released, part.end);
}

}  // namespace

Result<std::array<int, 3>> ResolveColumns(const std::string& path,
                                          const std::vector<std::string>& header,
                                          const std::array<std::string, 3>& wanted) {
  std::array<int, 3> column{-1, -1, -1};
  for (size_t f = 0; f < kFields.size(); ++f) {
    std::string_view name = wanted[f].empty() ? kFields[f] : std::string_view(wanted[f]);
    for (size_t c = 0; c < header.size(); ++c) {
      bool match = wanted[f].empty() ? ingest::EqualsIgnoreCase(header[c], name) : header[c] == name;
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

Status BadRowsError(const std::string& path, int64_t count, const std::vector<std::string>& listed) {
  std::string message = fmt::format("{} bad rows in {}:", count, path);
  for (const auto& e : listed) message += "\n  " + e;
  if (count > static_cast<int64_t>(listed.size())) {
    message += fmt::format("\n  ... and {} more", count - static_cast<int64_t>(listed.size()));
  }
  return InvalidArgument(message);
}

Result<std::optional<LoadedTransactions>> LoadPlainCsv(const PlainCsvPlan& plan) {
  if (plan.path == "-") return std::optional<LoadedTransactions>();
  auto file = MappedFile::Open(plan.path);
  if (!file) return std::optional<LoadedTransactions>();

  // The header: the first line, after a byte-order mark.
  size_t header_start = file->size() >= 3 && std::memcmp(file->data(), "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  const char* nl = static_cast<const char*>(
      std::memchr(file->data() + header_start, '\n', file->size() - header_start));
  size_t header_end = nl ? static_cast<size_t>(nl - file->data()) : file->size();
  std::string_view header_text(file->data() + header_start, header_end - header_start);
  if (!header_text.empty() && header_text.back() == '\r') header_text.remove_suffix(1);
  if (header_text.empty() || header_text.find('"') != std::string_view::npos ||
      !ingest::IsValidUtf8(header_text)) {
    return std::optional<LoadedTransactions>();  // the streaming reader explains what is wrong
  }
  std::vector<std::string> header;
  for (size_t start = 0;;) {
    size_t comma = header_text.find(',', start);
    header.emplace_back(header_text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start));
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  CENTRIC_ASSIGN_OR_RETURN(auto column, ResolveColumns(plan.path, header, plan.wanted));

  // Cut the data into parts at line starts and count each part's lines, in parallel.
  const size_t data_begin = std::min(file->size(), header_end + 1);
  const size_t parts_count = static_cast<size_t>(std::clamp(plan.threads, 1, 16));
  std::vector<Part> parts(parts_count);
  for (size_t t = 0; t < parts_count; ++t) {
    size_t cut = data_begin + (file->size() - data_begin) * t / parts_count;
    parts[t].begin = t == 0 ? data_begin : NextLineStart(*file, cut);
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
    if (part.has_quote) return std::optional<LoadedTransactions>();
    part.first_row = total_lines;
    // A last line without a newline is a line too.
    bool unterminated = part.end > part.begin && file->data()[part.end - 1] != '\n';
    total_lines += static_cast<size_t>(part.newlines) + (unterminated ? 1 : 0);
  }

  LoadedTransactions out;
  auto& tx = out.transactions;
  tx.customer.resize(total_lines);
  tx.day.resize(total_lines);
  tx.amount_minor.resize(total_lines);
  ScanContext ctx{*file, plan, header, column, tx};
  run_parallel([&](Part& part) { ScanPart(ctx, part); });

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

  // Global customer ids in order of first appearance: part 0's local ids stand; a later
  // part's customer keeps the id it has in the first earlier part that saw it, else gets the
  // next one. Look-ups only, so no table grows while the parts' tables are alive.
  std::vector<std::vector<uint32_t>> global_of(parts_count);
  uint32_t next_id = 0;
  for (size_t t = 0; t < parts_count; ++t) {
    Part& part = parts[t];
    global_of[t].resize(part.keys.size());
    for (size_t local = 0; local < part.keys.size(); ++local) {
      std::optional<uint32_t> id;
      for (size_t earlier = 0; earlier < t && !id; ++earlier) {
        auto it = parts[earlier].ids.find(part.keys[local]);
        if (it != parts[earlier].ids.end()) id = global_of[earlier][it->second];
      }
      global_of[t][local] = id ? *id : next_id++;
    }
  }
  size_t rows = parts[0].rows;
  int32_t first = std::numeric_limits<int32_t>::max(), last = std::numeric_limits<int32_t>::min();
  for (size_t t = 0; t < parts_count; ++t) {
    Part& part = parts[t];
    const auto& remap = global_of[t];
    if (t == 0) {
      for (size_t i = 0; i < part.rows; ++i) tx.customer[i] = remap[tx.customer[i]];
    } else {
      for (size_t i = 0; i < part.rows; ++i) {
        size_t from = part.first_row + i;
        tx.customer[rows] = remap[tx.customer[from]];
        tx.day[rows] = tx.day[from];
        tx.amount_minor[rows] = tx.amount_minor[from];
        ++rows;
      }
    }
    first = std::min(first, part.first_day);
    last = std::max(last, part.last_day);
  }
  for (auto& part : parts) part.ids = {};  // its keys are views of the strings moved below
  out.customer_keys.resize(next_id);
  for (size_t t = 0; t < parts_count; ++t) {
    for (size_t local = 0; local < parts[t].keys.size(); ++local) {
      std::string& key = parts[t].keys[local];
      uint32_t id = global_of[t][local];
      if (out.customer_keys[id].empty()) out.customer_keys[id] = std::move(key);
    }
    parts[t].keys = {};
  }
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
