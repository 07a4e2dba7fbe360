// SPDX-License-Identifier: Apache-2.0
// The webhook store's contract on SQLite and PostgreSQL: bad subscriptions are refused naming
// the field and store nothing; writes are audited without the secret; deliveries are queued
// once per event, handed out oldest first and one per customer at a time, and logged.
#include <gtest/gtest.h>

#include "areas/stores.h"
#include "areas/webhooks/webhook_rules.h"
#include "platform/audit/audit_log.h"
#include "support/store_fixture.h"

namespace centric::webhooks {
namespace {

using ::centric::testing::BackendName;
using ::centric::testing::BackendParam;

Millis Now() {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

class WebhookStoreContractTest : public ::testing::TestWithParam<BackendParam> {
 protected:
  void SetUp() override {
    CENTRIC_REQUIRE_BACKEND(GetParam().name);
    stores_ = ::centric::testing::FreshStores(GetParam().name);
    ASSERT_NE(stores_, nullptr);
  }
  WebhookStore& store() { return stores_->webhooks(); }

  std::vector<platform::AuditEntry> Audit() {
    auto log = platform::MakeAuditLog(stores_->connection());
    platform::AuditFilter filter;
    filter.entity = "webhook";
    filter.page.limit = 100;
    auto page = log->List(filter);
    EXPECT_TRUE(page) << page.error().ToString();
    return page ? page->items : std::vector<platform::AuditEntry>{};
  }

  Customer AddCustomer(const std::string& external_id) {
    Customer c;
    c.external_id = external_id;
    c.name = external_id;
    auto created = stores_->customers().CreateCustomer(c);
    EXPECT_TRUE(created);
    return created ? *created : Customer{};
  }

  std::unique_ptr<Stores> stores_;
};

TEST_P(WebhookStoreContractTest, BadSubscriptionsAreRefusedNamingTheFieldAndStoreNothing) {
  struct Case {
    SubscriptionDraft draft;
    const char* field;
  } cases[] = {
      {{"ftp://example.com/hook", {"customer.created"}, "", ""}, "url"},
      {{"example.com/hook", {"customer.created"}, "", ""}, "url"},
      {{"", {"customer.created"}, "", ""}, "url"},
      {{"http://user:pw@example.com/hook", {"customer.created"}, "", ""}, "url"},
      {{"https://example.com/hook", {}, "", ""}, "event_types"},
      {{"https://example.com/hook", {"customer.exploded"}, "", ""}, "event_types"},
      {{"https://example.com/hook", {"customer.created"}, "", "too-short-secret"}, "secret"},
  };
  for (const auto& c : cases) {
    auto created = store().CreateSubscription(c.draft);
    ASSERT_FALSE(created) << c.draft.url;
    EXPECT_EQ(created.error().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(created.error().field(), c.field) << created.error().ToString();
  }
  EXPECT_TRUE(store().ListSubscriptions()->empty());
  EXPECT_TRUE(Audit().empty());
}

TEST_P(WebhookStoreContractTest, SubscriptionsAreAuditedWithoutTheirSecret) {
  const std::string secret(40, 'k');
  auto made = store().CreateSubscription(
      {"https://example.com/hook", {"customer.created", "order.created"}, "CRM sync", secret});
  ASSERT_TRUE(made) << made.error().ToString();
  EXPECT_EQ(made->secret, secret);
  auto generated = store().CreateSubscription({"http://127.0.0.1:9/x", {"*"}, "", ""});
  ASSERT_TRUE(generated);
  EXPECT_EQ(generated->secret.rfind("whsec_", 0), 0u);
  EXPECT_GE(generated->secret.size(), kMinSecretBytes);

  SubscriptionChange pause;
  pause.active = false;
  pause.event_types = std::vector<std::string>{"customer.updated"};
  auto paused = store().UpdateSubscription(made->id, pause);
  ASSERT_TRUE(paused);
  EXPECT_FALSE(paused->active);
  EXPECT_EQ(paused->event_types, std::vector<std::string>{"customer.updated"});
  EXPECT_EQ(store().GetSubscription(made->id)->secret, secret);
  SubscriptionChange bad;
  bad.url = "mailto:ops@example.com";
  EXPECT_EQ(store().UpdateSubscription(made->id, bad).error().field(), "url");
  EXPECT_EQ(store().UpdateSubscription(999, pause).error().code(), StatusCode::kNotFound);
  ASSERT_TRUE(store().DeleteSubscription(generated->id).ok());
  EXPECT_EQ(store().GetSubscription(generated->id).error().code(), StatusCode::kNotFound);
  EXPECT_EQ(store().ListSubscriptions()->size(), 1u);

  auto rows = Audit();
  ASSERT_EQ(rows.size(), 4u);  // create, create, update, delete
  EXPECT_EQ(rows[0].action, "delete");
  EXPECT_EQ(rows[1].action, "update");
  for (const auto& row : rows) {
    EXPECT_EQ(row.changes_json.find(secret), std::string::npos);
    EXPECT_EQ(row.changes_json.find("whsec_"), std::string::npos);
  }
}

TEST_P(WebhookStoreContractTest, DeliveriesAreQueuedOnceAndHandedOutOnePerCustomerInOrder) {
  auto hook = store().CreateSubscription({"https://example.com/hook", {"*"}, "", ""});
  ASSERT_TRUE(hook);
  // Events 1-3 for Mai, 4 for Bo: real events, so the delivery can carry them.
  const Customer mai = AddCustomer("mai");
  Customer renamed = mai;
  renamed.name = "Mai T";
  ASSERT_TRUE(stores_->customers().UpdateCustomer(renamed));
  renamed.name = "Mai Tran";
  ASSERT_TRUE(stores_->customers().UpdateCustomer(renamed));
  const Customer bo = AddCustomer("bo");
  std::vector<NewDelivery> queue;
  for (int64_t p = 1; p <= 4; ++p) {
    queue.push_back({hook->id, hook->start_position + p,
                     p == 1   ? "customer.created"
                     : p == 4 ? "customer.created"
                              : "customer.updated",
                     p == 4 ? bo.id : mai.id});
  }
  ASSERT_TRUE(store().QueueDeliveries(queue, Now()).ok());
  ASSERT_TRUE(store().QueueDeliveries(queue, Now()).ok());  // a repeat is ignored
  EXPECT_EQ(*store().PendingCount(), 4);

  auto due = store().DueDeliveries(Now(), 100);
  ASSERT_TRUE(due) << due.error().ToString();
  ASSERT_EQ(due->size(), 2u);  // Mai's first and Bo's: Mai's next wait for her first
  EXPECT_EQ((*due)[0].position, hook->start_position + 1);
  EXPECT_EQ((*due)[0].customer_id, mai.id);
  EXPECT_EQ((*due)[0].type, "customer.created");
  EXPECT_NE((*due)[0].payload_json.find("mai"), std::string::npos);
  EXPECT_EQ((*due)[1].customer_id, bo.id);

  // Mai's first fails and waits a minute: her later events wait with it.
  Attempt retry{
      (*due)[0].id,
      DeliveryStatus::kPending,
      Now() + std::chrono::minutes(1),
      500,
      "HTTP 500",
      12,
      FromUnixSeconds(ToUnixSeconds(std::chrono::time_point_cast<std::chrono::seconds>(Now())))};
  Attempt done{(*due)[1].id, DeliveryStatus::kDelivered, Now(), 204, "", 3, retry.at};
  ASSERT_TRUE(store().RecordAttempts({retry, done}).ok());
  EXPECT_TRUE(store().DueDeliveries(Now(), 100)->empty());
  auto later = store().DueDeliveries(Now() + std::chrono::minutes(2), 100);
  ASSERT_EQ(later->size(), 1u);
  EXPECT_EQ(later->front().id, retry.delivery_id);
  EXPECT_EQ(later->front().attempts, 1);

  retry.status = DeliveryStatus::kDelivered;
  ASSERT_TRUE(store().RecordAttempts({retry}).ok());
  auto next = store().DueDeliveries(Now() + std::chrono::minutes(2), 100);
  ASSERT_EQ(next->size(), 1u);
  EXPECT_EQ(next->front().position, hook->start_position + 2);

  // A paused subscription hands out nothing.
  SubscriptionChange pause;
  pause.active = false;
  ASSERT_TRUE(store().UpdateSubscription(hook->id, pause));
  EXPECT_TRUE(store().DueDeliveries(Now(), 100)->empty());

  DeliveryFilter filter;
  filter.subscription_id = hook->id;
  filter.page.limit = 2;
  auto page = store().ListDeliveries(filter);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_GT(page->items[0].id, page->items[1].id);  // newest first
  EXPECT_FALSE(page->next_cursor.empty());
  filter.page.cursor = page->next_cursor;
  EXPECT_EQ(store().ListDeliveries(filter)->items.size(), 2u);
  filter.page = {};
  filter.status = DeliveryStatus::kDelivered;
  auto delivered = store().ListDeliveries(filter);
  ASSERT_EQ(delivered->items.size(), 2u);
  for (const auto& d : delivered->items) {
    EXPECT_EQ(d.attempts, d.id == retry.delivery_id ? 2 : 1);
    EXPECT_TRUE(d.finished_at);
  }
  filter.subscription_id = 999;
  EXPECT_EQ(store().ListDeliveries(filter).error().code(), StatusCode::kNotFound);
}

TEST_P(WebhookStoreContractTest, APingIsLoggedAndAudited) {
  auto hook = store().CreateSubscription({"https://example.com/hook", {"*"}, "", ""});
  ASSERT_TRUE(hook);
  Attempt ping{0, DeliveryStatus::kFailed,    Now(), std::nullopt, "Connection refused",
               1, FromUnixSeconds(1700000000)};
  auto id = store().RecordPing(hook->id, ping);
  ASSERT_TRUE(id) << id.error().ToString();
  DeliveryFilter filter;
  filter.subscription_id = hook->id;
  auto page = store().ListDeliveries(filter);
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].event_type, "ping");
  EXPECT_EQ(page->items[0].status, DeliveryStatus::kFailed);
  EXPECT_EQ(page->items[0].last_error, "Connection refused");
  EXPECT_FALSE(page->items[0].event_position);
  EXPECT_EQ(store().RecordPing(999, ping).error().code(), StatusCode::kNotFound);
  EXPECT_EQ(Audit().front().action, "test");
}

INSTANTIATE_TEST_SUITE_P(Backends, WebhookStoreContractTest,
                         ::testing::ValuesIn(::centric::testing::TestBackends()), BackendName());

}  // namespace
}  // namespace centric::webhooks
