// SPDX-License-Identifier: Apache-2.0
// RowSink: turns mapped rows into customers, products or orders and writes them through a
// BulkWriter. One sink per import; not thread-safe.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "core/result.h"
#include "core/time.h"
#include "ingest/bulk/bulk_writer.h"
#include "ingest/mapping.h"
#include "ingest/row.h"

namespace centric::ingest {

struct ConvertOptions {
  DateFormat date_format = DateFormat::Iso8601();
  std::string currency = "EUR";     // when the row names none
  std::string cancel_prefix = "C";  // invoices starting with it are cancellations
};

enum class RowOutcome { kImported, kSkipped, kRejected };

struct RowResult {
  RowOutcome outcome = RowOutcome::kImported;
  RowError error;  // why, for kSkipped and kRejected
};

class RowSink {
 public:
  virtual ~RowSink() = default;
  // Converts one row and, unless StopWriting() was called, writes it. A bad row comes back
  // as kRejected with the reason; a failed store write is an error that ends the import.
  virtual Result<RowResult> Add(const Row& row) = 0;
  // The import is going to fail: keep checking rows but write nothing more.
  virtual void StopWriting() = 0;
  // Writes what is still held back (the last order).
  virtual Status Finish() = 0;
  // Orders written (orders sink only), and how many of them are cancellations.
  virtual int64_t orders() const { return 0; }
  virtual int64_t cancelled_orders() const { return 0; }
};

// REQUIRES: `writer` and `mapping` outlive the sink; mapping.entity() matches.
std::unique_ptr<RowSink> MakeCustomerSink(BulkWriter& writer, const Mapping& mapping,
                                          const ConvertOptions& options);
std::unique_ptr<RowSink> MakeProductSink(BulkWriter& writer, const Mapping& mapping,
                                         const ConvertOptions& options);
std::unique_ptr<RowSink> MakeOrderSink(BulkWriter& writer, const Mapping& mapping,
                                       const ConvertOptions& options);
std::unique_ptr<RowSink> MakeSink(BulkWriter& writer, const Mapping& mapping,
                                  const ConvertOptions& options);

}  // namespace centric::ingest
