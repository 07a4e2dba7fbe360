// SPDX-License-Identifier: Apache-2.0
// Webhook fan-out: how many events a second the dispatcher delivers to a loopback receiver,
// from committed events to recorded outcomes (queueing from the outbox, the due query, signing,
// the POSTs, the delivery log), beside the same number of POSTs of the same size sent straight
// with libcurl over as many keep-alive connections (what a hand-written sender would reach;
// the receiver is the same). Each run starts from a fresh store holding N new customers, so N
// customer.created events, and one subscription to them.
//
//   webhook_bench [--events N] [--senders S] [--batch B] [--runs R] [--db URL]
// --db: a PostgreSQL URL to run there (the scratch database is emptied); default a SQLite file.
#include <curl/curl.h>
#include <fmt/format.h>
#include <libpq-fe.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "areas/stores.h"
#include "areas/webhooks/delivery_body.h"
#include "areas/webhooks/dispatcher.h"
#include "ingest/bulk/bulk_writer.h"
#include "support/http_receiver.h"

namespace centric {
namespace {

using Clock = std::chrono::steady_clock;

double Seconds(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void ResetPostgres(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  PQclear(PQexec(conn,
                 "SET client_min_messages = warning; DROP SCHEMA IF EXISTS public CASCADE; "
                 "CREATE SCHEMA public;"));
  PQfinish(conn);
}

std::string FreshUrl(const std::string& db, int run) {
  if (!db.empty()) {
    ResetPostgres(db);
    return db;
  }
  auto path =
      std::filesystem::temp_directory_path() / fmt::format("centric-webhook-bench-{}.db", run);
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
  return path.string();
}

// N customers in one import: N customer.created events after the subscription.
void Seed(Stores& stores, int events, const std::string& receiver) {
  auto hook = stores.webhooks().CreateSubscription(
      {receiver, {"customer.created"}, "bench", std::string(40, 's')});
  if (!hook) throw std::runtime_error(hook.error().ToString());
  auto bulk = ingest::BeginBulk(stores.connection());
  if (!bulk) throw std::runtime_error(bulk.error().ToString());
  (*bulk)->set_source("bench");
  for (int i = 0; i < events; ++i) {
    Customer c;
    c.external_id = fmt::format("W{}", i);
    c.name = fmt::format("Customer {}", i);
    c.emails = {fmt::format("w{}@example.com", i)};
    if (!(*bulk)->UpsertCustomer(c)) throw std::runtime_error("seed failed");
  }
  if (Status s = (*bulk)->Commit(); !s.ok()) throw std::runtime_error(s.ToString());
}

size_t Ignore(char*, size_t size, size_t n, void*) { return size * n; }

// The baseline: `events` POSTs of `body`, signed, over `senders` keep-alive connections.
double CurlBaseline(const std::string& url, const std::string& body, int events, int senders) {
  const auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int t = 0; t < senders; ++t) {
    threads.emplace_back([&, t] {
      CURL* curl = curl_easy_init();
      for (int i = t; i < events; i += senders) {
        const auto now =
            std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
        curl_slist* list = nullptr;
        for (const auto& [k, v] : webhooks::DeliveryHeaders(
                 std::string(40, 's'), body, "customer.created", std::to_string(i), now)) {
          list = curl_slist_append(list, (k + ": " + v).c_str());
        }
        list = curl_slist_append(list, "Expect:");
        curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.c_str());
        curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
        curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, Ignore);
        curl_easy_perform(curl);
        curl_slist_free_all(list);
      }
      curl_easy_cleanup(curl);
    });
  }
  for (auto& t : threads) t.join();
  return Seconds(start);
}

}  // namespace
}  // namespace centric

int main(int argc, char** argv) {
  using namespace centric;
  CLI::App app{"Webhook fan-out to a loopback receiver, beside plain libcurl"};
  int events = 10000, senders = 4, runs = 3, batch = 1000;
  std::string db;
  app.add_option("--events", events)->capture_default_str();
  app.add_option("--senders", senders)->capture_default_str();
  app.add_option("--runs", runs)->capture_default_str();
  app.add_option("--batch", batch, "Deliveries per round")->capture_default_str();
  app.add_option("--db", db, "PostgreSQL URL (emptied); default a SQLite file");
  CLI11_PARSE(app, argc, argv);
  curl_global_init(CURL_GLOBAL_DEFAULT);

  fmt::print(
      "backend,run,events,dispatcher_s,dispatcher_events_per_s,curl_s,curl_posts_per_s,"
      "ratio\n");
  for (int run = 0; run < runs; ++run) {
    testing::HttpReceiver receiver(nullptr, /*record=*/false);
    const std::string url = FreshUrl(db, run);
    auto stores = Stores::Open(url);
    if (!stores) {
      fmt::print(stderr, "cannot open {}: {}\n", url, stores.error().ToString());
      return 1;
    }
    Seed(**stores, events, receiver.url());
    webhooks::DispatcherOptions options;
    options.senders = senders;
    options.batch = batch;
    webhooks::Dispatcher dispatcher((*stores)->connection(), (*stores)->webhooks(), options);
    const auto start = Clock::now();
    while (true) {
      auto round = dispatcher.RunOnce();
      if (!round) {
        fmt::print(stderr, "round failed: {}\n", round.error().ToString());
        return 1;
      }
      if (round->queued == 0 && round->delivered + round->retrying + round->failed == 0) break;
    }
    const double dispatched = Seconds(start);
    if (receiver.count() < events) {
      fmt::print(stderr, "only {} of {} delivered\n", receiver.count(), events);
      return 1;
    }
    // The same body size as a delivery: one real event's body.
    webhooks::DueDelivery sample;
    sample.position = 12345;
    sample.type = "customer.created";
    sample.customer_id = 12345;
    sample.actor_kind = "cli";
    sample.actor_name = "bench";
    sample.payload_json = R"({"customer_id":12345,"via":"import"})";
    const std::string body = webhooks::EventBody(sample);
    const double baseline = CurlBaseline(receiver.url(), body, events, senders);
    fmt::print("{},{},{},{:.3f},{:.0f},{:.3f},{:.0f},{:.2f}\n", (*stores)->backend(), run + 1,
               events, dispatched, events / dispatched, baseline, events / baseline,
               baseline / dispatched);
  }
  return 0;
}
