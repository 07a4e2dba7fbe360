// SPDX-License-Identifier: Apache-2.0
// OrderStore: the catalogue (products by sku) and the orders with their lines, with one
// implementation per backend (sqlite/, postgres/) over the platform's shared connection and
// one contract suite over both (tests/areas/orders). Every write is one transaction with its
// audit row and, for orders, its event (order.created, order.updated, order.deleted).
// Imports write products and orders through the import's bulk writer instead, which records
// one audit row for the whole import.
//
// Thread-safety: as its connection, one per thread.
#pragma once

#include <functional>
#include <memory>

#include "areas/orders/order_types.h"
#include "core/order.h"
#include "core/product.h"
#include "core/result.h"
#include "platform/store/connection.h"
#include "platform/store/page.h"

namespace centric::orders {

using store::Page;
using store::PageRequest;

class OrderStore {
 public:
  virtual ~OrderStore() = default;

  // Products, by sku as unique key. Create: AlreadyExists (field sku) on a duplicate sku,
  // InvalidArgument on a bad field. Get/Update/Delete: NotFound for an unknown id. Delete:
  // FailedPrecondition while order lines refer to it.
  virtual Result<Product> CreateProduct(const Product& product) = 0;
  virtual Result<Product> GetProduct(ProductId id) = 0;
  virtual Result<Product> UpdateProduct(const Product& product) = 0;
  virtual Status DeleteProduct(ProductId id) = 0;
  virtual Result<Page<Product>> ListProducts(const ProductFilter& filter) = 0;

  // Orders with their lines. Lines may name products by sku; NotFound (field lines) for an
  // unknown product, NotFound (field customer_id) for an unknown customer, AlreadyExists
  // (field external_id) when the customer already has an order with that external id.
  virtual Result<Order> CreateOrder(const Order& order) = 0;
  virtual Result<Order> GetOrder(OrderId id) = 0;
  virtual Result<Order> UpdateOrder(const Order& order) = 0;
  virtual Status DeleteOrder(OrderId id) = 0;
  virtual Result<Page<Order>> ListOrders(const OrderFilter& filter) = 0;

  // Stream every product or order (with its lines) in id order inside one read transaction,
  // so an export is a consistent snapshot. Stop at and return the first error `visit` returns.
  virtual Status ScanProducts(const std::function<Status(const Product&)>& visit) = 0;
  virtual Status ScanOrders(const std::function<Status(const Order&)>& visit) = 0;
};

// The order store of `connection`'s backend, sharing it (it must outlive the store), each
// write recorded in the audit log and the outbox.
std::unique_ptr<OrderStore> MakeOrderStore(store::Connection& connection);

}  // namespace centric::orders
