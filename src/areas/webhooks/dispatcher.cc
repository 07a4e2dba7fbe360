// SPDX-License-Identifier: Apache-2.0
#include "areas/webhooks/dispatcher.h"

#include <fmt/format.h>

#include <algorithm>
#include <thread>

#include "areas/webhooks/delivery_body.h"
#include "areas/webhooks/webhook_rules.h"
#include "platform/events/event_log.h"

namespace centric::webhooks {
namespace {

constexpr std::string_view kCursor = "webhooks";
constexpr int kEventsPerTransaction = 5000;

Millis NowMillis() {
  return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

Timestamp NowSeconds() {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

}  // namespace

Dispatcher::Dispatcher(store::Connection& connection, WebhookStore& store,
                       DispatcherOptions options)
    : connection_(connection), store_(store), options_(options), random_(std::random_device{}()) {
  options_.senders = std::max(1, options_.senders);
  options_.batch = std::max(1, options_.batch);
  for (int i = 0; i < options_.senders; ++i) {
    senders_.push_back(std::make_unique<HttpSender>(options_.sender, &stop_));
  }
}

Dispatcher::~Dispatcher() = default;

Result<int64_t> Dispatcher::QueueNewEvents() {
  auto events = platform::MakeEventLog(connection_);
  int64_t queued = 0;
  while (true) {
    bool more = false;
    Status s = connection_.Transaction([&]() -> Status {
      CENTRIC_ASSIGN_OR_RETURN(int64_t cursor, events->LoadCursor(kCursor));
      CENTRIC_ASSIGN_OR_RETURN(auto batch, events->Read(cursor, kEventsPerTransaction));
      if (batch.empty()) return Status::Ok();
      CENTRIC_ASSIGN_OR_RETURN(auto subscriptions, store_.ListSubscriptions());
      std::vector<NewDelivery> deliveries;
      for (const auto& event : batch) {
        for (const auto& s : subscriptions) {
          if (s.active && event.position > s.start_position &&
              Subscribes(s.event_types, event.type)) {
            deliveries.push_back({s.id, event.position, event.type, event.customer_id});
          }
        }
      }
      CENTRIC_RETURN_IF_ERROR(store_.QueueDeliveries(deliveries, NowMillis()));
      queued += static_cast<int64_t>(deliveries.size());
      more = static_cast<int>(batch.size()) == kEventsPerTransaction;
      return events->SaveCursor(kCursor, batch.back().position);
    });
    if (!s.ok()) return Error(s);
    if (!more) return queued;
  }
}

Millis Dispatcher::NextAttempt(int attempts_so_far, Millis now) {
  // Exponential backoff with "equal jitter": half the delay fixed, half random, so retries of
  // many deliveries that failed together spread out instead of arriving together again.
  const int doublings = std::min(attempts_so_far, 30);
  auto delay = options_.first_retry * (int64_t{1} << doublings);
  delay = std::min<std::chrono::milliseconds>(delay, options_.max_retry);
  const int64_t half = std::max<int64_t>(1, delay.count() / 2);
  std::uniform_int_distribution<int64_t> jitter(0, half);
  return now + std::chrono::milliseconds(half + jitter(random_));
}

Result<RoundStats> Dispatcher::SendDue() {
  RoundStats stats;
  CENTRIC_ASSIGN_OR_RETURN(auto due, store_.DueDeliveries(NowMillis(), options_.batch));
  if (due.empty()) return stats;
  std::vector<Attempt> attempts(due.size());
  // Each sender takes every n-th delivery; a batch holds at most one delivery per customer and
  // subscription, so no two senders carry events of one customer to one subscriber.
  auto send = [&](size_t first) {
    HttpSender& sender = *senders_[first];
    for (size_t i = first; i < due.size(); i += senders_.size()) {
      if (stop_) return;
      const DueDelivery& d = due[i];
      const std::string body = EventBody(d);
      const Timestamp now = NowSeconds();
      SendResult sent = sender.Post(
          d.url, body, DeliveryHeaders(d.secret, body, d.type, std::to_string(d.id), now));
      Attempt& a = attempts[i];
      a.delivery_id = d.id;
      a.status_code = sent.status_code;
      a.error = sent.error;
      a.latency_ms = sent.latency_ms;
      a.at = NowSeconds();
    }
  };
  const size_t threads = std::min(senders_.size(), due.size());
  std::vector<std::thread> running;
  for (size_t t = 1; t < threads; ++t) running.emplace_back(send, t);
  send(0);
  for (auto& t : running) t.join();

  std::vector<Attempt> done;
  const Millis now = NowMillis();
  for (size_t i = 0; i < due.size(); ++i) {
    Attempt& a = attempts[i];
    if (a.delivery_id == 0) continue;  // stopped before it was sent
    if (a.error.empty()) {
      a.status = DeliveryStatus::kDelivered;
      a.next_attempt_at = now;
      ++stats.delivered;
    } else {
      const Millis next = NextAttempt(due[i].attempts, now);
      const Millis deadline =
          std::chrono::time_point_cast<std::chrono::milliseconds>(due[i].created_at) +
          options_.give_up_after;
      if (next > deadline) {
        a.status = DeliveryStatus::kFailed;
        a.next_attempt_at = now;
        ++stats.failed;
      } else {
        a.status = DeliveryStatus::kPending;
        a.next_attempt_at = next;
        ++stats.retrying;
      }
    }
    done.push_back(std::move(a));
  }
  CENTRIC_RETURN_IF_ERROR(store_.RecordAttempts(done));
  return stats;
}

Result<RoundStats> Dispatcher::RunOnce() {
  CENTRIC_ASSIGN_OR_RETURN(int64_t queued, QueueNewEvents());
  CENTRIC_ASSIGN_OR_RETURN(RoundStats stats, SendDue());
  stats.queued = queued;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_prune_ > std::chrono::hours(1)) {
    last_prune_ = now;
    CENTRIC_ASSIGN_OR_RETURN(int64_t pruned,
                             store_.PruneDeliveries(NowSeconds() - options_.keep_log));
    (void)pruned;
  }
  return stats;
}

void Dispatcher::Run() {
  auto pause = options_.idle_wait;
  while (!stop_) {
    auto round = RunOnce();
    if (!round) {
      fmt::print(stderr, "centric: webhooks: {}\n", round.error().ToString());
      pause = std::min<std::chrono::milliseconds>(pause * 2, std::chrono::seconds(30));
    } else if (round->queued + round->delivered + round->retrying + round->failed > 0) {
      pause = options_.idle_wait;
      continue;
    } else {
      pause = options_.idle_wait;
    }
    // Sleep in short steps, so Stop() is seen within 50 ms.
    for (auto slept = std::chrono::milliseconds(0); slept < pause && !stop_;
         slept += std::chrono::milliseconds(50)) {
      std::this_thread::sleep_for(std::min(std::chrono::milliseconds(50), pause - slept));
    }
  }
}

Result<Delivery> SendTestPing(WebhookStore& store, int64_t id, const SenderOptions& options) {
  CENTRIC_ASSIGN_OR_RETURN(Subscription s, store.GetSubscription(id));
  const Timestamp now = NowSeconds();
  const std::string body = PingBody(id, now);
  HttpSender sender(options);
  SendResult sent = sender.Post(s.url, body, DeliveryHeaders(s.secret, body, "ping", "ping", now));
  Attempt attempt;
  attempt.status = sent.error.empty() ? DeliveryStatus::kDelivered : DeliveryStatus::kFailed;
  attempt.next_attempt_at = NowMillis();
  attempt.status_code = sent.status_code;
  attempt.error = sent.error;
  attempt.latency_ms = sent.latency_ms;
  attempt.at = NowSeconds();
  CENTRIC_ASSIGN_OR_RETURN(int64_t delivery_id, store.RecordPing(id, attempt));
  DeliveryFilter filter;
  filter.subscription_id = id;
  filter.page.limit = 1;
  CENTRIC_ASSIGN_OR_RETURN(auto page, store.ListDeliveries(filter));
  for (auto& d : page.items) {
    if (d.id == delivery_id) return d;
  }
  return Error(Internal("the ping was sent but its log line is missing"));
}

}  // namespace centric::webhooks
