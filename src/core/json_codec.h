// SPDX-License-Identifier: Apache-2.0
// JSON forms of the domain entities, shared by the HTTP API and JSON Lines import/export.
// Money is written as integer minor units (`price_minor`), times as ISO 8601 UTC strings.
// Reading: unknown keys are rejected so typos are not silently dropped; missing keys keep
// the entity's defaults. Errors are InvalidArgument naming the field.
#pragma once

#include <boost/json.hpp>

#include "core/customer.h"
#include "core/interaction.h"
#include "core/order.h"
#include "core/product.h"
#include "core/result.h"

namespace centric {

boost::json::object ToJson(const Customer& customer);
boost::json::object ToJson(const Product& product);
boost::json::object ToJson(const Order& order);
boost::json::object ToJson(const Interaction& interaction);

// Each reads into `into`, which holds the defaults or, for a partial update, the current
// entity; only keys present are changed.
Status FromJson(const boost::json::object& json, Customer& into);
Status FromJson(const boost::json::object& json, Product& into);
Status FromJson(const boost::json::object& json, Order& into);
Status FromJson(const boost::json::object& json, Interaction& into);

// Parses text as one JSON object. InvalidArgument with the parser's reason otherwise.
Result<boost::json::object> ParseJsonObject(std::string_view text);

}  // namespace centric
