// SPDX-License-Identifier: Apache-2.0
// RetentionStore: the retention engine's input (orders as facts) and its saved runs and
// per-customer predictions, with one implementation per backend (sqlite/, postgres/) over the
// platform's shared connection and one contract suite over both (tests/areas/retention).
// Saving a run is one transaction with its audit row.
//
// Thread-safety: as its connection, one per thread.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "areas/retention/retention_types.h"
#include "core/result.h"
#include "platform/store/connection.h"

namespace centric::retention {

class RetentionStore {
 public:
  virtual ~RetentionStore() = default;

  // Streams every order as (customer, time, total) in storage order, in one read transaction:
  // the retention engine's input.
  virtual Status ScanOrderFacts(const std::function<void(const OrderFact&)>& visit) = 0;
  // The currencies of the orders with how many orders each has, most orders first.
  virtual Result<std::vector<std::pair<std::string, int64_t>>> OrderCurrencies() = 0;

  // Records an analysis run and replaces all predictions with `rows`, atomically, so readers
  // see either the previous run or this one; audited as action "analyze". Returns the run id.
  // NotFound (field customer_id) when a row names an unknown customer.
  virtual Result<int64_t> SaveAnalysis(const AnalysisReport& report,
                                       const std::vector<CustomerPrediction>& rows) = 0;
  // NotFound when the customer has no prediction (unknown, or no purchase before the as-of).
  virtual Result<CustomerPrediction> GetPrediction(CustomerId customer_id) = 0;
  // The predictions of `customer_ids` (a page of a list) in one query, in no order; customers
  // without one are left out.
  virtual Result<std::vector<CustomerPrediction>> GetPredictions(
      const std::vector<CustomerId>& customer_ids) = 0;
  // NotFound before the first analysis; Internal when the saved report cannot be read.
  virtual Result<AnalysisRun> LatestAnalysis() = 0;
};

// The retention store of `connection`'s backend, sharing it (it must outlive the store).
std::unique_ptr<RetentionStore> MakeRetentionStore(store::Connection& connection);

}  // namespace centric::retention
