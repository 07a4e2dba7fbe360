// SPDX-License-Identifier: Apache-2.0
// Webhook deliveries to a real HTTP receiver on loopback, on SQLite and PostgreSQL: signed as
// the subscriber checks them (with OpenSSL's HMAC, an implementation independent of ours),
// retried until accepted and then delivered once, in order per customer, never redirected,
// given up after the deadline; and a hanging receiver does not slow the API.
#include "areas/webhooks/dispatcher.h"

#include <curl/curl.h>
#include <gtest/gtest.h>
#include <openssl/hmac.h>

#include <boost/json.hpp>
#include <chrono>
#include <map>
#include <mutex>

#include "api/server.h"
#include "areas/access/credentials.h"
#include "areas/stores.h"
#include "areas/webhooks/dispatcher_thread.h"
#include "support/http_receiver.h"
#include "support/store_fixture.h"

namespace centric::webhooks {
namespace {

using ::centric::testing::Answer;
using ::centric::testing::BackendName;
using ::centric::testing::BackendParam;
using ::centric::testing::HttpReceiver;
using ::centric::testing::ReceivedRequest;

const std::string kSecret = "whsec_an-independent-check-of-our-signatures";

// What a subscriber does with Centric-Signature, written against OpenSSL: split t= and v1=,
// recompute HMAC-SHA256 over "t.body", compare.
bool SignatureVerifies(const ReceivedRequest& r, const std::string& secret) {
  auto it = r.headers.find("centric-signature");
  if (it == r.headers.end()) return false;
  const std::string& header = it->second;
  const auto comma = header.find(',');
  if (header.rfind("t=", 0) != 0 || comma == std::string::npos) return false;
  const std::string t = header.substr(2, comma - 2);
  const std::string v1 = header.substr(comma + 1);
  if (v1.rfind("v1=", 0) != 0) return false;
  const std::string signed_text = t + "." + r.body;
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), secret.data(), static_cast<int>(secret.size()),
       reinterpret_cast<const unsigned char*>(signed_text.data()), signed_text.size(), mac,
       &length);
  static const char* kHex = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[mac[i] >> 4];
    hex += kHex[mac[i] & 15];
  }
  const long skew = std::labs(std::stol(t) - static_cast<long>(std::time(nullptr)));
  return v1.substr(3) == hex && skew < 300;
}

boost::json::object Json(const std::string& body) { return boost::json::parse(body).as_object(); }

class DispatcherTest : public ::testing::TestWithParam<BackendParam> {
 protected:
  void SetUp() override {
    CENTRIC_REQUIRE_BACKEND(GetParam().name);
    stores_ = ::centric::testing::FreshStores(GetParam().name, &url_);
    ASSERT_NE(stores_, nullptr);
    options_.first_retry = std::chrono::milliseconds(20);
    options_.max_retry = std::chrono::milliseconds(100);
    options_.sender.request_timeout = std::chrono::milliseconds(2000);
  }

  int64_t Subscribe(const std::string& url, std::vector<std::string> types = {"*"}) {
    auto made = stores_->webhooks().CreateSubscription({url, std::move(types), "", kSecret});
    EXPECT_TRUE(made) << made.error().ToString();
    return made ? made->id : 0;
  }

  CustomerId AddCustomer(const std::string& external_id) {
    Customer c;
    c.external_id = external_id;
    c.name = external_id;
    auto created = stores_->customers().CreateCustomer(c);
    EXPECT_TRUE(created);
    return created ? created->id : 0;
  }
  void Rename(CustomerId id, const std::string& name) {
    auto c = stores_->customers().GetCustomer(id);
    ASSERT_TRUE(c);
    c->name = name;
    ASSERT_TRUE(stores_->customers().UpdateCustomer(*c));
  }

  // Rounds until nothing is pending or `seconds` pass.
  void Drain(Dispatcher& d, double seconds = 10) {
    const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
    while (std::chrono::steady_clock::now() < end) {
      auto round = d.RunOnce();
      ASSERT_TRUE(round) << round.error().ToString();
      if (*stores_->webhooks().PendingCount() == 0) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    FAIL() << "deliveries still pending after " << seconds << " s";
  }

  std::vector<Delivery> Log(int64_t hook) {
    DeliveryFilter filter;
    filter.subscription_id = hook;
    filter.page.limit = 500;
    auto page = stores_->webhooks().ListDeliveries(filter);
    EXPECT_TRUE(page);
    return page ? page->items : std::vector<Delivery>{};
  }

  std::unique_ptr<Stores> stores_;
  std::string url_;
  DispatcherOptions options_;
};

TEST_P(DispatcherTest, EventsArriveSignedWithTheirPayload) {
  HttpReceiver receiver;
  const int64_t hook = Subscribe(receiver.url(), {"customer.created"});
  const CustomerId mai = AddCustomer("mai");
  Rename(mai, "Mai Tran");  // customer.updated: not subscribed
  Dispatcher d(stores_->connection(), stores_->webhooks(), options_);
  Drain(d);
  auto got = receiver.requests();
  ASSERT_EQ(got.size(), 1u);
  const ReceivedRequest& r = got[0];
  EXPECT_EQ(r.method, "POST");
  EXPECT_EQ(r.target, "/hook");
  EXPECT_EQ(r.headers.at("content-type"), "application/json");
  EXPECT_EQ(r.headers.at("centric-event-type"), "customer.created");
  EXPECT_TRUE(SignatureVerifies(r, kSecret)) << r.headers.at("centric-signature");
  EXPECT_FALSE(SignatureVerifies(r, kSecret + "x"));
  ReceivedRequest tampered = r;
  tampered.body += " ";
  EXPECT_FALSE(SignatureVerifies(tampered, kSecret));
  auto body = Json(r.body);
  EXPECT_EQ(body.at("type").as_string(), "customer.created");
  EXPECT_EQ(body.at("customer_id").as_int64(), mai);
  EXPECT_EQ(body.at("data").at("customer_id").as_int64(), mai);
  EXPECT_EQ(std::string(body.at("id").as_string()).rfind("evt_", 0), 0u);
  auto log = Log(hook);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].status, DeliveryStatus::kDelivered);
  EXPECT_EQ(log[0].last_status_code, 200);
  EXPECT_TRUE(log[0].latency_ms);
}

TEST_P(DispatcherTest, AReceiverThatFailsTwiceGetsEachEventOnceInOrderPerCustomer) {
  std::mutex mutex;
  std::map<std::string, int> tries;  // per event id
  HttpReceiver receiver([&](const ReceivedRequest& r, int64_t) {
    std::lock_guard lock(mutex);
    const std::string id(Json(r.body).at("id").as_string());
    return ++tries[id] <= 2 ? Answer{500, "try later"} : Answer{204, ""};
  });
  const int64_t hook = Subscribe(receiver.url());
  const CustomerId mai = AddCustomer("mai");
  Rename(mai, "Mai T");
  Rename(mai, "Mai Tran");
  const CustomerId bo = AddCustomer("bo");
  Dispatcher d(stores_->connection(), stores_->webhooks(), options_);
  Drain(d);

  std::vector<std::string> accepted_mai;
  int accepted = 0;
  std::map<std::string, int> seen;
  for (const auto& r : receiver.requests()) {
    auto body = Json(r.body);
    const std::string id(body.at("id").as_string());
    if (++seen[id] == 3) {  // the third try is the one accepted
      ++accepted;
      if (body.at("customer_id").as_int64() == mai) accepted_mai.push_back(id);
    }
  }
  EXPECT_EQ(accepted, 4);
  EXPECT_EQ(receiver.count(), 12);  // 4 events x (2 failures + 1 success), none twice after
  ASSERT_EQ(accepted_mai.size(), 3u);
  // Mai's events were accepted in the order they happened.
  EXPECT_LT(std::stol(accepted_mai[0].substr(4)), std::stol(accepted_mai[1].substr(4)));
  EXPECT_LT(std::stol(accepted_mai[1].substr(4)), std::stol(accepted_mai[2].substr(4)));
  for (const auto& delivery : Log(hook)) {
    EXPECT_EQ(delivery.status, DeliveryStatus::kDelivered);
    EXPECT_EQ(delivery.attempts, 3);
  }
  (void)bo;
}

TEST_P(DispatcherTest, ARedirectIsNotFollowedAndAFailingReceiverIsGivenUp) {
  HttpReceiver elsewhere;
  HttpReceiver redirecting([&](const ReceivedRequest&, int64_t) {
    return Answer{307, "", {{"Location", elsewhere.url("/stolen")}}};
  });
  const int64_t hook = Subscribe(redirecting.url());
  AddCustomer("mai");
  options_.give_up_after = std::chrono::milliseconds(2500);  // the event time has whole seconds
  Dispatcher d(stores_->connection(), stores_->webhooks(), options_);
  Drain(d);
  EXPECT_EQ(elsewhere.count(), 0);
  EXPECT_GE(redirecting.count(), 2);  // retried, then given up
  auto log = Log(hook);
  ASSERT_EQ(log.size(), 1u);
  EXPECT_EQ(log[0].status, DeliveryStatus::kFailed);
  EXPECT_EQ(log[0].last_status_code, 307);
  EXPECT_NE(log[0].last_error.find("not followed"), std::string::npos) << log[0].last_error;
}

TEST_P(DispatcherTest, AnOversizedAnswerIsCutAndAPingReportsTheOutcome) {
  HttpReceiver chatty([](const ReceivedRequest&, int64_t) {
    return Answer{200, std::string(8 << 20, 'x')};
  });
  const int64_t hook = Subscribe(chatty.url());
  AddCustomer("mai");
  options_.sender.max_response_bytes = 1024;
  Dispatcher d(stores_->connection(), stores_->webhooks(), options_);
  Drain(d);
  EXPECT_EQ(Log(hook).front().status, DeliveryStatus::kDelivered);

  auto ping = SendTestPing(stores_->webhooks(), hook, options_.sender);
  ASSERT_TRUE(ping) << ping.error().ToString();
  EXPECT_EQ(ping->event_type, "ping");
  EXPECT_EQ(ping->status, DeliveryStatus::kDelivered);
  auto last = chatty.requests().back();
  EXPECT_TRUE(SignatureVerifies(last, kSecret));
  EXPECT_EQ(Json(last.body).at("type").as_string(), "ping");

  const int64_t nobody = Subscribe("http://127.0.0.1:9/closed");
  auto refused = SendTestPing(stores_->webhooks(), nobody, options_.sender);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, DeliveryStatus::kFailed);
  EXPECT_FALSE(refused->last_error.empty());
  EXPECT_EQ(SendTestPing(stores_->webhooks(), 999, options_.sender).error().code(),
            StatusCode::kNotFound);
}

size_t Ignore(char*, size_t size, size_t n, void*) { return size * n; }

TEST_P(DispatcherTest, AHangingReceiverDoesNotSlowTheApi) {
  HttpReceiver hanging([](const ReceivedRequest&, int64_t) { return Answer{200, "", {}, true}; });
  Subscribe(hanging.url());
  auto token = access::IssueToken(stores_->access(), "load", Role::kAdmin);
  ASSERT_TRUE(token);

  api::ServerOptions server_options;
  server_options.host = "127.0.0.1";
  server_options.port = 0;
  server_options.threads = 2;
  const std::string url = url_;
  auto server = api::Server::Start(server_options, [url] { return Stores::Open(url); });
  ASSERT_TRUE(server) << server.error().ToString();
  options_.sender.request_timeout = std::chrono::seconds(3);
  auto dispatcher = DispatcherThread::Start(url_, options_);
  ASSERT_TRUE(dispatcher) << dispatcher.error().ToString();

  CURL* curl = curl_easy_init();
  const std::string auth = "Authorization: Bearer " + token->secret;
  curl_slist* headers = curl_slist_append(nullptr, auth.c_str());
  headers = curl_slist_append(headers, "Content-Type: application/json");
  double slowest = 0;
  for (int i = 0; i < 30; ++i) {
    const std::string body = R"({"external_id":"H-)" + std::to_string(i) + R"(","name":"x"})";
    curl_easy_setopt(curl, CURLOPT_URL, ((*server)->url() + "/api/v1/customers").c_str());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, Ignore);
    const auto start = std::chrono::steady_clock::now();
    ASSERT_EQ(curl_easy_perform(curl), CURLE_OK);
    slowest = std::max(
        slowest, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    EXPECT_EQ(status, 201);
  }
  curl_slist_free_all(headers);
  curl_easy_cleanup(curl);
  // The receiver got a delivery and hangs on it (each holds a sender for 3 s); writes go on.
  EXPECT_TRUE(hanging.WaitFor(1, 5));
  EXPECT_LT(slowest, 1.0) << "an API write waited for the hanging receiver";
  (*dispatcher)->Stop();
  (*server)->Stop();
  (*server)->Wait();
}

TEST_P(DispatcherTest, OneDispatcherDeliversPerDatabaseAndAnotherTakesOverWhenItStops) {
  auto wait_until = [](const std::function<bool()>& done) {
    for (int i = 0; i < 100 && !done(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return done();
  };
  auto first = DispatcherThread::Start(url_, options_);
  ASSERT_TRUE(first) << first.error().ToString();
  ASSERT_TRUE(wait_until([&] { return (*first)->delivering(); }));
  auto second = DispatcherThread::Start(url_, options_);
  ASSERT_TRUE(second);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_FALSE((*second)->delivering());
  (*first)->Stop();
  first->reset();  // closes its connection or lock file: the lease is free
  EXPECT_TRUE(wait_until([&] { return (*second)->delivering(); }));
  EXPECT_EQ(DispatcherThread::Start(":memory:", options_).error().code(),
            StatusCode::kInvalidArgument);
}

INSTANTIATE_TEST_SUITE_P(Backends, DispatcherTest,
                         ::testing::ValuesIn(::centric::testing::TestBackends()), BackendName());

}  // namespace
}  // namespace centric::webhooks
