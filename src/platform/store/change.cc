// SPDX-License-Identifier: Apache-2.0
#include "platform/store/change.h"

#include <boost/json/value.hpp>

namespace centric::platform {

namespace json = boost::json;

json::object FieldChanges(const json::object* before, const json::object* after) {
  json::object out;
  auto value_in = [](const json::object* object, std::string_view key) -> json::value {
    if (!object) return nullptr;
    auto it = object->find(key);
    return it == object->end() ? json::value(nullptr) : it->value();
  };
  auto add = [&](std::string_view key) {
    if (out.contains(key)) return;
    json::value b = value_in(before, key), a = value_in(after, key);
    if (b == a) return;
    out[key] = json::object{{"before", std::move(b)}, {"after", std::move(a)}};
  };
  if (before) for (const auto& kv : *before) add(kv.key());
  if (after) for (const auto& kv : *after) add(kv.key());
  return out;
}

Change MakeChange(std::string action, std::string entity, std::string entity_id,
                  boost::json::object fields) {
  Change change;
  change.action = std::move(action);
  change.entity = std::move(entity);
  change.entity_id = std::move(entity_id);
  change.fields = std::move(fields);
  return change;
}

boost::json::object SetField(boost::json::value after) {
  return boost::json::object{{"before", nullptr}, {"after", std::move(after)}};
}

}  // namespace centric::platform
