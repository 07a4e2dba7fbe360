// SPDX-License-Identifier: Apache-2.0
// A deterministic generator of order-line CSV in the shape of the UCI "Online Retail II"
// export (Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country; dates
// M/D/YYYY HH:MM), for benchmarks. Same seed and line count, same bytes. Invoices carry 1-40
// lines; about 2% are cancellations ("C" prefix, negative quantities), about 1% are guest
// orders without a customer id, about 5% of descriptions contain a comma and are quoted.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>

namespace centric::bench {

// The --map and --date-format that import the generated file.
inline constexpr const char* kRetailMap = "customer=Customer ID,timestamp=InvoiceDate,product=StockCode";
inline constexpr const char* kRetailDateFormat = "%m/%d/%Y %H:%M";

// Appends `lines` order lines after a header to `out`. Returns false on a write error.
bool WriteRetailCsv(std::FILE* out, int64_t lines, uint64_t seed = 42);
// The same into a string, for in-memory benchmarks.
std::string RetailCsv(int64_t lines, uint64_t seed = 42);

}  // namespace centric::bench
