// SPDX-License-Identifier: Apache-2.0
#include "analytics/basket/basket_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <unordered_map>

#include "text/ascii.h"
#include "text/csv_reader.h"
#include "text/input_buffer.h"

namespace centric::analytics::basket {
namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsBlank(s.back())) s.remove_suffix(1);
  return s;
}

// A token as quoted in an error message, cut short when long.
std::string Quote(std::string_view token) {
  constexpr size_t kMaxShown = 40;
  if (token.size() <= kMaxShown) return fmt::format("'{}'", token);
  return fmt::format("'{}...'", token.substr(0, kMaxShown));
}

// Appends the ids of one FIMI line to `raw`.
Status ParseFimiLine(std::string_view line, std::string_view name, int64_t number,
                     std::vector<uint32_t>& raw) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  size_t pos = 0;
  while (true) {
    while (pos < line.size() && IsBlank(line[pos])) ++pos;
    if (pos == line.size()) return Status::Ok();
    size_t end = pos;
    while (end < line.size() && !IsBlank(line[end])) ++end;
    const std::string_view token = line.substr(pos, end - pos);
    uint32_t id = 0;
    auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), id);
    if (ec == std::errc::result_out_of_range) {
      return InvalidArgument(fmt::format("{}:{}: item id {} is out of range (0 to {})", name,
                                         number, Quote(token), UINT32_MAX));
    }
    if (ec != std::errc() || ptr != token.data() + token.size()) {
      return InvalidArgument(fmt::format("{}:{}: {} is not an item id (a non-negative integer)",
                                         name, number, Quote(token)));
    }
    raw.push_back(id);
    pos = end;
  }
}

}  // namespace

Result<BasketFormat> ParseBasketFormat(std::string_view name) {
  if (name == "fimi") return BasketFormat::kFimi;
  if (name == "csv") return BasketFormat::kCsv;
  return Error(
      InvalidArgument(fmt::format("unknown format '{}' (formats: fimi, csv)", name), "format"));
}

BasketFormat GuessBasketFormat(std::string_view path) {
  return path.size() >= 4 && text::EqualsIgnoreCase(path.substr(path.size() - 4), ".csv")
             ? BasketFormat::kCsv
             : BasketFormat::kFimi;
}

Result<Baskets> ReadFimi(text::InputBuffer& input, std::string_view name) {
  std::vector<uint64_t> offsets{0};
  std::vector<uint32_t> raw;
  int64_t number = 0;
  size_t searched = 0;  // bytes at the front of the buffer known to hold no line break
  while (true) {
    const char* data = input.data();
    const size_t size = input.size();
    const void* found =
        size > searched ? std::memchr(data + searched, '\n', size - searched) : nullptr;
    if (found == nullptr && !input.eof()) {
      searched = size;
      CENTRIC_ASSIGN_OR_RETURN(bool more, input.Fill());
      (void)more;  // at the end, the next round sees eof() and takes what is left
      continue;
    }
    if (found == nullptr && size == 0) break;
    const size_t length = found ? static_cast<const char*>(found) - data : size;
    CENTRIC_RETURN_IF_ERROR(ParseFimiLine({data, length}, name, ++number, raw));
    offsets.push_back(raw.size());
    input.Consume(found ? length + 1 : length);
    searched = 0;
  }

  // Dense ids in numeric order of the ids in the file: through a table indexed by id when
  // the ids are small enough, else by sorting a copy.
  ItemDictionary dictionary;
  const uint32_t max_id = raw.empty() ? 0 : *std::max_element(raw.begin(), raw.end());
  constexpr uint32_t kDirectLimit = uint32_t{1} << 24;
  if (max_id < kDirectLimit) {
    constexpr uint32_t kAbsent = UINT32_MAX;
    std::vector<uint32_t> dense(raw.empty() ? 0 : max_id + 1, kAbsent);
    for (uint32_t id : raw) dense[id] = 0;
    for (uint32_t id = 0; id < dense.size(); ++id) {
      if (dense[id] != kAbsent) dense[id] = dictionary.Intern(std::to_string(id));
    }
    for (uint32_t& id : raw) id = dense[id];
  } else {
    std::vector<uint32_t> distinct = raw;
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    for (uint32_t id : distinct) dictionary.Intern(std::to_string(id));
    for (uint32_t& id : raw) {
      id = static_cast<uint32_t>(std::lower_bound(distinct.begin(), distinct.end(), id) -
                                 distinct.begin());
    }
  }
  return Baskets::Build(std::move(offsets), std::move(raw), std::move(dictionary));
}

Result<Baskets> ReadFimiFile(const std::string& path) {
  CENTRIC_ASSIGN_OR_RETURN(auto input, text::InputBuffer::OpenFile(path));
  return ReadFimi(*input, path);
}

Result<Baskets> ReadCsv(std::unique_ptr<text::InputBuffer> input, std::string_view name,
                        const CsvColumns& columns) {
  text::CsvReader::Options reader_options;
  reader_options.delimiter = columns.delimiter;
  text::CsvReader reader(std::move(input), reader_options);
  text::CsvRecord record;
  auto bad_record = [&] {
    return InvalidArgument(
        fmt::format("{}:{}: {}", name, record.line, text::RecordProblemText(record.problem)));
  };
  CENTRIC_ASSIGN_OR_RETURN(bool has_header, reader.Next(record));
  if (!has_header) {
    return Error(InvalidArgument(fmt::format(
        "{}: the file is empty; it needs a header naming the basket and item columns", name)));
  }
  if (record.problem != text::RecordProblem::kNone) return Error(bad_record());
  const std::vector<std::string> header(record.fields.begin(), record.fields.end());
  auto find_column = [&](const std::string& wanted, const char* field) -> Result<size_t> {
    for (size_t c = 0; c < header.size(); ++c) {
      if (header[c] == wanted) return c;
    }
    for (size_t c = 0; c < header.size(); ++c) {
      if (text::EqualsIgnoreCase(header[c], wanted)) return c;
    }
    std::string list;
    for (const auto& h : header) list += (list.empty() ? "" : ", ") + h;
    return Error(InvalidArgument(
        fmt::format("{}: no column '{}' (columns: {})", name, wanted, list), field));
  };
  CENTRIC_ASSIGN_OR_RETURN(const size_t basket_column, find_column(columns.basket, "basket"));
  CENTRIC_ASSIGN_OR_RETURN(const size_t item_column, find_column(columns.item, "item"));

  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> basket_ids;
  ItemDictionary dictionary;
  std::vector<uint32_t> basket_of_row, item_of_row;
  while (true) {
    CENTRIC_ASSIGN_OR_RETURN(bool more, reader.Next(record));
    if (!more) break;
    if (record.problem != text::RecordProblem::kNone) return Error(bad_record());
    if (record.fields.size() != header.size()) {
      return Error(InvalidArgument(fmt::format("{}:{}: expected {} columns, found {}", name,
                                               record.line, header.size(), record.fields.size())));
    }
    const std::string_view basket = Trim(record.fields[basket_column]);
    const std::string_view item = Trim(record.fields[item_column]);
    if (basket.empty() || item.empty()) {
      return Error(
          InvalidArgument(fmt::format("{}:{}: empty {} in column '{}'", name, record.line,
                                      basket.empty() ? "basket id" : "item",
                                      header[basket.empty() ? basket_column : item_column])));
    }
    auto it = basket_ids.find(basket);
    if (it == basket_ids.end()) {
      if (basket_ids.size() >= kMaxBaskets) {
        return Error(ResourceExhausted(
            fmt::format("{}: more than {} baskets are not supported", name, kMaxBaskets)));
      }
      it = basket_ids.emplace(std::string(basket), static_cast<uint32_t>(basket_ids.size())).first;
    }
    basket_of_row.push_back(it->second);
    item_of_row.push_back(dictionary.Intern(item));
  }

  const std::vector<uint32_t> new_id = dictionary.SortByName();
  std::vector<uint64_t> offsets(basket_ids.size() + 1, 0);
  for (uint32_t b : basket_of_row) ++offsets[b + 1];
  for (size_t b = 0; b < basket_ids.size(); ++b) offsets[b + 1] += offsets[b];
  std::vector<uint64_t> cursor(offsets.begin(), offsets.end() - 1);
  std::vector<uint32_t> items(item_of_row.size());
  for (size_t r = 0; r < item_of_row.size(); ++r) {
    items[cursor[basket_of_row[r]]++] = new_id[item_of_row[r]];
  }
  return Baskets::Build(std::move(offsets), std::move(items), std::move(dictionary));
}

Result<Baskets> ReadCsvFile(const std::string& path, const CsvColumns& columns) {
  CENTRIC_ASSIGN_OR_RETURN(auto input, text::InputBuffer::OpenFile(path));
  return ReadCsv(std::move(input), path, columns);
}

Result<Baskets> ReadBasketFile(const std::string& path, BasketFormat format,
                               const CsvColumns& columns) {
  return format == BasketFormat::kCsv ? ReadCsvFile(path, columns) : ReadFimiFile(path);
}

}  // namespace centric::analytics::basket
