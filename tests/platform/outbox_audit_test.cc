// SPDX-License-Identifier: Apache-2.0
// The event outbox and the audit log, one contract on both backends: a write and its record
// commit or roll back together, positions only grow, a bulk write records itself once plus one
// event per customer, no secret reaches the log, and the database refuses edits to it.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "ingest/bulk/bulk_writer.h"
#include "platform/audit/audit_log.h"
#include "platform/events/event_log.h"
#include "platform/store/postgres/postgres_connection.h"
#include "platform/store/sqlite/sqlite_connection.h"
#include "support/store_fixture.h"

namespace centric::platform {
namespace {

using ::centric::testing::BackendName;
using ::centric::testing::BackendParam;

class OutboxAuditTest : public ::testing::TestWithParam<BackendParam> {
 protected:
  void SetUp() override {
    CENTRIC_REQUIRE_BACKEND(GetParam().name);
    stores_ = ::centric::testing::FreshStores(GetParam().name);
    ASSERT_NE(stores_, nullptr);
    store_ = &stores_->customers();
    Actor ana;
    ana.kind = ActorKind::kUser;
    ana.id = 7;
    ana.name = "ana@example.com";
    ana.role = Role::kAgent;
    ana.source = "192.0.2.10";
    stores_->connection().set_actor(ana);
    events_ = MakeEventLog(stores_->connection());
    audit_ = MakeAuditLog(stores_->connection());
  }

  std::vector<Event> AllEvents() {
    auto events = events_->Read(0, 10000);
    EXPECT_TRUE(events) << events.error().ToString();
    return events ? *events : std::vector<Event>{};
  }
  std::vector<AuditEntry> AllAudit(AuditFilter filter = {}) {
    std::vector<AuditEntry> out;
    Status s = audit_->Scan(filter, [&](const AuditEntry& e) {
      out.push_back(e);
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return out;
  }
  Customer MakeCustomer(std::string external_id, std::string name) {
    Customer c;
    c.external_id = std::move(external_id);
    c.name = std::move(name);
    return c;
  }

  std::unique_ptr<Stores> stores_;
  customers::CustomerStore* store_ = nullptr;  // stores_->customers()
  std::unique_ptr<EventLog> events_;
  std::unique_ptr<AuditLog> audit_;
};

TEST_P(OutboxAuditTest, EachCustomerWriteLeavesOneAuditRowAndOneEvent) {
  auto created = store_->CreateCustomer(MakeCustomer("C-1", "Mai"));
  ASSERT_TRUE(created);
  Customer changed = *created;
  changed.name = "Mai Tran";
  ASSERT_TRUE(store_->UpdateCustomer(changed));
  ASSERT_TRUE(store_->DeleteCustomer(created->id).ok());

  auto events = AllEvents();
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].type, "customer.created");
  EXPECT_EQ(events[1].type, "customer.updated");
  EXPECT_EQ(events[2].type, "customer.deleted");
  for (size_t i = 0; i < events.size(); ++i) {
    EXPECT_EQ(events[i].customer_id, created->id);
    EXPECT_EQ(events[i].actor_kind, ActorKind::kUser);
    EXPECT_EQ(events[i].actor_name, "ana@example.com");
    if (i > 0) {
      EXPECT_GT(events[i].position, events[i - 1].position);
    }
  }
  auto payload = boost::json::parse(events[1].payload_json).as_object();
  EXPECT_EQ(payload.at("changes").at("name").at("after").as_string(), "Mai Tran");

  auto rows = AllAudit();
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].action, "delete");  // newest first
  EXPECT_EQ(rows[1].action, "update");
  EXPECT_EQ(rows[2].action, "create");
  EXPECT_EQ(rows[1].actor.source, "192.0.2.10");
  EXPECT_EQ(rows[1].actor.role, Role::kAgent);
  EXPECT_EQ(rows[1].actor.id, 7);
  auto fields = boost::json::parse(rows[1].changes_json).as_object();
  ASSERT_EQ(fields.size(), 1u);
  EXPECT_EQ(fields.at("name").at("before").as_string(), "Mai");
  auto deleted = boost::json::parse(rows[0].changes_json).as_object();
  EXPECT_EQ(deleted.at("name").at("before").as_string(), "Mai Tran");
  EXPECT_TRUE(deleted.at("name").at("after").is_null());
}

TEST_P(OutboxAuditTest, AnUpdateThatChangesNothingIsAuditedButIsNoEvent) {
  auto created = store_->CreateCustomer(MakeCustomer("C-1", "Mai"));
  ASSERT_TRUE(created);
  ASSERT_TRUE(store_->UpdateCustomer(*created));
  EXPECT_EQ(AllEvents().size(), 1u);
  EXPECT_EQ(AllAudit().size(), 2u);
}

TEST_P(OutboxAuditTest, AFailedWriteLeavesNeitherAuditRowNorEvent) {
  ASSERT_TRUE(store_->CreateCustomer(MakeCustomer("C-1", "Mai")));
  auto duplicate = store_->CreateCustomer(MakeCustomer("C-1", "Someone else"));
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().code(), StatusCode::kAlreadyExists);
  EXPECT_FALSE(store_->DeleteCustomer(999).ok());
  EXPECT_EQ(AllEvents().size(), 1u);
  EXPECT_EQ(AllAudit().size(), 1u);
  // The connection is usable afterwards: the failed write's transaction is gone.
  EXPECT_TRUE(store_->CreateCustomer(MakeCustomer("C-2", "Linh")));
}

TEST_P(OutboxAuditTest, ABulkWriteRecordsItselfOnceAndEachCustomerItTouchedOnce) {
  auto existing = store_->CreateCustomer(MakeCustomer("C-0", "Existing"));
  ASSERT_TRUE(existing);
  auto product =
      stores_->orders().CreateProduct(Product{.sku = "P-1", .name = "Pasta", .currency = "EUR"});
  ASSERT_TRUE(product) << product.error().ToString();
  const int64_t events_before = *events_->LastPosition();
  {
    auto writer = ingest::BeginBulk(stores_->connection());
    ASSERT_TRUE(writer);
    (*writer)->set_source("orders sales.csv");
    for (int i = 1; i <= 3; ++i) {
      auto id = (*writer)->EnsureCustomer("C-" + std::to_string(i), Customer{});
      ASSERT_TRUE(id);
      for (int n = 0; n < 4; ++n) {  // several orders each: still one event per customer
        Order o;
        o.customer_id = *id;
        o.external_id = "INV-" + std::to_string(i) + "-" + std::to_string(n);
        o.ordered_at = FromUnixSeconds(1700000000 + n);
        o.currency = "EUR";
        o.lines.push_back(OrderLine{.product_id = product->id,
                                    .quantity = 1,
                                    .unit_price_minor = 100,
                                    .amount_minor = 100});
        ASSERT_TRUE((*writer)->UpsertOrder(o)) << "order " << o.external_id;
      }
    }
    auto seen = (*writer)->EnsureCustomer("C-0", Customer{});  // referred to, not changed
    ASSERT_TRUE(seen);
    ASSERT_TRUE((*writer)->Commit().ok());
  }
  auto events = events_->Read(events_before, 100);
  ASSERT_TRUE(events);
  ASSERT_EQ(events->size(), 4u);
  for (int i = 0; i < 3; ++i) EXPECT_EQ((*events)[i].type, "customer.created") << i;
  EXPECT_EQ((*events)[3].type, "import.completed");
  auto counts = boost::json::parse((*events)[3].payload_json).as_object();
  EXPECT_EQ(counts.at("customers_created").as_int64(), 3);
  EXPECT_EQ(counts.at("customers_changed").as_int64(), 0);
  EXPECT_EQ(counts.at("orders").as_int64(), 12);
  EXPECT_EQ(counts.at("source").as_string(), "orders sales.csv");
  auto imports = AllAudit(AuditFilter{.entity = "import"});
  ASSERT_EQ(imports.size(), 1u);
  EXPECT_EQ(imports[0].entity_id, "orders sales.csv");
}

TEST_P(OutboxAuditTest, ARolledBackBulkWriteLeavesNoEvent) {
  {
    auto writer = ingest::BeginBulk(stores_->connection());
    ASSERT_TRUE(writer);
    ASSERT_TRUE((*writer)->EnsureCustomer("C-1", Customer{}));
    // Destroyed without Commit: everything rolls back.
  }
  EXPECT_TRUE(AllEvents().empty());
  EXPECT_TRUE(AllAudit().empty());
}

TEST_P(OutboxAuditTest, NoSecretReachesTheAuditLog) {
  access::AccessStore& access = stores_->access();
  access::User user;
  user.email = "ana@example.com";
  user.role = Role::kAgent;
  auto created = access.CreateUser(user, "$argon2id$v=19$secret-hash");
  ASSERT_TRUE(created);
  access::UserChange change;
  change.password_hash = "$argon2id$v=19$other-hash";
  ASSERT_TRUE(access.UpdateUser(created->id, change));
  ASSERT_TRUE(access.CreateToken("robot", Role::kAnalyst, "feedfacefeedface"));
  access::WebSession session{.token_hash = "deadbeefdeadbeef",
                             .user_id = created->id,
                             .csrf_token = "csrf-secret-value",
                             .created_at = FromUnixSeconds(1700000000),
                             .expires_at = FromUnixSeconds(4100000000)};
  ASSERT_TRUE(access.CreateSession(session).ok());
  auto rows = AllAudit();
  ASSERT_EQ(rows.size(), 4u);
  for (const auto& row : rows) {
    for (const char* secret : {"argon2id", "feedface", "deadbeef", "csrf-secret"}) {
      EXPECT_EQ(row.changes_json.find(secret), std::string::npos) << row.action << " " << secret;
      EXPECT_EQ(row.entity_id.find(secret), std::string::npos);
    }
  }
}

TEST_P(OutboxAuditTest, TheDatabaseRefusesToEditOrDeleteTheLog) {
  ASSERT_TRUE(store_->CreateCustomer(MakeCustomer("C-1", "Mai")));
  store::Connection& c = stores_->connection();
  auto exec = [&](const char* sql) -> Status {
    if (auto* sqlite = dynamic_cast<store::sqlite::SqliteConnection*>(&c)) {
      return sqlite->db().Exec(sql);
    }
    return dynamic_cast<store::postgres::PostgresConnection&>(c).conn().Exec(sql);
  };
  EXPECT_FALSE(exec("UPDATE audit_log SET actor_name = 'someone else'").ok());
  EXPECT_FALSE(exec("DELETE FROM audit_log").ok());
  EXPECT_FALSE(exec("DELETE FROM events").ok());
  EXPECT_EQ(AllAudit().size(), 1u);
  EXPECT_EQ(AllAudit()[0].actor.name, "ana@example.com");
}

TEST_P(OutboxAuditTest, ConsumersKeepTheirOwnCursorThatOnlyMovesForward) {
  EXPECT_EQ(*events_->LoadCursor("webhooks"), 0);
  ASSERT_TRUE(store_->CreateCustomer(MakeCustomer("C-1", "Mai")));
  const int64_t last = *events_->LastPosition();
  ASSERT_TRUE(events_->SaveCursor("webhooks", last).ok());
  EXPECT_EQ(*events_->LoadCursor("webhooks"), last);
  EXPECT_EQ(*events_->LoadCursor("someone else"), 0);
  Status back = events_->SaveCursor("webhooks", last - 1);
  EXPECT_EQ(back.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(back.field(), "position");
}

TEST_P(OutboxAuditTest, AuditPagesFollowTheirCursorAndFilters) {
  for (int i = 0; i < 7; ++i) {
    ASSERT_TRUE(store_->CreateCustomer(MakeCustomer("C-" + std::to_string(i), "N")));
  }
  AuditFilter filter;
  filter.page.limit = 3;
  std::vector<int64_t> ids;
  while (true) {
    auto page = audit_->List(filter);
    ASSERT_TRUE(page) << page.error().ToString();
    for (const auto& e : page->items) ids.push_back(e.id);
    if (page->next_cursor.empty()) break;
    filter.page.cursor = page->next_cursor;
  }
  ASSERT_EQ(ids.size(), 7u);
  for (size_t i = 1; i < ids.size(); ++i) EXPECT_LT(ids[i], ids[i - 1]);
  EXPECT_EQ(AllAudit(AuditFilter{.actor = "nobody"}).size(), 0u);
  EXPECT_EQ(AllAudit(AuditFilter{.actor = "ana@example.com"}).size(), 7u);
  auto third = store_->GetCustomerByExternalId("C-2");
  ASSERT_TRUE(third);
  EXPECT_EQ(AllAudit(AuditFilter{.customer_id = third->id}).size(), 1u);
  EXPECT_EQ(audit_->List(AuditFilter{.page = {.cursor = "not a cursor"}}).error().code(),
            StatusCode::kInvalidArgument);
}

INSTANTIATE_TEST_SUITE_P(Backends, OutboxAuditTest,
                         ::testing::ValuesIn(::centric::testing::TestBackends()), BackendName());

}  // namespace
}  // namespace centric::platform
