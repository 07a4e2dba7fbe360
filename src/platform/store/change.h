// SPDX-License-Identifier: Apache-2.0
// Change: one write as the audit log and the event outbox see it. A store records a Change in
// the same transaction as the write it describes (Connection::Record), so the audit row and
// the event commit or roll back with it.
#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "core/customer.h"

namespace centric::platform {

struct Change {
  std::string action;     // create, update, delete, import, revoke, sign_in, ...
  std::string entity;     // customer, order, user, token, ...
  std::string entity_id;  // the entity's id as text
  std::optional<CustomerId> customer_id;  // the customer whose story this is, if any
  // Field name -> {"before": ..., "after": ...}; see FieldChanges. Never holds a secret.
  boost::json::object fields;
  // When set, the write is also a domain event of this type (events/event_types.h).
  std::string event_type;
  boost::json::object payload;  // the event's payload
};

// A Change without an event: an action on one entity, with its changed fields.
Change MakeChange(std::string action, std::string entity, std::string entity_id,
                  boost::json::object fields = {});

// {"before": null, "after": value}: a field set by a create or a one-off action.
boost::json::object SetField(boost::json::value after);

// The fields whose values differ between two JSON objects of one entity, as
// {"field": {"before": b, "after": a}}; a key missing on one side is null there. Pass nullptr
// for the side that does not exist (create: before; delete: after).
boost::json::object FieldChanges(const boost::json::object* before,
                                 const boost::json::object* after);

}  // namespace centric::platform
