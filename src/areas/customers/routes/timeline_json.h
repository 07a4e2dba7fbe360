// SPDX-License-Identifier: Apache-2.0
// The JSON form of a timeline event: {"type":"order"|"interaction","id","at","kind","channel",
// "summary","amount_minor","currency"}, with null for the fields the other type has.
#pragma once

#include <boost/json/object.hpp>

#include "areas/customers/customer_types.h"

namespace centric::customers {

boost::json::object TimelineEventJson(const TimelineEvent& event);

}  // namespace centric::customers
