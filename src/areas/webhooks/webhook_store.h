// SPDX-License-Identifier: Apache-2.0
// WebhookStore: subscriptions and the delivery log, with one implementation per backend
// (sqlite/, postgres/) over the platform's shared connection and one contract suite over both
// (tests/areas/webhooks). Subscription writes are audited (never the secret); the delivery
// bookkeeping of the dispatcher is its own log and is not.
//
// Thread-safety: as its connection, one per thread.
#pragma once

#include <memory>
#include <vector>

#include "areas/webhooks/webhook_types.h"
#include "core/result.h"
#include "platform/store/connection.h"

namespace centric::webhooks {

class WebhookStore {
 public:
  virtual ~WebhookStore() = default;

  // CreateSubscription: InvalidArgument naming the field for a URL that is not http(s), an
  // unknown event type, no event type, or a secret shorter than 32 bytes; nothing is stored.
  // The subscription receives events appended after it was created.
  virtual Result<Subscription> CreateSubscription(const SubscriptionDraft& draft) = 0;
  // NotFound for an unknown id. The secret is filled in.
  virtual Result<Subscription> GetSubscription(int64_t id) = 0;
  virtual Result<std::vector<Subscription>> ListSubscriptions() = 0;
  // The same checks as CreateSubscription for what it changes.
  virtual Result<Subscription> UpdateSubscription(int64_t id, const SubscriptionChange& change) = 0;
  // Removes the subscription and its delivery log.
  virtual Status DeleteSubscription(int64_t id) = 0;

  // Queues deliveries, once per (subscription, event): a repeat is ignored.
  virtual Status QueueDeliveries(const std::vector<NewDelivery>& deliveries, Millis now) = 0;
  // Up to `limit` pending deliveries due at `now` of active subscriptions, oldest first, only
  // the first pending one of each customer per subscription (so a customer's events arrive in
  // order).
  virtual Result<std::vector<DueDelivery>> DueDeliveries(Millis now, int limit) = 0;
  // Records the outcome of attempts, in one transaction.
  virtual Status RecordAttempts(const std::vector<Attempt>& attempts) = 0;
  // Logs a test ping that was sent at once; returns its delivery id.
  virtual Result<int64_t> RecordPing(int64_t subscription_id, const Attempt& attempt) = 0;
  // The log of one subscription, newest first. NotFound for an unknown subscription.
  virtual Result<store::Page<Delivery>> ListDeliveries(const DeliveryFilter& filter) = 0;
  // How many deliveries are pending, over all subscriptions.
  virtual Result<int64_t> PendingCount() = 0;
  // Forgets settled deliveries that finished before `before`; returns how many.
  virtual Result<int64_t> PruneDeliveries(Timestamp before) = 0;
};

// The webhook store of `connection`'s backend, sharing the connection (which must outlive it).
std::unique_ptr<WebhookStore> MakeWebhookStore(store::Connection& connection);

}  // namespace centric::webhooks
