// SPDX-License-Identifier: Apache-2.0
// A customer: the person or business at the centre of everything Centric shows. Identified
// internally by `id` and, for the systems it comes from, by a unique `external_id`.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/status.h"
#include "core/time.h"

namespace centric {

using CustomerId = int64_t;

struct Customer {
  CustomerId id = 0;              // assigned by the store
  std::string external_id;        // required, unique
  std::string name;
  std::vector<std::string> emails;
  std::vector<std::string> phones;
  std::string preferred_language;  // BCP 47 tag, e.g. "fr", "ca", "vi", "ar"
  std::string country;             // ISO 3166-1 alpha-2 where known, else as given
  std::string time_zone;           // IANA name, e.g. "Europe/Paris"
  std::optional<Timestamp> first_seen;
  std::map<std::string, bool> consent;  // channel ("email", "sms", ...) -> granted
  std::vector<std::string> tags;
  std::map<std::string, std::string> attributes;  // free-form custom attributes
  std::string account_owner;
  Timestamp created_at{};
  Timestamp updated_at{};

  bool operator==(const Customer&) const = default;
};

// Returns InvalidArgument naming the first bad field: empty external id, an email without
// '@', an over-long value.
Status ValidateCustomer(const Customer& customer);

}  // namespace centric
