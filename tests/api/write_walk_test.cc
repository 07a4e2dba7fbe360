// SPDX-License-Identifier: Apache-2.0
// Every write operation of the OpenAPI document, walked once through HandleRequest: each leaves
// exactly one audit row, in the name of the caller who made it (token or signed-in user, with
// role and client address), and none leaks a secret (token, password, cookie, CSRF token or
// their hashes). An operation added to openapi.json without a step here fails the walk.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <functional>
#include <set>
#include <string>
#include <vector>

#include "api/openapi.h"
#include "api_fixture.h"
#include "areas/access/passwords.h"
#include "platform/audit/audit_log.h"

namespace centric::api {
namespace {

namespace json = boost::json;

constexpr const char* kClient = "198.51.100.23";
constexpr const char* kPassword = "walk-the-writes-pw";
constexpr const char* kNewPassword = "a-new-secret-passphrase";

// One write of the walk: who calls, what, and the id it creates (for later steps).
struct Step {
  Method method;
  std::string path_template;  // as openapi.json spells it
  std::function<std::string()> target;
  std::function<std::string()> body;
  bool as_user = false;  // the signed-in browser instead of the admin token
  int status = 200;
  std::function<void(const json::object&)> created;  // the response body, on success
};

class WriteWalkTest : public ApiTest {
 protected:
  Response Send(Method method, std::string target, std::string body, bool as_user) {
    Request request;
    request.method = method;
    request.target = std::move(target);
    request.body = std::move(body);
    request.client = kClient;
    if (as_user) {
      request.cookie = cookie_;
      request.csrf_token = csrf_;
    } else {
      request.authorization = "Bearer " + admin_;
    }
    Services services{*stores_};
    Response r = HandleRequest(ApiRouter(), request, services);
    std::string_view set = r.Header("Set-Cookie");
    if (!set.empty()) cookie_ = std::string(set.substr(0, set.find(';')));
    return r;
  }

  std::vector<platform::AuditEntry> AllAudit() {
    auto log = platform::MakeAuditLog(stores_->connection());
    std::vector<platform::AuditEntry> rows;
    Status s = log->Scan({}, [&](const platform::AuditEntry& e) {
      rows.push_back(e);
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return rows;  // newest first
  }

  std::string cookie_, csrf_;
};

// The write operations openapi.json documents, as "METHOD /path".
std::set<std::string> DocumentedWrites() {
  std::set<std::string> writes;
  json::value doc = json::parse(OpenApiDocument());
  for (const auto& [path, ops] : doc.at("paths").as_object()) {
    for (const auto& [method, op] : ops.as_object()) {
      std::string m(method);
      if (m == "post" || m == "put" || m == "patch" || m == "delete") {
        for (char& c : m) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        writes.insert(m + " " + std::string(path));
      }
    }
  }
  return writes;
}

TEST_P(WriteWalkTest, EveryWriteLeavesOneAuditRowInItsCallersNameAndNoSecret) {
  // The signed-in user of the browser steps: an admin, so every route is open to them.
  auto hash = access::HashPassword(kPassword);
  ASSERT_TRUE(hash);
  auto ana = stores_->access().CreateUser(
      access::User{.email = "ana@example.com", .name = "Ana", .role = Role::kAdmin}, *hash);
  ASSERT_TRUE(ana);

  int64_t customer = 0, product = 0, order = 0, interaction = 0, token = 0, user = 0, view = 0;
  int64_t webhook = 0;
  std::string token_secret, webhook_secret;
  auto id_of = [](int64_t* out) {
    return [out](const json::object& body) { *out = body.at("id").as_int64(); };
  };
  auto path = [](const char* prefix, const int64_t* id) {
    return [prefix, id] { return fmt::format("{}/{}", prefix, *id); };
  };
  auto fixed = [](std::string s) { return [s] { return s; }; };

  std::vector<Step> steps = {
      {Method::kPost, "/api/v1/customers", fixed("/api/v1/customers"),
       fixed(R"({"external_id":"C-1","name":"Mai","emails":["mai@example.com"]})"), false, 201,
       id_of(&customer)},
      {Method::kPatch, "/api/v1/customers/{id}", path("/api/v1/customers", &customer),
       fixed(R"({"name":"Mai Tran"})")},
      {Method::kPost, "/api/v1/products", fixed("/api/v1/products"),
       fixed(R"({"sku":"P-1","name":"Pizza","category":"Food","price_minor":900})"), false, 201,
       id_of(&product)},
      {Method::kPatch, "/api/v1/products/{id}", path("/api/v1/products", &product),
       fixed(R"({"price_minor":950})")},
      {Method::kPost, "/api/v1/orders", fixed("/api/v1/orders"),
       [&] {
         return fmt::format(R"({{"customer_id":{},"external_id":"INV-1",)"
                            R"("ordered_at":"2025-03-01T10:00:00Z","lines":)"
                            R"([{{"sku":"P-1","quantity":2,"unit_price_minor":950}}]}})",
                            customer);
       },
       false, 201, id_of(&order)},
      {Method::kPatch, "/api/v1/orders/{id}", path("/api/v1/orders", &order),
       fixed(R"({"status":"cancelled"})")},
      {Method::kPost, "/api/v1/interactions", fixed("/api/v1/interactions"),
       [&] {
         return fmt::format(R"({{"customer_id":{},"kind":"note","channel":"phone",)"
                            R"("occurred_at":"2025-03-02T09:00:00Z","summary":"called"}})",
                            customer);
       },
       false, 201, id_of(&interaction)},
      {Method::kPatch, "/api/v1/interactions/{id}", path("/api/v1/interactions", &interaction),
       fixed(R"({"summary":"called back"})")},
      {Method::kPost, "/api/v1/tokens", fixed("/api/v1/tokens"),
       fixed(R"({"name":"robot","role":"analyst"})"), false, 201,
       [&](const json::object& body) {
         token = body.at("id").as_int64();
         token_secret = std::string(body.at("token").as_string());
       }},
      {Method::kDelete, "/api/v1/tokens/{id}", path("/api/v1/tokens", &token), fixed(""), false,
       204},
      // The ping goes to a closed port: refused at once, and logged as failed.
      {Method::kPost, "/api/v1/webhooks", fixed("/api/v1/webhooks"),
       fixed(R"({"url":"http://127.0.0.1:9/hook","event_types":["customer.created"]})"), false,
       201,
       [&](const json::object& body) {
         webhook = body.at("id").as_int64();
         webhook_secret = std::string(body.at("secret").as_string());
       }},
      {Method::kPatch, "/api/v1/webhooks/{id}", path("/api/v1/webhooks", &webhook),
       fixed(R"({"active":false,"description":"paused"})")},
      {Method::kPost, "/api/v1/webhooks/{id}/test",
       [&] { return fmt::format("/api/v1/webhooks/{}/test", webhook); }, fixed("")},
      {Method::kDelete, "/api/v1/webhooks/{id}", path("/api/v1/webhooks", &webhook), fixed(""),
       false, 204},
      {Method::kPost, "/api/v1/users", fixed("/api/v1/users"),
       fixed(fmt::format(R"({{"email":"bo@example.com","name":"Bo","role":"agent",)"
                         R"("password":"{}"}})",
                         kPassword)),
       false, 201, id_of(&user)},
      {Method::kPatch, "/api/v1/users/{id}", path("/api/v1/users", &user),
       fixed(fmt::format(R"({{"name":"Bo B.","disabled":true,"password":"{}"}})", kNewPassword))},
      {Method::kPost, "/api/v1/session", fixed("/api/v1/session"),
       fixed(fmt::format(R"({{"email":"ana@example.com","password":"{}"}})", kPassword)), true,
       200,
       [&](const json::object& body) { csrf_ = std::string(body.at("csrf_token").as_string()); }},
      {Method::kPost, "/api/v1/views", fixed("/api/v1/views"),
       fixed(R"({"name":"VIP","query":{"tier":"high"}})"), true, 201, id_of(&view)},
      {Method::kDelete, "/api/v1/views/{id}", path("/api/v1/views", &view), fixed(""), true, 204},
      {Method::kDelete, "/api/v1/interactions/{id}", path("/api/v1/interactions", &interaction),
       fixed(""), false, 204},
      {Method::kDelete, "/api/v1/orders/{id}", path("/api/v1/orders", &order), fixed(""), false,
       204},
      {Method::kDelete, "/api/v1/products/{id}", path("/api/v1/products", &product), fixed(""),
       false, 204},
      {Method::kDelete, "/api/v1/customers/{id}", path("/api/v1/customers", &customer), fixed(""),
       true, 204},
      {Method::kDelete, "/api/v1/session", fixed("/api/v1/session"), fixed(""), true, 204},
  };

  std::set<std::string> walked;
  for (const Step& step : steps) {
    const std::string name = std::string(MethodName(step.method)) + " " + step.path_template;
    SCOPED_TRACE(name);
    walked.insert(name);
    const size_t before = AllAudit().size();
    Response r = Send(step.method, step.target(), step.body(), step.as_user);
    ASSERT_EQ(r.status, step.status) << r.body;
    if (step.created) step.created(BodyOf(r));

    auto rows = AllAudit();
    ASSERT_EQ(rows.size(), before + 1) << "a write must leave exactly one audit row";
    const platform::AuditEntry& row = rows.front();
    EXPECT_EQ(row.actor.source, kClient);
    EXPECT_EQ(row.actor.role, Role::kAdmin);
    if (step.as_user) {
      EXPECT_EQ(row.actor.kind, platform::ActorKind::kUser);
      EXPECT_EQ(row.actor.name, "ana@example.com");
      EXPECT_EQ(row.actor.id, ana->id);
    } else {
      EXPECT_EQ(row.actor.kind, platform::ActorKind::kToken);
      EXPECT_EQ(row.actor.name, "admin for tests");
    }
    std::vector<std::string> secrets = {kPassword, kNewPassword, admin_, "argon2"};
    if (!token_secret.empty()) secrets.push_back(token_secret);
    if (!webhook_secret.empty()) secrets.push_back(webhook_secret);
    if (!csrf_.empty()) secrets.push_back(csrf_);
    if (!cookie_.empty()) secrets.push_back(cookie_.substr(cookie_.find('=') + 1));
    for (const auto& secret : secrets) {
      if (secret.empty()) continue;
      EXPECT_EQ(row.changes_json.find(secret), std::string::npos) << row.changes_json;
      EXPECT_EQ(row.entity_id.find(secret), std::string::npos);
      EXPECT_EQ(row.actor.name.find(secret), std::string::npos);
    }
  }

  for (const auto& write : DocumentedWrites()) {
    EXPECT_TRUE(walked.count(write)) << write << " is documented but not walked";
  }
}

CENTRIC_API_BACKENDS(WriteWalkTest);

}  // namespace
}  // namespace centric::api
