// SPDX-License-Identifier: Apache-2.0
// Webhooks: an admin subscribes a URL to event types; each event of those types is delivered
// to it as a signed HTTP POST, retried until it is accepted or a day has passed.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/customer.h"
#include "core/time.h"
#include "platform/store/page.h"

namespace centric::webhooks {

// Milliseconds since the Unix epoch: retries are scheduled finer than seconds.
using Millis = std::chrono::sys_time<std::chrono::milliseconds>;

struct Subscription {
  int64_t id = 0;
  std::string url;
  std::vector<std::string> event_types;  // platform/events/event_types.h, or "*" for all
  std::string description;
  bool active = true;
  int64_t start_position = 0;  // receives events after this one only
  Timestamp created_at{};
  Timestamp updated_at{};
  std::string secret;  // signs deliveries; shown once, at creation, never in the audit log
};

// What an admin gives to subscribe. An empty secret asks Centric to make one.
struct SubscriptionDraft {
  std::string url;
  std::vector<std::string> event_types;
  std::string description;
  std::string secret;
};

// What an admin changes of a subscription; unset fields stay as they are.
struct SubscriptionChange {
  std::optional<std::string> url;
  std::optional<std::vector<std::string>> event_types;
  std::optional<std::string> description;
  std::optional<bool> active;
};

enum class DeliveryStatus { kPending, kDelivered, kFailed };
std::string_view DeliveryStatusName(DeliveryStatus status);
Result<DeliveryStatus> ParseDeliveryStatus(std::string_view name);

// One line of a subscription's delivery log.
struct Delivery {
  int64_t id = 0;
  int64_t subscription_id = 0;
  std::optional<int64_t> event_position;  // none for a test ping
  std::string event_type;                 // "ping" for a test ping
  std::optional<CustomerId> customer_id;
  DeliveryStatus status = DeliveryStatus::kPending;
  int attempts = 0;
  Millis next_attempt_at{};
  std::optional<int> last_status_code;
  std::string last_error;
  std::optional<int64_t> latency_ms;  // of the last attempt
  Timestamp created_at{};
  std::optional<Timestamp> finished_at;
};

struct DeliveryFilter {
  int64_t subscription_id = 0;
  std::optional<DeliveryStatus> status;
  store::PageRequest page;
};

// A delivery to attempt now, with what its request is made of.
struct DueDelivery {
  int64_t id = 0;
  int64_t subscription_id = 0;
  std::string url;
  std::string secret;
  int attempts = 0;  // before this one
  Timestamp created_at{};
  // The event.
  int64_t position = 0;
  std::string type;
  std::optional<CustomerId> customer_id;
  std::string actor_kind;
  std::string actor_name;
  Timestamp at{};
  std::string payload_json;
};

// The outcome of one attempt, as the dispatcher records it.
struct Attempt {
  int64_t delivery_id = 0;
  DeliveryStatus status = DeliveryStatus::kPending;  // pending: to be retried
  Millis next_attempt_at{};                          // when pending
  std::optional<int> status_code;
  std::string error;
  int64_t latency_ms = 0;
  Timestamp at{};
};

// A delivery to queue: one event for one subscription.
struct NewDelivery {
  int64_t subscription_id = 0;
  int64_t event_position = 0;
  std::string event_type;
  std::optional<CustomerId> customer_id;
};

}  // namespace centric::webhooks
