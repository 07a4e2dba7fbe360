// SPDX-License-Identifier: Apache-2.0
// The audit rows of subscription writes, built once for both backends; never the secret.
#pragma once

#include "areas/webhooks/webhook_types.h"
#include "platform/store/change.h"

namespace centric::webhooks {

platform::Change SubscriptionCreated(const Subscription& subscription);
platform::Change SubscriptionUpdated(const Subscription& before, const Subscription& after);
platform::Change SubscriptionDeleted(const Subscription& before);
// A test ping sent by an admin, with its outcome.
platform::Change PingSent(int64_t subscription_id, int64_t delivery_id, const Attempt& attempt);

}  // namespace centric::webhooks
