// SPDX-License-Identifier: Apache-2.0
// Web app sign-in: sessions in an HttpOnly, SameSite cookie, CSRF tokens on writes, rate-limited
// sign-in, admin-only user management and per-user saved views. The world: an admin (Ana) and
// an agent (Bo) made through the store, and a browser that keeps the cookie it is given.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "api_fixture.h"
#include "areas/access/login_limiter.h"
#include "areas/access/passwords.h"
#include "areas/access/sessions.h"

namespace centric::access {
namespace {

using namespace ::centric::api;  // NOLINT: route tests speak the HTTP layer

namespace json = boost::json;

class SessionTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    ana_ = AddUser("ana@example.com", Role::kAdmin, "correct horse");
    bo_ = AddUser("bo@example.com", Role::kAgent, "battery staple");
  }

  int64_t AddUser(const char* email, Role role, const char* password) {
    User user{.email = email, .name = email, .role = role};
    auto created = stores_->access().CreateUser(user, *HashPassword(password));
    EXPECT_TRUE(created) << created.error().ToString();
    return created ? created->id : 0;
  }

  // A browser: sends the cookie it holds, and the CSRF token when `csrf` is set.
  Response Browse(Method method, std::string target, std::string body = "",
                  bool with_csrf = true) {
    Request request;
    request.method = method;
    request.target = std::move(target);
    request.body = std::move(body);
    request.cookie = cookie_;
    request.client = "192.0.2.7";
    if (with_csrf) request.csrf_token = csrf_;
    Services services{*stores_, &limiter_};
    Response r = HandleRequest(ApiRouter(), request, services);
    std::string_view set = r.Header("Set-Cookie");
    if (!set.empty()) cookie_ = std::string(set.substr(0, set.find(';')));
    return r;
  }

  Response SignIn(const std::string& email, const std::string& password) {
    Response r = Browse(Method::kPost, "/api/v1/session",
                        fmt::format(R"({{"email":"{}","password":"{}"}})", email, password));
    if (r.status == 200) csrf_ = std::string(BodyOf(r)["csrf_token"].as_string());
    return r;
  }

  LoginLimiter limiter_{5, 20, std::chrono::minutes(15)};
  std::string cookie_, csrf_;
  int64_t ana_ = 0, bo_ = 0;
};
CENTRIC_API_BACKENDS(SessionTest);

TEST_P(SessionTest, SignInSetsAnHttpOnlyStrictCookieAndSignOutEndsIt) {
  Response r = SignIn("Ana@Example.com", "correct horse");
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string set_cookie(r.Header("Set-Cookie"));
  EXPECT_NE(set_cookie.find("centric_session=cs_"), std::string::npos);
  EXPECT_NE(set_cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(set_cookie.find("SameSite=Strict"), std::string::npos);
  json::object body = BodyOf(r);
  EXPECT_EQ(body["user"].at("email"), "ana@example.com");
  EXPECT_EQ(body["user"].at("role"), "admin");
  EXPECT_FALSE(body["user"].as_object().contains("password_hash"));
  EXPECT_EQ(body["csrf_token"].as_string().size(), 43u);

  json::object me = BodyOf(Browse(Method::kGet, "/api/v1/session"));
  EXPECT_EQ(me["user"].at("id").as_int64(), ana_);
  EXPECT_EQ(me["csrf_token"], body["csrf_token"]);
  EXPECT_EQ(Browse(Method::kGet, "/api/v1/customers").status, 200);  // the API, by cookie

  Response out = Browse(Method::kDelete, "/api/v1/session");
  EXPECT_EQ(out.status, 204);
  EXPECT_NE(std::string(out.Header("Set-Cookie")).find("Max-Age=0"), std::string::npos);
  cookie_ = set_cookie.substr(0, set_cookie.find(';'));  // an old cookie replayed
  EXPECT_EQ(Browse(Method::kGet, "/api/v1/session").status, 401);
}

TEST_P(SessionTest, AWrongPasswordOrUnknownEmailIsRefusedAlike) {
  Response wrong = SignIn("ana@example.com", "wrong password");
  EXPECT_EQ(wrong.status, 401);
  EXPECT_TRUE(wrong.Header("Set-Cookie").empty());
  Response unknown = SignIn("nobody@example.com", "whatever1");
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(BodyOf(wrong)["error"].at("message"), BodyOf(unknown)["error"].at("message"));
  EXPECT_EQ(Browse(Method::kGet, "/api/v1/customers").status, 401);
  ExpectError(Browse(Method::kPost, "/api/v1/session", R"({"email":"a@b.c"})"), 400,
              "invalid_argument", "password");
}

TEST_P(SessionTest, RepeatedFailuresAreRateLimitedPerEmail) {
  for (int i = 0; i < 5; ++i) EXPECT_EQ(SignIn("bo@example.com", "nope nope").status, 401);
  Response limited = SignIn("bo@example.com", "battery staple");  // even the right password
  EXPECT_EQ(limited.status, 429);
  EXPECT_FALSE(limited.Header("Retry-After").empty());
  EXPECT_EQ(SignIn("ana@example.com", "correct horse").status, 200);  // another email is fine
}

TEST_P(SessionTest, WritesWithACookieNeedTheCsrfToken) {
  ASSERT_EQ(SignIn("bo@example.com", "battery staple").status, 200);
  const std::string customer = R"({"external_id":"C-1","name":"Cy"})";
  Response forged = Browse(Method::kPost, "/api/v1/customers", customer, /*with_csrf=*/false);
  EXPECT_EQ(forged.status, 403);
  EXPECT_NE(forged.body.find("X-CSRF-Token"), std::string::npos);
  csrf_ = "not-the-token";
  EXPECT_EQ(Browse(Method::kPost, "/api/v1/customers", customer).status, 403);
  csrf_ = std::string(BodyOf(Browse(Method::kGet, "/api/v1/session"))["csrf_token"].as_string());
  EXPECT_EQ(Browse(Method::kPost, "/api/v1/customers", customer).status, 201);
}

TEST_P(SessionTest, OnlyAdminsManageUsersAndDisablingSignsOut) {
  ASSERT_EQ(SignIn("bo@example.com", "battery staple").status, 200);
  EXPECT_EQ(Browse(Method::kGet, "/api/v1/users").status, 403);
  const std::string bo_cookie = cookie_;

  cookie_.clear();
  ASSERT_EQ(SignIn("ana@example.com", "correct horse").status, 200);
  json::object list = BodyOf(Browse(Method::kGet, "/api/v1/users"));
  EXPECT_EQ(list["items"].as_array().size(), 2u);
  Response added = Browse(Method::kPost, "/api/v1/users",
                          R"({"email":"cy@example.com","name":"Cy","role":"analyst",)"
                          R"("password":"a fine passphrase"})");
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(BodyOf(added)["role"], "analyst");
  ExpectError(Browse(Method::kPost, "/api/v1/users",
                     R"({"email":"dee@example.com","role":"agent","password":"short"})"),
              400, "invalid_argument", "password");
  ExpectError(Browse(Method::kPost, "/api/v1/users",
                     R"({"email":"cy@example.com","password":"another passphrase"})"),
              409, "already_exists", "email");
  ExpectError(Browse(Method::kPatch, fmt::format("/api/v1/users/{}", ana_), R"({"disabled":true})"),
              409, "failed_precondition");

  Response disabled =
      Browse(Method::kPatch, fmt::format("/api/v1/users/{}", bo_), R"({"disabled":true})");
  ASSERT_EQ(disabled.status, 200) << disabled.body;
  EXPECT_TRUE(BodyOf(disabled)["disabled"].as_bool());
  cookie_ = bo_cookie;
  EXPECT_EQ(Browse(Method::kGet, "/api/v1/session").status, 401);
  EXPECT_EQ(SignIn("bo@example.com", "battery staple").status, 401);
}

TEST_P(SessionTest, SavedViewsBelongToTheirUser) {
  ASSERT_EQ(SignIn("bo@example.com", "battery staple").status, 200);
  Response created = Browse(Method::kPost, "/api/v1/views",
                            R"({"name":"At-risk premium","query":{"tier":"high","risk":"high"}})");
  ASSERT_EQ(created.status, 201) << created.body;
  const int64_t id = BodyOf(created)["id"].as_int64();
  json::object views = BodyOf(Browse(Method::kGet, "/api/v1/views"));
  ASSERT_EQ(views["items"].as_array().size(), 1u);
  EXPECT_EQ(views["items"].as_array()[0].at("query").at("tier"), "high");
  ExpectError(Browse(Method::kPost, "/api/v1/views", R"({"name":"x","query":{"limit":5}})"), 400,
              "invalid_argument", "query.limit");

  cookie_.clear();
  ASSERT_EQ(SignIn("ana@example.com", "correct horse").status, 200);
  EXPECT_TRUE(BodyOf(Browse(Method::kGet, "/api/v1/views"))["items"].as_array().empty());
  EXPECT_EQ(Browse(Method::kDelete, fmt::format("/api/v1/views/{}", id)).status, 404);
  // An API token has no views.
  ExpectError(Get("/api/v1/views"), 400, "invalid_argument");
}

TEST(LoginLimiterTest, FailuresLeaveTheWindow) {
  LoginLimiter limiter(2, 3, std::chrono::seconds(60));
  const auto t0 = LoginLimiter::Clock::time_point{} + std::chrono::hours(1);
  EXPECT_EQ(limiter.RetryAfter("a", "ip", t0), 0);
  limiter.RecordFailure("a", "ip", t0);
  limiter.RecordFailure("a", "ip", t0 + std::chrono::seconds(10));
  EXPECT_EQ(limiter.RetryAfter("a", "ip", t0 + std::chrono::seconds(20)), 40);
  EXPECT_EQ(limiter.RetryAfter("a", "ip", t0 + std::chrono::seconds(61)), 0);
  // Per client: three failures over different emails block the address.
  limiter.RecordFailure("b", "ip2", t0);
  limiter.RecordFailure("c", "ip2", t0);
  limiter.RecordFailure("d", "ip2", t0);
  EXPECT_GT(limiter.RetryAfter("e", "ip2", t0 + std::chrono::seconds(1)), 0);
  limiter.RecordSuccess("a");
  EXPECT_EQ(limiter.RetryAfter("a", "ip", t0 + std::chrono::seconds(20)), 0);
}

TEST(PasswordsTest, HashesWithArgon2idAndVerifies) {
  auto hash = HashPassword("correct horse battery");
  ASSERT_TRUE(hash) << hash.error().ToString();
  EXPECT_TRUE(hash->starts_with("$argon2id$"));
  EXPECT_TRUE(VerifyPassword(*hash, "correct horse battery"));
  EXPECT_FALSE(VerifyPassword(*hash, "correct horse batterY"));
  EXPECT_FALSE(VerifyPassword("garbage", "correct horse battery"));
  EXPECT_NE(*HashPassword("correct horse battery"), *hash);  // salted
  EXPECT_EQ(HashPassword("short").error().field(), "password");
}

TEST(WebSessionTest, ReadsTheSessionCookieAmongOthers) {
  EXPECT_EQ(CookieValue("a=1; centric_session=cs_xyz; b=2", "centric_session"), "cs_xyz");
  EXPECT_EQ(CookieValue("centric_session=abc", "centric_session"), "abc");
  EXPECT_EQ(CookieValue("xcentric_session=abc", "centric_session"), "");
  EXPECT_EQ(CookieValue("", "centric_session"), "");
  EXPECT_TRUE(SameSecret("abc", "abc"));
  EXPECT_FALSE(SameSecret("abc", "abd"));
  EXPECT_FALSE(SameSecret("", ""));
}

}  // namespace
}  // namespace centric::access
