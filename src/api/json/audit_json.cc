// SPDX-License-Identifier: Apache-2.0
#include "api/json/audit_json.h"

#include <boost/json/parse.hpp>

namespace centric::api {
namespace {

namespace json = boost::json;

// Stored JSON back as a value; a row that no writer of ours produced shows as text.
json::value StoredJson(const std::string& text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  return ec ? json::value(text) : v;
}

json::value OrNull(const std::optional<int64_t>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

}  // namespace

json::object AuditEntryJson(const platform::AuditEntry& e) {
  return json::object{
      {"id", e.id},
      {"at", FormatIso8601(e.at)},
      {"actor",
       json::object{{"kind", platform::ActorKindName(e.actor.kind)},
                    {"id", OrNull(e.actor.id)},
                    {"name", e.actor.name},
                    {"role", e.actor.role ? json::value(RoleName(*e.actor.role))
                                          : json::value(nullptr)}}},
      {"source", e.actor.source},
      {"action", e.action},
      {"entity", e.entity},
      {"entity_id", e.entity_id},
      {"customer_id", OrNull(e.customer_id)},
      {"changes", StoredJson(e.changes_json)},
  };
}

json::object EventJson(const platform::Event& e) {
  return json::object{
      {"position", e.position},
      {"type", e.type},
      {"customer_id", OrNull(e.customer_id)},
      {"actor", json::object{{"kind", platform::ActorKindName(e.actor_kind)},
                             {"id", OrNull(e.actor_id)},
                             {"name", e.actor_name}}},
      {"at", FormatIso8601(e.at)},
      {"payload", StoredJson(e.payload_json)},
  };
}

const std::vector<std::string>& AuditCsvHeader() {
  static const std::vector<std::string> kHeader = {
      "id",     "at",     "actor_kind", "actor_id",  "actor_name",  "actor_role",
      "source", "action", "entity",     "entity_id", "customer_id", "changes"};
  return kHeader;
}

std::vector<std::string> AuditCsvRow(const platform::AuditEntry& e) {
  auto text = [](const std::optional<int64_t>& v) { return v ? std::to_string(*v) : ""; };
  return {std::to_string(e.id),
          FormatIso8601(e.at),
          std::string(platform::ActorKindName(e.actor.kind)),
          text(e.actor.id),
          e.actor.name,
          e.actor.role ? std::string(RoleName(*e.actor.role)) : "",
          e.actor.source,
          e.action,
          e.entity,
          e.entity_id,
          text(e.customer_id),
          e.changes_json};
}

}  // namespace centric::api
