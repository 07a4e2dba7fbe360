// SPDX-License-Identifier: Apache-2.0
// What makes a subscription valid, and its secret. Each check returns InvalidArgument naming
// the field at fault.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "areas/webhooks/webhook_types.h"
#include "core/result.h"

namespace centric::webhooks {

inline constexpr size_t kMinSecretBytes = 32;
inline constexpr size_t kMaxSecretBytes = 256;
inline constexpr size_t kMaxUrlBytes = 2048;
inline constexpr std::string_view kAllEvents = "*";

// An absolute http:// or https:// URL with a host (parsed by libcurl's URL parser, the same
// that sends the requests), without credentials in it. Field "url".
Status CheckUrl(std::string_view url);
// At least one type, each in platform/events/event_types.h or "*". Field "event_types".
Status CheckEventTypes(const std::vector<std::string>& types);
// 32 to 256 bytes. Field "secret".
Status CheckSecret(std::string_view secret);
Status CheckDraft(const SubscriptionDraft& draft);
Status CheckChange(const SubscriptionChange& change);

// A fresh secret: "whsec_" and 32 random bytes in unpadded base64url.
Result<std::string> GenerateSecret();

// True when a subscription to `types` receives events of `type`.
bool Subscribes(const std::vector<std::string>& types, std::string_view type);

}  // namespace centric::webhooks
