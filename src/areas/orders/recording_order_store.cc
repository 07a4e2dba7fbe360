// SPDX-License-Identifier: Apache-2.0
// Every write of the order store with its audit row and, for orders, its domain event, in the
// write's transaction. Reads pass straight through.
#include <utility>

#include "areas/orders/order_store_backends.h"
#include "platform/events/event_types.h"
#include "platform/store/entity_change.h"

namespace centric::orders {
namespace {

using platform::Change;
using platform::EntityChange;
using platform::RecordedDelete;
using platform::RecordedWrite;

class RecordingOrderStore final : public OrderStore {
 public:
  RecordingOrderStore(std::unique_ptr<OrderStore> inner, store::Connection& connection)
      : inner_(std::move(inner)), connection_(connection) {}

  Result<Product> CreateProduct(const Product& product) override {
    return RecordedWrite<Product>(connection_, [&]() -> Result<std::pair<Product, Change>> {
      CENTRIC_ASSIGN_OR_RETURN(Product after, inner_->CreateProduct(product));
      Change c =
          EntityChange<Product>("create", "product", after.id, std::nullopt, nullptr, &after);
      return std::pair{std::move(after), std::move(c)};
    });
  }
  Result<Product> GetProduct(ProductId id) override { return inner_->GetProduct(id); }
  Result<Product> UpdateProduct(const Product& product) override {
    return RecordedWrite<Product>(connection_, [&]() -> Result<std::pair<Product, Change>> {
      CENTRIC_ASSIGN_OR_RETURN(Product before, inner_->GetProduct(product.id));
      CENTRIC_ASSIGN_OR_RETURN(Product after, inner_->UpdateProduct(product));
      Change c = EntityChange("update", "product", after.id, std::nullopt, &before, &after);
      return std::pair{std::move(after), std::move(c)};
    });
  }
  Status DeleteProduct(ProductId id) override {
    return RecordedDelete<Product>(
        connection_, [&] { return inner_->GetProduct(id); },
        [&] { return inner_->DeleteProduct(id); },
        [&](const Product& before) {
          return EntityChange<Product>("delete", "product", id, std::nullopt, &before, nullptr);
        });
  }
  Result<Page<Product>> ListProducts(const ProductFilter& filter) override {
    return inner_->ListProducts(filter);
  }
  Status ScanProducts(const std::function<Status(const Product&)>& visit) override {
    return inner_->ScanProducts(visit);
  }

  Result<Order> CreateOrder(const Order& order) override {
    return RecordedWrite<Order>(connection_, [&]() -> Result<std::pair<Order, Change>> {
      CENTRIC_ASSIGN_OR_RETURN(Order after, inner_->CreateOrder(order));
      Change c = EntityChange<Order>("create", "order", after.id, after.customer_id, nullptr,
                                     &after, platform::kOrderCreated);
      return std::pair{std::move(after), std::move(c)};
    });
  }
  Result<Order> GetOrder(OrderId id) override { return inner_->GetOrder(id); }
  Result<Order> UpdateOrder(const Order& order) override {
    return RecordedWrite<Order>(connection_, [&]() -> Result<std::pair<Order, Change>> {
      CENTRIC_ASSIGN_OR_RETURN(Order before, inner_->GetOrder(order.id));
      CENTRIC_ASSIGN_OR_RETURN(Order after, inner_->UpdateOrder(order));
      Change c = EntityChange("update", "order", after.id, after.customer_id, &before, &after,
                              platform::kOrderUpdated);
      return std::pair{std::move(after), std::move(c)};
    });
  }
  Status DeleteOrder(OrderId id) override {
    return RecordedDelete<Order>(
        connection_, [&] { return inner_->GetOrder(id); }, [&] { return inner_->DeleteOrder(id); },
        [&](const Order& before) {
          return EntityChange<Order>("delete", "order", id, before.customer_id, &before, nullptr,
                                     platform::kOrderDeleted);
        });
  }
  Result<Page<Order>> ListOrders(const OrderFilter& filter) override {
    return inner_->ListOrders(filter);
  }
  Status ScanOrders(const std::function<Status(const Order&)>& visit) override {
    return inner_->ScanOrders(visit);
  }

 private:
  std::unique_ptr<OrderStore> inner_;
  store::Connection& connection_;
};

}  // namespace

std::unique_ptr<OrderStore> MakeRecordingOrderStore(std::unique_ptr<OrderStore> inner,
                                                    store::Connection& connection) {
  return std::make_unique<RecordingOrderStore>(std::move(inner), connection);
}

}  // namespace centric::orders
