// SPDX-License-Identifier: Apache-2.0
// The Change of a create, update or delete of one domain entity (a customer, a product, an
// order, an interaction), built the same way by every area's store from the entity's JSON
// (core/json_codec.h), and the two shapes of a recorded write: the write and its Change in one
// transaction. Header-only: the entity types are templates' arguments.
#pragma once

#include <boost/json/object.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/json_codec.h"
#include "core/result.h"
#include "platform/store/change.h"
#include "platform/store/connection.h"

namespace centric::platform {

// An entity's fields as the audit log compares them: its JSON without the bookkeeping times,
// which every update changes.
template <typename T>
boost::json::object EntityFields(const T& entity) {
  boost::json::object o = ToJson(entity);
  o.erase("created_at");
  o.erase("updated_at");
  return o;
}

// The Change of a create (before null), update or delete (after null) of one entity. An
// update that changes nothing is audited but is no event.
template <typename T>
Change EntityChange(std::string action, std::string entity, int64_t id,
                    std::optional<CustomerId> customer_id, const T* before, const T* after,
                    std::string_view event_type = {}) {
  std::optional<boost::json::object> b, a;
  if (before) b = EntityFields(*before);
  if (after) a = EntityFields(*after);
  Change change;
  change.action = std::move(action);
  change.entity = std::move(entity);
  change.entity_id = std::to_string(id);
  change.customer_id = customer_id;
  change.fields = FieldChanges(b ? &*b : nullptr, a ? &*a : nullptr);
  if (!before || !after) {
    // A create or delete lists what the entity holds, not its empty fields nor its id (which
    // the row names already).
    const char* side = before ? "before" : "after";
    std::vector<std::string> empty;
    for (const auto& kv : change.fields) {
      const boost::json::value& v = kv.value().as_object().at(side);
      if (kv.key() == "id" || v.is_null() || (v.is_string() && v.get_string().empty()) ||
          (v.is_array() && v.get_array().empty()) || (v.is_object() && v.get_object().empty())) {
        empty.emplace_back(kv.key());
      }
    }
    for (const auto& key : empty) change.fields.erase(key);
  }
  if (!event_type.empty() && (!change.fields.empty() || !before || !after)) {
    change.event_type = std::string(event_type);
    change.payload = boost::json::object{{change.entity + "_id", id}, {"changes", change.fields}};
    if (customer_id) change.payload["customer_id"] = *customer_id;
  }
  return change;
}

// Runs `write`, which returns the entity written and its Change, and records the Change, in
// one transaction.
template <typename T>
Result<T> RecordedWrite(store::Connection& connection,
                        const std::function<Result<std::pair<T, Change>>()>& write) {
  T out;
  Status s = connection.Transaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(auto written, write());
    out = std::move(written.first);
    return connection.Record(written.second);
  });
  if (!s.ok()) return Error(s);
  return out;
}

// Reads the entity, deletes it, and records the Change made from what it was, in one
// transaction.
template <typename T>
Status RecordedDelete(store::Connection& connection, const std::function<Result<T>()>& get,
                      const std::function<Status()>& remove,
                      const std::function<Change(const T&)>& change) {
  return connection.Transaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(T before, get());
    CENTRIC_RETURN_IF_ERROR(remove());
    return connection.Record(change(before));
  });
}

}  // namespace centric::platform
