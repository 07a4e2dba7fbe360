// SPDX-License-Identifier: Apache-2.0
// ShopStoreTest: the world of an area contract suite that reads the shop's customers and
// orders: every area's store on a fresh database of the backend under test, helpers to add
// customers, products and orders, and the audit actions about an entity.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "areas/stores.h"
#include "platform/audit/audit_log.h"
#include "support/store_fixture.h"

namespace centric::testing {

class ShopStoreTest : public ::testing::TestWithParam<BackendParam> {
 protected:
  void SetUp() override {
    CENTRIC_REQUIRE_BACKEND(GetParam().name);
    stores_ = FreshStores(GetParam().name, &url_);
    ASSERT_NE(stores_, nullptr);
    store_ = &stores_->customers();
    orders_ = &stores_->orders();
  }

  Customer AddCustomer(const std::string& external_id, const std::string& name) {
    Customer c;
    c.external_id = external_id;
    c.name = name;
    auto created = store_->CreateCustomer(c);
    EXPECT_TRUE(created) << created.error().ToString();
    return created ? *created : Customer{};
  }
  Product AddProduct(const std::string& sku, const std::string& category, int64_t price) {
    Product p;
    p.sku = sku;
    p.name = "Product " + sku;
    p.category = category;
    p.currency = "EUR";
    p.price_minor = price;
    auto created = orders_->CreateProduct(p);
    EXPECT_TRUE(created) << created.error().ToString();
    return created ? *created : Product{};
  }
  Order MakeOrder(CustomerId customer, const std::string& invoice, const char* when,
                  std::vector<OrderLine> lines) {
    Order o;
    o.customer_id = customer;
    o.external_id = invoice;
    o.ordered_at = *ParseIso8601(when);
    o.currency = "EUR";
    o.lines = std::move(lines);
    return o;
  }
  // The actions of the audit rows about `entity`, oldest first.
  std::vector<std::string> AuditActions(const std::string& entity) {
    auto log = platform::MakeAuditLog(stores_->connection());
    platform::AuditFilter filter;
    filter.entity = entity;
    std::vector<std::string> actions;
    EXPECT_TRUE(log->Scan(filter,
                          [&](const platform::AuditEntry& e) {
                            actions.insert(actions.begin(), e.action);
                            return Status::Ok();
                          })
                    .ok());
    return actions;
  }

  std::unique_ptr<Stores> stores_;
  customers::CustomerStore* store_ = nullptr;  // stores_->customers(): the shop's customers
  orders::OrderStore* orders_ = nullptr;       // stores_->orders(): its catalogue and orders
  std::string url_;  // the database, for tests that open more connections to it
};

}  // namespace centric::testing
