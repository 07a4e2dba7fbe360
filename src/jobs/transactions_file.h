// SPDX-License-Identifier: Apache-2.0
// Loads a CSV file with one row per transaction (customer, date, amount) for
// `centric analyze --transactions`: in parallel when the file maps and has no quotes
// (plain_csv_loader.h), else streaming it once. Both give the same rows and errors.
#pragma once

#include <string>

#include "jobs/transactions_source.h"

namespace centric::jobs {

struct TransactionsFileOptions {
  std::string map;          // "customer=COL,date=COL,amount=COL"; unmapped fields match by name
  std::string date_format;  // strftime-style; empty = ISO 8601
  std::string currency = "EUR";  // sets the minor-unit exponent of amounts
  int threads = 2;
};

// InvalidArgument for a bad --map (naming the columns there are) or bad rows, listed as
// "FILE:LINE: column: reason" (the first 20, then how many more); NotFound/Unavailable when
// the file cannot be read. Rows with an empty customer are skipped (guest purchases).
Result<LoadedTransactions> LoadTransactionsFile(const std::string& path,
                                                const TransactionsFileOptions& options);

}  // namespace centric::jobs
