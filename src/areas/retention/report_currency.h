// SPDX-License-Identifier: Apache-2.0
// The currency the latest analysis gives its amounts in (summary.currency: the currency of most
// orders, recorded by jobs/analyze), so every figure read from a run carries it.
#pragma once

#include <string>

#include "areas/retention/retention_store.h"

namespace centric::retention {

// The currency of the latest run; empty before the first analysis or for a run older than
// the field.
std::string LatestCurrency(RetentionStore& store);

}  // namespace centric::retention
