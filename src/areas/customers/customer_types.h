// SPDX-License-Identifier: Apache-2.0
// Customers: the filters and sorts of the customer list, the interactions' filter, and one
// entry of a customer's timeline. The entities (Customer, Interaction) are domain types in
// core/, which every area reads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/customer.h"
#include "core/interaction.h"
#include "core/time.h"
#include "platform/store/page.h"

namespace centric::customers {

using store::Page;
using store::PageRequest;

// Orders of a customer list. The value sorts need the latest retention analysis: customers
// without a prediction are left out of them.
enum class CustomerSort {
  kId,          // oldest first
  kName,        // by name, A to Z
  kClvDesc,     // highest lifetime value first
  kPAliveDesc,  // most probably active first
  kRecentDesc,  // most recent purchase first (periods since the last purchase, at the as-of)
};

struct CustomerFilter {
  std::string search;  // full text over name, emails and external id; prefix match per word
  std::string country;
  std::string language;
  std::string tag;
  // From the latest retention analysis: RFM segment, value tier, churn-risk band.
  std::string segment;
  std::string tier;
  std::string risk;
  std::string category;  // bought in this category or below it ("Food" matches "Food/Pizza")
  CustomerSort sort = CustomerSort::kId;
  PageRequest page;
};

struct InteractionFilter {
  std::optional<CustomerId> customer_id;
  std::string kind;
  PageRequest page;
};

// One entry of a customer's timeline: an order or an interaction.
struct TimelineEvent {
  enum class Type { kOrder, kInteraction };
  Type type = Type::kOrder;
  int64_t id = 0;  // the order or interaction id
  Timestamp at{};
  std::string kind;          // order status ("placed", ...) or interaction kind ("note", ...)
  std::string channel;       // interactions only
  std::string summary;       // interaction summary, or the invoice number of an order
  int64_t amount_minor = 0;  // orders only
  std::string currency;      // orders only
};

}  // namespace centric::customers
