// SPDX-License-Identifier: Apache-2.0
// The world the handler tests run in: a fresh, empty store of the backend under test (SQLite
// always, PostgreSQL when CENTRIC_TEST_PG_DSN is set) and one token for each role. Requests go
// through HandleRequest, the same function the server calls, but with no socket in between.
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "api/handle_request.h"
#include "api/request.h"
#include "api/response.h"
#include "api/services.h"
#include "support/store_fixture.h"

namespace centric::api {

class ApiTest : public ::testing::TestWithParam<::centric::testing::BackendParam> {
 protected:
  void SetUp() override;

  // Runs one request as `token` ("" for none).
  Response Call(Method method, std::string target, std::string body, std::string_view token);
  // The same, as the admin.
  Response Get(std::string target) { return Call(Method::kGet, std::move(target), "", admin_); }
  Response Post(std::string target, std::string body) {
    return Call(Method::kPost, std::move(target), std::move(body), admin_);
  }
  Response Patch(std::string target, std::string body) {
    return Call(Method::kPatch, std::move(target), std::move(body), admin_);
  }
  Response Delete(std::string target) {
    return Call(Method::kDelete, std::move(target), "", admin_);
  }

  // Creates through the API (as admin) and returns the new id; fails the test on an error.
  int64_t CreateCustomer(std::string_view external_id, std::string_view name,
                         std::string_view extra_json = "");
  int64_t CreateProduct(std::string_view sku, std::string_view category, int64_t price_minor);
  int64_t CreateOrder(int64_t customer_id, std::string_view invoice, std::string_view when,
                      std::string_view sku, int64_t quantity);
  int64_t CreateInteraction(int64_t customer_id, std::string_view kind, std::string_view when);

  std::unique_ptr<Stores> stores_;
  customers::CustomerStore* store_ = nullptr;  // stores_->customers(), which most tests use
  std::string url_;                            // for more connections to the same store
  std::string admin_;
  std::string agent_;
  std::string analyst_;
};

// The body parsed as a JSON object; an empty object (and a test failure) if it is not one.
boost::json::object BodyOf(const Response& response);

// The "id" of every item of a list response, in order.
std::vector<int64_t> ItemIds(const Response& response);

// Checks the error shape: status, code, and field (null when `field` is empty).
void ExpectError(const Response& response, int status, std::string_view code,
                 std::string_view field = "");

// A JSON string literal for `text`, quotes included.
std::string Quote(std::string_view text);

// Registers `suite` to run once per backend under test.
#define CENTRIC_API_BACKENDS(suite)                                                 \
  INSTANTIATE_TEST_SUITE_P(Backends, suite,                                         \
                           ::testing::ValuesIn(::centric::testing::TestBackends()), \
                           ::centric::testing::BackendName())

}  // namespace centric::api
