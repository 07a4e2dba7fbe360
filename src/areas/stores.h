// SPDX-License-Identifier: Apache-2.0
// Stores: every area's store, opened on one shared connection, so a write that spans areas is
// one transaction and every area records in the same audit log and event outbox. Adding an
// area adds its store here: one member and one line in Open.
//
// Thread-safety: as its connection, one per thread (OpenStores is cheap).
#pragma once

#include <memory>
#include <string_view>

#include "areas/access/access_store.h"
#include "areas/crosssell/crosssell_store.h"
#include "areas/orders/order_store.h"
#include "areas/retention/retention_store.h"
#include "areas/webhooks/webhook_store.h"
#include "core/result.h"
#include "store/store.h"

namespace centric {

class Stores {
 public:
  // Opens the database named by `url` (see store::OpenStore) and hands out its areas.
  static Result<std::unique_ptr<Stores>> Open(std::string_view url);

  store::Connection& connection() { return core_->connection(); }
  std::string_view backend() const { return core_->backend(); }

  // Customers, interactions and the timeline, and the import's bulk writer: the area that
  // still has the shared interface until it moves to its own home.
  store::Store& core() { return *core_; }
  orders::OrderStore& orders() { return *orders_; }
  access::AccessStore& access() { return *access_; }
  crosssell::CrossSellStore& crosssell() { return *crosssell_; }
  retention::RetentionStore& retention() { return *retention_; }
  webhooks::WebhookStore& webhooks() { return *webhooks_; }

 private:
  Stores() = default;

  // core_ owns the connection, so it is declared first and destroyed last.
  std::unique_ptr<store::Store> core_;
  std::unique_ptr<orders::OrderStore> orders_;
  std::unique_ptr<access::AccessStore> access_;
  std::unique_ptr<crosssell::CrossSellStore> crosssell_;
  std::unique_ptr<retention::RetentionStore> retention_;
  std::unique_ptr<webhooks::WebhookStore> webhooks_;
};

}  // namespace centric
