// SPDX-License-Identifier: Apache-2.0
#include "jobs/transactions_file.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <limits>
#include <unordered_map>

#include "core/money.h"
#include "jobs/plain_csv_loader.h"
#include "text/csv_reader.h"
#include "text/field_list.h"

namespace centric::jobs {
namespace {

constexpr std::array<std::string_view, 3> kFields = {"customer", "date", "amount"};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

// Parses "field=Column,..." where a column may be "quoted, with commas".
Result<std::array<std::string, 3>> ParseMap(std::string_view text) {
  std::array<std::string, 3> columns;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eq = text.find('=', pos);
    if (eq == std::string_view::npos) {
      return Error(
          InvalidArgument(fmt::format("'{}' is not field=Column", Trim(text.substr(pos))), "map"));
    }
    std::string_view field = Trim(text.substr(pos, eq - pos));
    pos = eq + 1;
    std::string column;
    switch (text::ReadListValue(text, pos, column)) {
      case text::RecordProblem::kUnterminatedQuote:
        return Error(InvalidArgument(
            fmt::format("unterminated quote in the column for '{}'", field), "map"));
      case text::RecordProblem::kTextAfterQuote:
        return Error(InvalidArgument(
            fmt::format("unexpected text after the quoted column for '{}'", field), "map"));
      default:
        break;
    }
    if (pos < text.size()) ++pos;  // the comma
    auto it = std::find(kFields.begin(), kFields.end(), field);
    if (it == kFields.end()) {
      return Error(InvalidArgument(
          fmt::format("unknown field '{}'; the fields are customer, date, amount", field), "map"));
    }
    columns[it - kFields.begin()] = column;
  }
  return columns;
}

}  // namespace

Result<LoadedTransactions> LoadTransactionsFile(const std::string& path,
                                                const TransactionsFileOptions& options) {
  CENTRIC_ASSIGN_OR_RETURN(auto wanted, ParseMap(options.map));
  DateFormat date_format = DateFormat::Iso8601();
  if (!options.date_format.empty()) {
    CENTRIC_ASSIGN_OR_RETURN(date_format, DateFormat::Compile(options.date_format));
  }
  if (!IsCurrencyCode(options.currency)) {
    return Error(
        InvalidArgument(fmt::format("'{}' is not an ISO 4217 code", options.currency), "currency"));
  }
  const int exponent = CurrencyExponent(options.currency);
  CENTRIC_ASSIGN_OR_RETURN(auto fast, LoadPlainCsv({.path = path,
                                                    .wanted = wanted,
                                                    .date_format = date_format,
                                                    .iso_dates = options.date_format.empty(),
                                                    .exponent = exponent,
                                                    .threads = options.threads}));
  if (fast) return std::move(*fast);

  CENTRIC_ASSIGN_OR_RETURN(auto input, text::InputBuffer::OpenFile(path));
  text::CsvReader reader(std::move(input));
  text::CsvRecord record;
  CENTRIC_ASSIGN_OR_RETURN(bool has_header, reader.Next(record));
  if (!has_header) return Error(InvalidArgument(fmt::format("{}: the file is empty", path)));
  std::vector<std::string> header(record.fields.begin(), record.fields.end());
  CENTRIC_ASSIGN_OR_RETURN(auto column, ResolveColumns(path, header, wanted));

  LoadedTransactions out;
  std::unordered_map<std::string, uint32_t> index;
  std::vector<std::string> errors;
  int64_t error_count = 0;
  int32_t first = std::numeric_limits<int32_t>::max(), last = std::numeric_limits<int32_t>::min();
  auto fail = [&](int64_t line, int f, std::string_view reason) {
    if (++error_count <= static_cast<int64_t>(kMaxListedRowErrors)) {
      errors.push_back(fmt::format("{}:{}: {}: {}", path, line, header[column[f]], reason));
    }
  };
  while (true) {
    CENTRIC_ASSIGN_OR_RETURN(bool more, reader.Next(record));
    if (!more) break;
    if (record.problem != text::RecordProblem::kNone) {
      ++error_count;
      if (errors.size() < kMaxListedRowErrors) {
        errors.push_back(
            fmt::format("{}:{}: {}", path, record.line, text::RecordProblemText(record.problem)));
      }
      continue;
    }
    if (record.fields.size() != header.size()) {
      ++error_count;
      if (errors.size() < kMaxListedRowErrors) {
        errors.push_back(fmt::format("{}:{}: expected {} columns, found {}", path, record.line,
                                     header.size(), record.fields.size()));
      }
      continue;
    }
    std::string_view customer = Trim(record.fields[column[0]]);
    if (customer.empty()) continue;  // guest purchase: no customer to predict for
    auto when = date_format.Parse(Trim(record.fields[column[1]]));
    if (!when) {
      fail(record.line, 1, when.error().message());
      continue;
    }
    auto amount = ParseDecimal(Trim(record.fields[column[2]]));
    Result<int64_t> minor = amount ? ToMinorUnits(*amount, exponent) : Error(amount.error());
    if (!minor) {
      fail(record.line, 2, minor.error().message());
      continue;
    }
    auto [it, inserted] =
        index.try_emplace(std::string(customer), static_cast<uint32_t>(index.size()));
    if (inserted) out.customer_keys.push_back(it->first);
    int32_t day = DayOf(*when);
    first = std::min(first, day);
    last = std::max(last, day);
    out.transactions.Add(it->second, day, *minor);
  }
  if (error_count > 0) return Error(BadRowsError(path, error_count, errors));
  out.first_day = out.transactions.size() ? first : 0;
  out.last_day = out.transactions.size() ? last : 0;
  return out;
}

}  // namespace centric::jobs
