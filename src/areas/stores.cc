// SPDX-License-Identifier: Apache-2.0
#include "areas/stores.h"

namespace centric {

Result<std::unique_ptr<Stores>> Stores::Open(std::string_view url) {
  CENTRIC_ASSIGN_OR_RETURN(auto connection, store::OpenConnection(url));
  std::unique_ptr<Stores> stores(new Stores());
  stores->connection_ = std::move(connection);
  store::Connection& c = *stores->connection_;
  stores->customers_ = customers::MakeCustomerStore(c);
  stores->orders_ = orders::MakeOrderStore(c);
  stores->access_ = access::MakeAccessStore(c);
  stores->crosssell_ = crosssell::MakeCrossSellStore(c);
  stores->retention_ = retention::MakeRetentionStore(c);
  stores->webhooks_ = webhooks::MakeWebhookStore(c);
  return stores;
}

}  // namespace centric
