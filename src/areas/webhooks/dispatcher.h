// SPDX-License-Identifier: Apache-2.0
// Dispatcher: turns committed events into webhook deliveries and sends them, apart from request
// handling (its own thread and connection, in `centric serve` or `centric webhook run`), so a
// subscriber that hangs, refuses or fails never slows the API or an import.
//
// Each round it (1) queues a delivery per new event and matching active subscription, reading
// the outbox after its cursor and saving the cursor in the same transaction, so no event is
// skipped or queued twice after a crash; (2) sends the due deliveries, the first pending one of
// each customer per subscription (a customer's events arrive in order), over `senders`
// keep-alive connections at once; (3) records the outcomes in one transaction. A failed attempt
// is retried with exponential backoff and jitter until `give_up_after` from when the delivery
// was queued (seconds after the event while a dispatcher runs; a dispatcher that was down does
// not cut the retries short), then the delivery is marked failed. At least once: a crash
// between sending and recording sends again.
//
// One dispatcher per database: DispatcherThread takes the database's lease.
// Thread-safety: one thread drives a Dispatcher; Stop() may be called from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <memory>
#include <random>
#include <vector>

#include "areas/webhooks/http_sender.h"
#include "areas/webhooks/webhook_store.h"
#include "core/result.h"
#include "platform/store/connection.h"

namespace centric::webhooks {

struct DispatcherOptions {
  SenderOptions sender;
  std::chrono::milliseconds first_retry{std::chrono::seconds(10)};  // then doubling
  std::chrono::milliseconds max_retry{std::chrono::hours(1)};
  std::chrono::milliseconds give_up_after{std::chrono::hours(24)};
  int senders = 4;                           // deliveries in flight at once
  int batch = 1000;                          // deliveries per round
  std::chrono::milliseconds idle_wait{200};  // between rounds that found nothing to do
  std::chrono::hours keep_log{24 * 30};      // settled deliveries are forgotten after this
};

struct RoundStats {
  int64_t queued = 0;  // deliveries queued from new events
  int64_t delivered = 0;
  int64_t retrying = 0;  // failed attempts to be tried again
  int64_t failed = 0;    // given up
};

class Dispatcher {
 public:
  // Uses `connection` and `store` (on it) from the thread that drives it; both must outlive it.
  Dispatcher(store::Connection& connection, WebhookStore& store, DispatcherOptions options);
  ~Dispatcher();

  // Queues deliveries for every new event, then sends one batch of due deliveries.
  Result<RoundStats> RunOnce();
  // Rounds until Stop(); waits `idle_wait` after a round with nothing to do. Errors are
  // reported on stderr and retried.
  void Run();
  void Stop() { stop_ = true; }

 private:
  Result<int64_t> QueueNewEvents();
  Result<RoundStats> SendDue();
  Millis NextAttempt(int attempts_so_far, Millis now);

  store::Connection& connection_;
  WebhookStore& store_;
  DispatcherOptions options_;
  std::atomic<bool> stop_{false};
  std::vector<std::unique_ptr<HttpSender>> senders_;
  std::mt19937_64 random_;
  std::chrono::steady_clock::time_point last_prune_{};
};

// Sends a test ping to subscription `id` now, from the calling thread, and logs it (audited as
// action "test"). NotFound for an unknown id. Returns the logged delivery.
Result<Delivery> SendTestPing(WebhookStore& store, int64_t id, const SenderOptions& options);

}  // namespace centric::webhooks
