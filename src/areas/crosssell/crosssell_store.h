// SPDX-License-Identifier: Apache-2.0
// CrossSellStore: the cross-sell engine's input (order lines with their products) and its model,
// replaced as a whole by each run, with one implementation per backend (sqlite/, postgres/) over
// the platform's shared connection and one contract suite over both (tests/areas/crosssell).
//
// Thread-safety: as its connection, one per thread.
#pragma once

#include <functional>
#include <memory>
#include <string_view>
#include <vector>

#include "areas/crosssell/crosssell_types.h"
#include "core/result.h"
#include "platform/store/connection.h"

namespace centric::crosssell {

class CrossSellStore {
 public:
  virtual ~CrossSellStore() = default;

  // Streams every order line, lines of one order together, in one read transaction: the
  // cross-sell engine's input.
  virtual Status ScanPurchases(const std::function<void(const PurchaseLine&)>& visit) = 0;
  // The customer's order lines with their products, oldest order first; empty for a customer
  // with no orders or an unknown one.
  virtual Result<std::vector<PurchaseLine>> CustomerPurchases(CustomerId customer_id) = 0;

  // Replaces the cross-sell model atomically, with its audit row (action "analyze", entity
  // "crosssell_run"); returns the run id.
  virtual Result<int64_t> SaveCrossSell(const CrossSellModel& model) = 0;
  // NotFound before the first cross-sell run.
  virtual Result<CrossSellRun> LatestCrossSell() = 0;
  // The neighbours of `items` at `level` and the `popular` most bought items. NotFound before
  // the first cross-sell run.
  virtual Result<CrossSellSlice> CrossSellNeighbours(std::string_view level,
                                                     const std::vector<std::string>& items,
                                                     int popular) = 0;
  // Rules of the latest run meeting the query, highest lift first (then confidence, count).
  // NotFound before the first cross-sell run.
  virtual Result<std::vector<CrossSellRule>> ListCrossSellRules(const RuleQuery& query) = 0;
};

// The cross-sell store of `connection`'s backend, sharing it (it must outlive the store).
std::unique_ptr<CrossSellStore> MakeCrossSellStore(store::Connection& connection);

}  // namespace centric::crosssell
