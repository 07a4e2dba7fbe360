// SPDX-License-Identifier: Apache-2.0
// Stores: the database opened once and every area's store on that one connection, so a write
// that spans areas is one transaction and every area records in the same audit log and event
// outbox. Adding an area adds its store here: one member and one line in Open.
//
// Thread-safety: as its connection, one per thread (Stores::Open is cheap).
#pragma once

#include <memory>
#include <string_view>

#include "areas/access/access_store.h"
#include "areas/crosssell/crosssell_store.h"
#include "areas/customers/customer_store.h"
#include "areas/orders/order_store.h"
#include "areas/retention/retention_store.h"
#include "areas/webhooks/webhook_store.h"
#include "core/result.h"
#include "platform/store/connection.h"

namespace centric {

class Stores {
 public:
  // Opens the database named by `url` ("postgresql://..." or "postgres://..." for PostgreSQL,
  // anything else a SQLite file path, ":memory:" a private in-memory one), applies pending
  // migrations and hands out its areas. Unavailable when the database cannot be reached.
  static Result<std::unique_ptr<Stores>> Open(std::string_view url);

  store::Connection& connection() { return *connection_; }
  std::string_view backend() const { return connection_->backend(); }

  customers::CustomerStore& customers() { return *customers_; }
  orders::OrderStore& orders() { return *orders_; }
  access::AccessStore& access() { return *access_; }
  crosssell::CrossSellStore& crosssell() { return *crosssell_; }
  retention::RetentionStore& retention() { return *retention_; }
  webhooks::WebhookStore& webhooks() { return *webhooks_; }

 private:
  Stores() = default;

  // The stores use the connection, so it is declared first and destroyed last.
  std::unique_ptr<store::Connection> connection_;
  std::unique_ptr<customers::CustomerStore> customers_;
  std::unique_ptr<orders::OrderStore> orders_;
  std::unique_ptr<access::AccessStore> access_;
  std::unique_ptr<crosssell::CrossSellStore> crosssell_;
  std::unique_ptr<retention::RetentionStore> retention_;
  std::unique_ptr<webhooks::WebhookStore> webhooks_;
};

}  // namespace centric
