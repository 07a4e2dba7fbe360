// SPDX-License-Identifier: Apache-2.0
// The Centric-Signature header, as Stripe signs its webhooks: "t=<unix seconds>,v1=<hex>",
// where hex is HMAC-SHA256, keyed by the subscription's secret, of "<t>.<body>". A receiver
// recomputes it, compares in constant time, and refuses a t too far from its own clock, which
// stops replays.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace centric::webhooks {

inline constexpr std::string_view kSignatureHeader = "Centric-Signature";

// The header's value for `body` sent at `unix_seconds`.
std::string SignatureHeader(std::string_view secret, int64_t unix_seconds, std::string_view body);

// HMAC-SHA256 of "<unix_seconds>.<body>" in lower-case hex.
std::string SignatureHex(std::string_view secret, int64_t unix_seconds, std::string_view body);

}  // namespace centric::webhooks
