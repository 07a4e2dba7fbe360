// SPDX-License-Identifier: Apache-2.0
#include <fmt/format.h>
#include <gtest/gtest.h>

#include <set>
#include <vector>

#include "api_fixture.h"

namespace centric::api {
namespace {

namespace json = boost::json;

class CustomerRoutesTest : public ApiTest {
 protected:
  // Follows next_cursor from `first` until it is null; returns every item id in order.
  std::vector<int64_t> WalkIds(const std::string& first, size_t* pages = nullptr) {
    std::vector<int64_t> ids;
    std::string target = first;
    size_t count = 0;
    for (int guard = 0; guard < 1000; ++guard) {
      Response r = Get(target);
      EXPECT_EQ(r.status, 200) << target << ": " << r.body;
      if (r.status != 200) break;
      json::object page = BodyOf(r);
      ++count;
      for (const auto& item : page["items"].as_array()) ids.push_back(item.at("id").as_int64());
      if (page["next_cursor"].is_null()) break;
      std::string sep = first.find('?') == std::string::npos ? "?" : "&";
      target = first + sep + "cursor=" + std::string(page["next_cursor"].as_string());
    }
    if (pages) *pages = count;
    return ids;
  }
};
CENTRIC_API_BACKENDS(CustomerRoutesTest);

TEST_P(CustomerRoutesTest, CreatesReadsUpdatesAndDeletes) {
  Response created = Post("/api/v1/customers", R"({
      "external_id": "C-100", "name": "Nguyễn Thị Mai", "emails": ["mai@example.vn"],
      "preferred_language": "vi", "country": "VN", "tags": ["vip"],
      "consent": {"email": true}, "attributes": {"segment": "b2b"}})");
  ASSERT_EQ(created.status, 201) << created.body;
  json::object c = BodyOf(created);
  int64_t id = c["id"].as_int64();
  EXPECT_GT(id, 0);
  EXPECT_EQ(created.Header("Location"), fmt::format("/api/v1/customers/{}", id));
  EXPECT_EQ(c["name"], "Nguyễn Thị Mai");

  Response read = Get(fmt::format("/api/v1/customers/{}", id));
  ASSERT_EQ(read.status, 200);
  json::object got = BodyOf(read);
  EXPECT_EQ(got["external_id"], "C-100");
  EXPECT_EQ(got["emails"], json::array({"mai@example.vn"}));
  EXPECT_EQ(got["timeline"].at("items"), json::array());
  EXPECT_TRUE(got["timeline"].at("next_cursor").is_null());

  // PATCH changes only the keys it names.
  Response patched = Patch(fmt::format("/api/v1/customers/{}", id), R"({"name":"Mai Nguyễn"})");
  ASSERT_EQ(patched.status, 200) << patched.body;
  json::object after = BodyOf(patched);
  EXPECT_EQ(after["name"], "Mai Nguyễn");
  EXPECT_EQ(after["emails"], json::array({"mai@example.vn"}));
  EXPECT_EQ(after["tags"], json::array({"vip"}));
  EXPECT_EQ(after["country"], "VN");
  EXPECT_EQ(BodyOf(Get(fmt::format("/api/v1/customers/{}", id)))["name"], "Mai Nguyễn");

  Response deleted = Delete(fmt::format("/api/v1/customers/{}", id));
  EXPECT_EQ(deleted.status, 204);
  EXPECT_TRUE(deleted.body.empty());
  ExpectError(Get(fmt::format("/api/v1/customers/{}", id)), 404, "not_found");
}

TEST_P(CustomerRoutesTest, PatchAcceptsWhatGetReturned) {
  int64_t id = CreateCustomer("C-1", "Ana");
  Response read = Get(fmt::format("/api/v1/customers/{}", id));
  json::object body = BodyOf(read);
  body["name"] = "Ana Maria";
  Response patched = Patch(fmt::format("/api/v1/customers/{}", id), json::serialize(body));
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(BodyOf(patched)["name"], "Ana Maria");
}

TEST_P(CustomerRoutesTest, RejectsInvalidBodies) {
  ExpectError(Post("/api/v1/customers", "{"), 400, "invalid_argument");
  ExpectError(Post("/api/v1/customers", ""), 400, "invalid_argument");
  ExpectError(Post("/api/v1/customers", "[1,2]"), 400, "invalid_argument");
  ExpectError(Post("/api/v1/customers", R"({"external_id":"C-1","nmae":"typo"})"), 400,
              "invalid_argument", "nmae");
  ExpectError(Post("/api/v1/customers", R"({"external_id":7})"), 400, "invalid_argument",
              "external_id");
  ExpectError(Post("/api/v1/customers", R"({"name":"no external id"})"), 400, "invalid_argument",
              "external_id");
  int64_t id = CreateCustomer("C-1", "Ana");
  ExpectError(Patch(fmt::format("/api/v1/customers/{}", id), R"({"emails":"a@b"})"), 400,
              "invalid_argument", "emails");
  // A rejected PATCH changes nothing.
  EXPECT_EQ(BodyOf(Get(fmt::format("/api/v1/customers/{}", id)))["name"], "Ana");
}

TEST_P(CustomerRoutesTest, DuplicateExternalIdIs409) {
  CreateCustomer("C-1", "Ana");
  ExpectError(Post("/api/v1/customers", R"({"external_id":"C-1","name":"Other"})"), 409,
              "already_exists", "external_id");
  int64_t second = CreateCustomer("C-2", "Bo");
  ExpectError(Patch(fmt::format("/api/v1/customers/{}", second), R"({"external_id":"C-1"})"), 409,
              "already_exists", "external_id");
}

TEST_P(CustomerRoutesTest, UnknownIdIs404AndBadIdIs400) {
  ExpectError(Get("/api/v1/customers/999"), 404, "not_found");
  ExpectError(Patch("/api/v1/customers/999", R"({"name":"x"})"), 404, "not_found");
  ExpectError(Delete("/api/v1/customers/999"), 404, "not_found");
  ExpectError(Get("/api/v1/customers/999/timeline"), 404, "not_found");
  for (const char* bad : {"abc", "0", "-1", "1x", "99999999999999999999"}) {
    ExpectError(Get(fmt::format("/api/v1/customers/{}", bad)), 400, "invalid_argument", "id");
  }
}

TEST_P(CustomerRoutesTest, SearchesByNameEmailAndExternalId) {
  int64_t mai = CreateCustomer("CRM-0001", "Nguyễn Thị Mai", R"("emails":["mai@example.vn"])");
  int64_t jordi = CreateCustomer("CRM-0002", "Jordi Puig", R"("emails":["jordi@exemple.cat"])");
  CreateCustomer("CRM-0003", "Amélie Durand", R"("emails":["amelie@exemple.fr"])");
  auto ids = [&](const std::string& q) {
    Response r = Get("/api/v1/customers?q=" + q);
    EXPECT_EQ(r.status, 200) << q << ": " << r.body;
    std::vector<int64_t> ids = ItemIds(r);
    return std::set<int64_t>(ids.begin(), ids.end());
  };
  EXPECT_EQ(ids("Mai"), std::set<int64_t>{mai});
  EXPECT_EQ(ids("jordi%40exemple.cat"), std::set<int64_t>{jordi});
  EXPECT_EQ(ids("CRM-0002"), std::set<int64_t>{jordi});
  EXPECT_EQ(ids("Pui"), std::set<int64_t>{jordi});  // prefix per word
  EXPECT_EQ(ids("nobody"), std::set<int64_t>{});
}

TEST_P(CustomerRoutesTest, FiltersByCountryLanguageAndTag) {
  int64_t a =
      CreateCustomer("C-1", "A", R"("country":"FR","preferred_language":"fr","tags":["vip"])");
  int64_t b = CreateCustomer("C-2", "B", R"("country":"FR","preferred_language":"ca")");
  int64_t c = CreateCustomer("C-3", "C",
                             R"("country":"ES","preferred_language":"ca","tags":["vip","b2b"])");
  auto ids = [&](const std::string& query) { return ItemIds(Get("/api/v1/customers?" + query)); };
  EXPECT_EQ(ids("country=FR"), (std::vector<int64_t>{a, b}));
  EXPECT_EQ(ids("language=ca"), (std::vector<int64_t>{b, c}));
  EXPECT_EQ(ids("tag=vip"), (std::vector<int64_t>{a, c}));
  EXPECT_EQ(ids("tag=vip&country=ES"), (std::vector<int64_t>{c}));
  EXPECT_EQ(ids("country=DE"), (std::vector<int64_t>{}));
}

TEST_P(CustomerRoutesTest, WalksAllPagesWithoutDuplicatesOrGaps) {
  std::vector<int64_t> created;
  for (int i = 0; i < 23; ++i) {
    created.push_back(CreateCustomer(fmt::format("C-{:03}", i), fmt::format("Customer {}", i),
                                     i % 3 == 0 ? R"("country":"FR")" : R"("country":"ES")"));
  }
  size_t pages = 0;
  std::vector<int64_t> all = WalkIds("/api/v1/customers?limit=5", &pages);
  EXPECT_EQ(all, created);
  EXPECT_EQ(pages, 5u);
  EXPECT_EQ(std::set<int64_t>(all.begin(), all.end()).size(), all.size());

  std::vector<int64_t> french;
  for (size_t i = 0; i < created.size(); i += 3) french.push_back(created[i]);
  EXPECT_EQ(WalkIds("/api/v1/customers?country=FR&limit=2"), french);
  EXPECT_EQ(WalkIds("/api/v1/customers?q=customer&limit=4").size(), created.size());
  // One page when the limit covers everything.
  EXPECT_EQ(WalkIds("/api/v1/customers?limit=500", &pages).size(), created.size());
  EXPECT_EQ(pages, 1u);
}

TEST_P(CustomerRoutesTest, RejectsBadPaging) {
  ExpectError(Get("/api/v1/customers?limit=0"), 400, "invalid_argument", "limit");
  ExpectError(Get("/api/v1/customers?limit=501"), 400, "invalid_argument", "limit");
  ExpectError(Get("/api/v1/customers?limit=ten"), 400, "invalid_argument", "limit");
  ExpectError(Get("/api/v1/customers?cursor=garbage"), 400, "invalid_argument", "cursor");
  ExpectError(Get("/api/v1/customers?contry=FR"), 400, "invalid_argument", "contry");
}

TEST_P(CustomerRoutesTest, ReadIncludesLatestTimelineEvents) {
  int64_t id = CreateCustomer("C-1", "Ana");
  CreateProduct("SKU-1", "Food", 250);
  CreateOrder(id, "INV-1", "2024-01-01T10:00:00Z", "SKU-1", 1);
  CreateInteraction(id, "call", "2024-01-02T10:00:00Z");
  CreateOrder(id, "INV-2", "2024-01-03T10:00:00Z", "SKU-1", 2);
  CreateInteraction(id, "note", "2024-01-04T10:00:00Z");
  CreateOrder(id, "INV-3", "2024-01-05T10:00:00Z", "SKU-1", 3);

  json::object full = BodyOf(Get(fmt::format("/api/v1/customers/{}", id)));
  const auto& events = full["timeline"].at("items").as_array();
  ASSERT_EQ(events.size(), 5u);
  EXPECT_TRUE(full["timeline"].at("next_cursor").is_null());
  std::vector<std::string> at;
  for (const auto& e : events) at.emplace_back(e.at("at").as_string());
  EXPECT_EQ(at, (std::vector<std::string>{"2024-01-05T10:00:00Z", "2024-01-04T10:00:00Z",
                                          "2024-01-03T10:00:00Z", "2024-01-02T10:00:00Z",
                                          "2024-01-01T10:00:00Z"}));
  const auto& order = events[0].as_object();
  EXPECT_EQ(order.at("type"), "order");
  EXPECT_EQ(order.at("kind"), "placed");
  EXPECT_EQ(order.at("amount_minor"), 750);
  EXPECT_EQ(order.at("currency"), "EUR");
  EXPECT_TRUE(order.at("channel").is_null());
  const auto& note = events[1].as_object();
  EXPECT_EQ(note.at("type"), "interaction");
  EXPECT_EQ(note.at("kind"), "note");
  EXPECT_EQ(note.at("channel"), "phone");
  EXPECT_TRUE(note.at("amount_minor").is_null());

  // ?events=2 gives the newest two and a cursor that continues on /timeline.
  json::object two = BodyOf(Get(fmt::format("/api/v1/customers/{}?events=2", id)));
  ASSERT_EQ(two["timeline"].at("items").as_array().size(), 2u);
  std::string cursor(two["timeline"].at("next_cursor").as_string());
  json::object rest =
      BodyOf(Get(fmt::format("/api/v1/customers/{}/timeline?cursor={}", id, cursor)));
  ASSERT_EQ(rest["items"].as_array().size(), 3u);
  EXPECT_EQ(rest["items"].as_array()[0].at("at"), "2024-01-03T10:00:00Z");

  json::object none = BodyOf(Get(fmt::format("/api/v1/customers/{}?events=0", id)));
  EXPECT_TRUE(none["timeline"].at("items").as_array().empty());
  ExpectError(Get(fmt::format("/api/v1/customers/{}?events=501", id)), 400, "invalid_argument",
              "events");
}

TEST_P(CustomerRoutesTest, TimelinePagesNewestFirstWithoutDuplicatesOrGaps) {
  int64_t id = CreateCustomer("C-1", "Ana");
  int64_t other = CreateCustomer("C-2", "Bo");
  CreateProduct("SKU-1", "Food", 250);
  std::set<std::pair<std::string, int64_t>> expected;
  for (int day = 1; day <= 12; ++day) {
    std::string when = fmt::format("2024-03-{:02}T09:00:00Z", day);
    if (day % 2) {
      expected.emplace("order", CreateOrder(id, fmt::format("INV-{}", day), when, "SKU-1", 1));
    } else {
      expected.emplace("interaction", CreateInteraction(id, "meeting", when));
    }
    // Same instant, other customer: must never show up.
    CreateInteraction(other, "note", when);
  }
  // Two events at the same instant are ordered by id, and still neither lost nor repeated.
  expected.emplace("interaction", CreateInteraction(id, "call", "2024-03-12T09:00:00Z"));

  std::set<std::pair<std::string, int64_t>> seen;
  std::string last_at = "9999";
  std::string target = fmt::format("/api/v1/customers/{}/timeline?limit=5", id);
  int pages = 0;
  while (true) {
    json::object page = BodyOf(Get(target));
    ++pages;
    for (const auto& e : page["items"].as_array()) {
      std::string at(e.at("at").as_string());
      EXPECT_LE(at, last_at);
      last_at = at;
      EXPECT_TRUE(
          seen.emplace(std::string(e.at("type").as_string()), e.at("id").as_int64()).second);
    }
    if (page["next_cursor"].is_null()) break;
    target = fmt::format("/api/v1/customers/{}/timeline?limit=5&cursor={}", id,
                         std::string(page["next_cursor"].as_string()));
    ASSERT_LT(pages, 10);
  }
  EXPECT_EQ(seen, expected);
  EXPECT_EQ(pages, 3);
}

}  // namespace
}  // namespace centric::api
