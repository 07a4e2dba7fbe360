// SPDX-License-Identifier: Apache-2.0
// Import and export of customers, products and orders as CSV (RFC 4180) or JSON Lines: the
// public face of src/ingest, used by `centric import` and `centric export`. An import streams
// the file in chunks through a column Mapping into one BulkWriter transaction, so it
// either commits whole or changes nothing; with a rejects file it commits the good rows and
// writes the bad ones there. Formats, fields and choices: docs/import.md.
// Thread-safety: one import or export per Store at a time (the Store is one connection).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "areas/customers/customer_store.h"
#include "areas/orders/order_store.h"
#include "core/result.h"
#include "core/time.h"
#include "ingest/bulk/bulk_writer.h"
#include "ingest/mapping.h"
#include "ingest/row_source.h"
#include "ingest/schema.h"
#include "text/input_buffer.h"
#include "text/output.h"

namespace centric::ingest {

// How many bad rows a failed import lists before "... and N more".
inline constexpr int kMaxListedErrors = 20;

struct ImportProgress {
  int64_t rows = 0;
  int64_t bytes = 0;
  int64_t total_bytes = -1;  // the file size, -1 when unknown (a pipe)
  double seconds = 0;
};

struct ImportOptions {
  Entity entity = Entity::kCustomers;
  std::string path;              // "-" is standard input
  std::optional<Format> format;  // unset: JSON Lines for .jsonl/.ndjson, CSV otherwise
  MapSpec map;
  DateFormat date_format = DateFormat::Iso8601();
  std::string currency = "EUR";  // for rows that name none
  std::string cancel_prefix = "C";
  std::string rejects_path;  // set: skip bad rows and write them here (CSV)
  char delimiter = ',';
  size_t chunk_bytes = text::kDefaultChunkBytes;
  // Called from time to time (at most every 250 ms) while rows are read.
  std::function<void(const ImportProgress&)> on_progress;
};

struct ImportSummary {
  int64_t rows_read = 0;  // data records, not counting the header
  int64_t imported = 0;
  int64_t rejected = 0;  // bad rows (written to the rejects file)
  int64_t skipped = 0;   // rows left out on purpose: orders without a customer id
  int64_t orders = 0;    // orders written (orders only)
  int64_t cancelled_orders = 0;
  std::vector<std::string> ignored_columns;  // columns that feed no field
  double seconds = 0;
  double RowsPerSecond() const {
    return seconds > 0 ? static_cast<double>(rows_read) / seconds : 0;
  }
};

Format FormatForPath(std::string_view path);

// Reads options.path into `writer` without committing. Errors:
//   InvalidArgument, field "map": the mapping does not fit the file (lists the columns);
//   InvalidArgument: the file is empty, or rows were bad and there is no rejects file; the
//     message lists them as "FILE:LINE: column: reason", the first kMaxListedErrors, then
//     "... and N more";
//   NotFound/Unavailable: the file cannot be read or the rejects file written;
//   anything the writer returns.
Result<ImportSummary> ImportRows(BulkWriter& writer, const ImportOptions& options);

// ImportRows in one bulk transaction of `store`, committed only when it succeeds.
Result<ImportSummary> Import(store::Connection& connection, const ImportOptions& options);

// A writer that stores nothing and hands out ids, to check a file (`--dry-run`) and to
// measure parsing alone.
std::unique_ptr<BulkWriter> MakeDryRunWriter();

// Writes every `entity` to `out` in the shape Import reads back with no --map: CSV with a
// header row, or JSON Lines. Customers come from `customers`, products and orders from
// `orders` (orders name their customer by external id, so they read both). Returns the number
// of records (order lines for orders). Errors from the stores, or Unavailable when `out`
// cannot be written.
Result<int64_t> Export(customers::CustomerStore& customers, orders::OrderStore& orders,
                       Entity entity, Format format, text::Output& out);

}  // namespace centric::ingest
