// SPDX-License-Identifier: Apache-2.0
#include "areas/stores.h"

namespace centric {

Result<std::unique_ptr<Stores>> Stores::Open(std::string_view url) {
  CENTRIC_ASSIGN_OR_RETURN(auto core, store::OpenStore(url));
  std::unique_ptr<Stores> stores(new Stores());
  stores->core_ = std::move(core);
  stores->orders_ = orders::MakeOrderStore(stores->core_->connection());
  stores->access_ = access::MakeAccessStore(stores->core_->connection());
  stores->crosssell_ = crosssell::MakeCrossSellStore(stores->core_->connection());
  stores->retention_ = retention::MakeRetentionStore(stores->core_->connection());
  stores->webhooks_ = webhooks::MakeWebhookStore(stores->core_->connection());
  return stores;
}

}  // namespace centric
