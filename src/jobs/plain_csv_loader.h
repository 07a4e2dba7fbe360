// SPDX-License-Identifier: Apache-2.0
// The fast path of `centric analyze --transactions`: a transaction log without quoted fields
// (what exports of ids, dates and amounts almost always are) is memory-mapped, cut at line
// boundaries into one part per thread, and parsed in parallel straight into the engine's
// columns. Line numbers, error messages and customer order (first appearance in the file) are
// those of the streaming reader in transactions_file.cc, which remains the path for standard
// input and for files with quotes. Thread-safe: no shared state.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/time.h"
#include "jobs/transactions_source.h"

namespace centric::jobs {

struct PlainCsvPlan {
  std::string path;
  std::array<std::string, 3> wanted;  // mapped column of customer, date, amount; "" = by name
  DateFormat date_format = DateFormat::Iso8601();
  bool iso_dates = true;  // date_format is the ISO 8601 default
  int exponent = 2;       // minor-unit digits of the currency
  int threads = 2;
};

// Returns std::nullopt when the file cannot take the fast path (not a regular file that maps,
// or it contains a quote); the caller then streams it. Otherwise the loaded transactions, or
// InvalidArgument as LoadTransactionsFile documents.
Result<std::optional<LoadedTransactions>> LoadPlainCsv(const PlainCsvPlan& plan);

// The column index of each of customer, date and amount in `header`; InvalidArgument (field
// "map") naming the columns there are when one is missing. Shared with the streaming reader.
Result<std::array<int, 3>> ResolveColumns(const std::string& path,
                                          const std::vector<std::string>& header,
                                          const std::array<std::string, 3>& wanted);

// "N bad rows in FILE:" with the listed errors and "... and N more".
Status BadRowsError(const std::string& path, int64_t count, const std::vector<std::string>& listed);

inline constexpr size_t kMaxListedRowErrors = 20;

}  // namespace centric::jobs
