// SPDX-License-Identifier: Apache-2.0
// Wraps a backend's bulk writer so that its Commit appends, inside the write's transaction, one
// event per customer the write created or changed (customer.created / customer.updated, "via"
// import) and one audit row and import.completed event for the whole write with its counts.
#pragma once

#include <memory>

#include "ingest/bulk/bulk_writer.h"

namespace centric::ingest {

// `last_customer_before`: the highest customer id before the write; ids above it are customers
// the write created.
std::unique_ptr<BulkWriter> MakeRecordingBulkWriter(std::unique_ptr<BulkWriter> inner,
                                                    store::Connection& connection,
                                                    CustomerId last_customer_before);

}  // namespace centric::ingest
