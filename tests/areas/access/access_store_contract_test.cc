// SPDX-License-Identifier: Apache-2.0
// The access store's contract: one suite, run on SQLite and PostgreSQL, each test from an empty,
// migrated store. Every write leaves exactly one audit row and never a secret.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "areas/stores.h"
#include "platform/audit/audit_log.h"
#include "support/store_fixture.h"

namespace centric::access {
namespace {

using ::centric::testing::BackendName;
using ::centric::testing::BackendParam;

Timestamp At(const char* iso) { return *ParseIso8601(iso); }

class AccessStoreContractTest : public ::testing::TestWithParam<BackendParam> {
 protected:
  void SetUp() override {
    CENTRIC_REQUIRE_BACKEND(GetParam().name);
    stores_ = ::centric::testing::FreshStores(GetParam().name);
    ASSERT_NE(stores_, nullptr);
  }

  AccessStore& store() { return stores_->access(); }

  // The audit rows about `entity`, newest first.
  std::vector<platform::AuditEntry> Audit(const std::string& entity) {
    auto log = platform::MakeAuditLog(stores_->connection());
    platform::AuditFilter filter;
    filter.entity = entity;
    filter.page.limit = 100;
    auto page = log->List(filter);
    EXPECT_TRUE(page) << page.error().ToString();
    return page ? page->items : std::vector<platform::AuditEntry>{};
  }

  WebSession Session(const std::string& hash, int64_t user_id, Timestamp now) {
    return WebSession{.token_hash = hash, .user_id = user_id, .csrf_token = "csrf-" + hash,
                      .created_at = now, .expires_at = now + std::chrono::hours(12)};
  }

  std::unique_ptr<Stores> stores_;
};

TEST_P(AccessStoreContractTest, TokensAreFoundByHashUntilRevoked) {
  auto t = store().CreateToken("ci", Role::kAnalyst, "hash-1");
  ASSERT_TRUE(t) << t.error().ToString();
  auto found = store().FindToken("hash-1");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->role, Role::kAnalyst);
  EXPECT_EQ(found->name, "ci");
  EXPECT_EQ(store().FindToken("hash-2").error().code(), StatusCode::kNotFound);
  ASSERT_TRUE(store().RevokeToken(t->id).ok());
  EXPECT_EQ(store().FindToken("hash-1").error().code(), StatusCode::kNotFound);
  EXPECT_EQ(store().RevokeToken(999).code(), StatusCode::kNotFound);
  auto all = store().ListTokens();
  ASSERT_EQ(all->size(), 1u);
  EXPECT_TRUE(all->at(0).revoked);

  auto rows = Audit("token");
  ASSERT_EQ(rows.size(), 2u);  // the failed revoke left none
  EXPECT_EQ(rows[0].action, "revoke");
  EXPECT_EQ(rows[1].action, "create");
  for (const auto& row : rows) EXPECT_EQ(row.changes_json.find("hash-1"), std::string::npos);
}

TEST_P(AccessStoreContractTest, UsersAreUniqueByEmailAndFoundIgnoringCase) {
  User ana{.email = "  Ana@Example.COM ", .name = "Ana", .role = Role::kAdmin};
  auto created = store().CreateUser(ana, "$argon2id$hash-a");
  ASSERT_TRUE(created) << created.error().ToString();
  EXPECT_EQ(created->email, "ana@example.com");
  EXPECT_EQ(created->role, Role::kAdmin);
  EXPECT_FALSE(created->disabled);
  auto duplicate = store().CreateUser(User{.email = "ANA@example.com"}, "x");
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(duplicate.error().field(), "email");
  EXPECT_EQ(store().CreateUser(User{.email = " "}, "x").error().code(),
            StatusCode::kInvalidArgument);

  auto found = store().FindUserByEmail("ANA@example.com");
  ASSERT_TRUE(found);
  EXPECT_EQ(found->first.id, created->id);
  EXPECT_EQ(found->second, "$argon2id$hash-a");
  EXPECT_EQ(store().FindUserByEmail("bo@example.com").error().code(), StatusCode::kNotFound);
  ASSERT_TRUE(store().CreateUser(User{.email = "bo@example.com"}, "h"));
  EXPECT_EQ(store().ListUsers()->size(), 2u);

  auto rows = Audit("user");
  ASSERT_EQ(rows.size(), 2u);  // the refused creates left none
  EXPECT_EQ(rows[1].action, "create");
  EXPECT_NE(rows[1].changes_json.find("ana@example.com"), std::string::npos);
  EXPECT_EQ(rows[1].changes_json.find("argon2id"), std::string::npos);
}

TEST_P(AccessStoreContractTest, AnUpdateIsOneWriteThatEndsSessionsOnANewPassword) {
  const Timestamp now = At("2025-01-01T12:00:00Z");
  auto ana = store().CreateUser(User{.email = "ana@example.com", .name = "Ana"}, "hash-a");
  ASSERT_TRUE(ana);
  ASSERT_TRUE(store().CreateSession(Session("s1", ana->id, now)).ok());
  ASSERT_TRUE(store().CreateSession(Session("s2", ana->id, now)).ok());

  UserChange change;
  change.name = "Ana M.";
  change.role = Role::kAgent;
  change.password_hash = "hash-b";
  auto updated = store().UpdateUser(ana->id, change);
  ASSERT_TRUE(updated) << updated.error().ToString();
  EXPECT_EQ(updated->name, "Ana M.");
  EXPECT_EQ(updated->role, Role::kAgent);
  EXPECT_FALSE(updated->disabled);
  EXPECT_EQ(store().GetUser(ana->id)->name, "Ana M.");
  EXPECT_EQ(store().FindUserByEmail("ana@example.com")->second, "hash-b");
  EXPECT_FALSE(store().FindSession("s1", now));
  EXPECT_FALSE(store().FindSession("s2", now));

  auto rows = Audit("user");
  ASSERT_EQ(rows.size(), 4u);  // create, two sign-ins, one update
  EXPECT_EQ(rows[0].action, "update");
  auto fields = boost::json::parse(rows[0].changes_json).as_object();
  EXPECT_EQ(fields.at("name").at("after"), boost::json::value("Ana M."));
  EXPECT_EQ(fields.at("role").at("after"), boost::json::value("agent"));
  EXPECT_EQ(fields.at("password").at("after"), boost::json::value("changed"));
  EXPECT_EQ(fields.at("sessions").at("before"), boost::json::value(2));
  EXPECT_EQ(rows[0].changes_json.find("hash-b"), std::string::npos);

  EXPECT_EQ(store().UpdateUser(999, change).error().code(), StatusCode::kNotFound);
  EXPECT_EQ(Audit("user").size(), 4u);
}

TEST_P(AccessStoreContractTest, DisablingEndsSessionsAndEnablingKeepsThem) {
  const Timestamp now = At("2025-01-01T12:00:00Z");
  auto bo = store().CreateUser(User{.email = "bo@example.com"}, "h");
  ASSERT_TRUE(bo);
  ASSERT_TRUE(store().CreateSession(Session("s1", bo->id, now)).ok());
  UserChange rename;
  rename.name = "Bo";
  ASSERT_TRUE(store().UpdateUser(bo->id, rename));
  EXPECT_TRUE(store().FindSession("s1", now));  // a new name is no reason to sign out

  UserChange disable;
  disable.disabled = true;
  ASSERT_TRUE(store().UpdateUser(bo->id, disable));
  EXPECT_FALSE(store().FindSession("s1", now));
  EXPECT_TRUE(store().GetUser(bo->id)->disabled);

  ASSERT_TRUE(store().CreateSession(Session("s2", bo->id, now)).ok());
  UserChange enable;
  enable.disabled = false;
  ASSERT_TRUE(store().UpdateUser(bo->id, enable));
  EXPECT_TRUE(store().FindSession("s2", now));
}

TEST_P(AccessStoreContractTest, SessionsExpireAndEndOneByOneOrAllAtOnce) {
  const Timestamp now = At("2025-01-01T12:00:00Z");
  auto ana = store().CreateUser(User{.email = "ana@example.com"}, "h");
  ASSERT_TRUE(ana);
  WebSession session = Session("hash1", ana->id, now);
  ASSERT_TRUE(store().CreateSession(session).ok());
  auto got = store().FindSession("hash1", now + std::chrono::hours(1));
  ASSERT_TRUE(got) << got.error().ToString();
  EXPECT_EQ(got->user_id, ana->id);
  EXPECT_EQ(got->csrf_token, "csrf-hash1");
  EXPECT_EQ(got->expires_at, session.expires_at);
  EXPECT_EQ(store().FindSession("hash1", now + std::chrono::hours(12)).error().code(),
            StatusCode::kNotFound);  // expired
  EXPECT_EQ(store().CreateSession(Session("h2", 999, now)).code(), StatusCode::kNotFound);
  ASSERT_TRUE(store().CreateSession(Session("hash2", ana->id, now)).ok());
  ASSERT_TRUE(store().DeleteSession("hash1").ok());
  EXPECT_FALSE(store().FindSession("hash1", now));
  EXPECT_TRUE(store().FindSession("hash2", now));
  ASSERT_TRUE(store().DeleteUserSessions(ana->id).ok());
  EXPECT_FALSE(store().FindSession("hash2", now));

  auto rows = Audit("user");
  ASSERT_EQ(rows.size(), 5u);  // create, two sign-ins, sign-out, sign-out everywhere
  EXPECT_EQ(rows[0].action, "sign_out_everywhere");
  EXPECT_EQ(rows[1].action, "sign_out");
  for (const auto& row : rows) EXPECT_EQ(row.changes_json.find("hash"), std::string::npos);
}

TEST_P(AccessStoreContractTest, ViewsBelongToOneUserByName) {
  auto ana = store().CreateUser(User{.email = "ana@example.com"}, "h");
  auto bo = store().CreateUser(User{.email = "bo@example.com"}, "h");
  ASSERT_TRUE(ana && bo);
  auto view = store().CreateView(SavedView{.user_id = ana->id, .name = "VIP at risk",
                                           .query_json = R"({"tier":"high","risk":"high"})"});
  ASSERT_TRUE(view) << view.error().ToString();
  EXPECT_GT(view->id, 0);
  auto again = store().CreateView(SavedView{.user_id = ana->id, .name = "VIP at risk",
                                            .query_json = "{}"});
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(again.error().field(), "name");
  EXPECT_EQ(store().CreateView(SavedView{.user_id = ana->id, .query_json = "{}"}).error().code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(store().CreateView(SavedView{.user_id = 999, .name = "x", .query_json = "{}"})
                .error().code(),
            StatusCode::kNotFound);
  auto views = store().ListViews(ana->id);
  ASSERT_EQ(views->size(), 1u);
  EXPECT_NE(views->front().query_json.find("\"tier\""), std::string::npos);
  EXPECT_TRUE(store().ListViews(bo->id)->empty());
  EXPECT_EQ(store().DeleteView(bo->id, view->id).code(), StatusCode::kNotFound);  // not Bo's
  ASSERT_TRUE(store().DeleteView(ana->id, view->id).ok());
  EXPECT_TRUE(store().ListViews(ana->id)->empty());

  auto rows = Audit("view");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].action, "delete");
  EXPECT_EQ(rows[1].action, "create");
}

TEST_P(AccessStoreContractTest, AFailedWriteInAnOuterTransactionLeavesNothing) {
  Status s = stores_->connection().Transaction([&]() -> Status {
    auto created = store().CreateUser(User{.email = "ana@example.com"}, "h");
    if (!created) return created.error();
    return Status(StatusCode::kInternal, "the rest of the write failed");
  });
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(store().FindUserByEmail("ana@example.com").error().code(), StatusCode::kNotFound);
  EXPECT_TRUE(Audit("user").empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, AccessStoreContractTest,
                         ::testing::ValuesIn(::centric::testing::TestBackends()), BackendName());

}  // namespace
}  // namespace centric::access
