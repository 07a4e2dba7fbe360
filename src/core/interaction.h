// SPDX-License-Identifier: Apache-2.0
// An interaction: one entry on a customer's timeline that is not an order — a meeting, a
// call, an email, a note — with when, through which channel, and what was said.
#pragma once

#include <cstdint>
#include <string>

#include "core/customer.h"
#include "core/status.h"
#include "core/time.h"

namespace centric {

using InteractionId = int64_t;

struct Interaction {
  InteractionId id = 0;  // assigned by the store
  CustomerId customer_id = 0;
  std::string kind;     // "meeting", "call", "email", "note", ...
  std::string channel;  // "phone", "in_person", "email", "chat", "web", ...
  Timestamp occurred_at{};
  std::string summary;
  std::string details;  // a JSON object as text, "{}" when none
  std::string author;
  Timestamp created_at{};

  bool operator==(const Interaction&) const = default;
};

// The kinds a timeline knows; others are rejected so reports stay comparable.
bool IsKnownInteractionKind(std::string_view kind);

Status ValidateInteraction(const Interaction& interaction);

}  // namespace centric
