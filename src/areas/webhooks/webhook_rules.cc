// SPDX-License-Identifier: Apache-2.0
#include "areas/webhooks/webhook_rules.h"

#include <curl/curl.h>
#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <memory>

#include "platform/events/event_types.h"

namespace centric::webhooks {
namespace {

struct UrlDeleter {
  void operator()(CURLU* url) const { curl_url_cleanup(url); }
};

// A part of `url`, or empty when it has none.
std::string Part(CURLU* url, CURLUPart part) {
  char* value = nullptr;
  if (curl_url_get(url, part, &value, 0) != CURLUE_OK || !value) return "";
  std::string out(value);
  curl_free(value);
  return out;
}

}  // namespace

Status CheckUrl(std::string_view url) {
  if (url.empty()) return InvalidArgument("is required", "url");
  if (url.size() > kMaxUrlBytes) {
    return InvalidArgument(fmt::format("is longer than {} bytes", kMaxUrlBytes), "url");
  }
  std::unique_ptr<CURLU, UrlDeleter> parsed(curl_url());
  if (!parsed) return Internal("cannot allocate a URL parser");
  const std::string text(url);
  // No scheme guessing: "example.com/hook" is refused, not taken as http.
  if (curl_url_set(parsed.get(), CURLUPART_URL, text.c_str(), 0) != CURLUE_OK) {
    return InvalidArgument(fmt::format("'{}' is not a URL", text), "url");
  }
  const std::string scheme = Part(parsed.get(), CURLUPART_SCHEME);
  if (scheme != "http" && scheme != "https") {
    return InvalidArgument(fmt::format("must be http:// or https://, not {}://", scheme), "url");
  }
  if (Part(parsed.get(), CURLUPART_HOST).empty()) return InvalidArgument("has no host", "url");
  if (!Part(parsed.get(), CURLUPART_USER).empty()) {
    return InvalidArgument(
        "must not hold a user name or password; the signature proves the "
        "sender",
        "url");
  }
  return Status::Ok();
}

Status CheckEventTypes(const std::vector<std::string>& types) {
  if (types.empty()) return InvalidArgument("needs at least one event type", "event_types");
  for (const auto& type : types) {
    if (type != kAllEvents && !platform::IsEventType(type)) {
      std::string known;
      for (std::string_view t : platform::kEventTypes)
        known += fmt::format("{}{}", known.empty() ? "" : ", ", t);
      return InvalidArgument(
          fmt::format("unknown event type '{}' (known: {}, or * for all)", type, known),
          "event_types");
    }
  }
  return Status::Ok();
}

Status CheckSecret(std::string_view secret) {
  if (secret.size() < kMinSecretBytes) {
    return InvalidArgument(fmt::format("must be at least {} bytes, not {}; leave it out and "
                                       "Centric makes one",
                                       kMinSecretBytes, secret.size()),
                           "secret");
  }
  if (secret.size() > kMaxSecretBytes) {
    return InvalidArgument(fmt::format("must be at most {} bytes", kMaxSecretBytes), "secret");
  }
  return Status::Ok();
}

Status CheckDraft(const SubscriptionDraft& draft) {
  CENTRIC_RETURN_IF_ERROR(CheckUrl(draft.url));
  CENTRIC_RETURN_IF_ERROR(CheckEventTypes(draft.event_types));
  if (!draft.secret.empty()) CENTRIC_RETURN_IF_ERROR(CheckSecret(draft.secret));
  return Status::Ok();
}

Status CheckChange(const SubscriptionChange& change) {
  if (change.url) CENTRIC_RETURN_IF_ERROR(CheckUrl(*change.url));
  if (change.event_types) CENTRIC_RETURN_IF_ERROR(CheckEventTypes(*change.event_types));
  return Status::Ok();
}

Result<std::string> GenerateSecret() {
  if (sodium_init() < 0) return Error(Internal("libsodium failed to initialise"));
  std::array<unsigned char, 32> bytes;
  randombytes_buf(bytes.data(), bytes.size());
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::array<char, sodium_base64_ENCODED_LEN(32, kVariant)> text;
  sodium_bin2base64(text.data(), text.size(), bytes.data(), bytes.size(), kVariant);
  sodium_memzero(bytes.data(), bytes.size());
  return std::string("whsec_") + text.data();
}

bool Subscribes(const std::vector<std::string>& types, std::string_view type) {
  return std::any_of(types.begin(), types.end(),
                     [&](const std::string& t) { return t == kAllEvents || t == type; });
}

std::string_view DeliveryStatusName(DeliveryStatus status) {
  switch (status) {
    case DeliveryStatus::kPending:
      return "pending";
    case DeliveryStatus::kDelivered:
      return "delivered";
    case DeliveryStatus::kFailed:
      return "failed";
  }
  return "pending";
}

Result<DeliveryStatus> ParseDeliveryStatus(std::string_view name) {
  if (name == "pending") return DeliveryStatus::kPending;
  if (name == "delivered") return DeliveryStatus::kDelivered;
  if (name == "failed") return DeliveryStatus::kFailed;
  return Error(InvalidArgument(
      fmt::format("unknown delivery status '{}' (pending, delivered or failed)", name), "status"));
}

}  // namespace centric::webhooks
