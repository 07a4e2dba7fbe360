// SPDX-License-Identifier: Apache-2.0
#include "response_schema.h"

#include <fmt/format.h>

#include <cmath>
#include <set>

#include "api/openapi.h"

namespace centric::api::openapi_check {
namespace {

namespace json = boost::json;

const json::object& Document() {
  static const json::object document = json::parse(OpenApiDocument()).as_object();
  return document;
}

const json::object& Resolve(const json::object& schema) {
  const json::value* ref = schema.if_contains("$ref");
  if (!ref) return schema;
  std::string_view name = ref->as_string();
  name.remove_prefix(std::string_view("#/components/schemas/").size());
  return Resolve(Document().at("components").at("schemas").at(name).as_object());
}

// The schema with its allOf parts merged: properties and required lists joined; the kind,
// nullable and additionalProperties of any part.
json::object Merge(const json::object& raw) {
  const json::object& schema = Resolve(raw);
  const json::value* parts = schema.if_contains("allOf");
  if (!parts) return schema;
  json::object merged;
  json::object properties;
  json::array required;
  auto take = [&](const json::object& part) {
    for (const auto& member : part) {
      if (member.key() == "properties") {
        for (const auto& p : member.value().as_object()) properties[p.key()] = p.value();
      } else if (member.key() == "required") {
        for (const auto& r : member.value().as_array()) required.push_back(r);
      } else if (member.key() != "allOf") {
        merged[member.key()] = member.value();
      }
    }
  };
  for (const auto& part : parts->as_array()) take(Merge(part.as_object()));
  take(schema);
  if (!properties.empty()) merged["properties"] = std::move(properties);
  if (!required.empty()) merged["required"] = std::move(required);
  return merged;
}

bool IsA(const json::value& v, std::string_view type) {
  if (type == "integer") {
    return v.is_int64() || v.is_uint64() ||
           (v.is_double() && std::trunc(v.get_double()) == v.get_double());
  }
  if (type == "number") return v.is_number();
  if (type == "string") return v.is_string();
  if (type == "boolean") return v.is_bool();
  if (type == "array") return v.is_array();
  if (type == "object") return v.is_object();
  return true;
}

void Check(const json::value& v, const json::object& raw, const std::string& at,
           std::vector<std::string>& problems) {
  const json::object schema = Merge(raw);
  if (v.is_null()) {
    const json::value* nullable = schema.if_contains("nullable");
    if (!nullable || !nullable->as_bool()) problems.push_back(at + ": null, not nullable");
    return;
  }
  if (const json::value* type = schema.if_contains("type"); type && !IsA(v, type->as_string())) {
    problems.push_back(fmt::format("{}: {} expected, got {}", at,
                                   std::string_view(type->as_string()),
                                   json::serialize(v).substr(0, 60)));
    return;
  }
  if (const json::value* values = schema.if_contains("enum"); values && v.is_string()) {
    bool listed = false;
    for (const auto& e : values->as_array()) listed = listed || e == v;
    if (!listed)
      problems.push_back(fmt::format("{}: {} is not in its enum", at, json::serialize(v)));
  }
  if (v.is_array()) {
    if (const json::value* items = schema.if_contains("items")) {
      size_t i = 0;
      for (const auto& item : v.as_array()) {
        Check(item, items->as_object(), fmt::format("{}[{}]", at, i++), problems);
      }
    }
    return;
  }
  if (!v.is_object()) return;
  const json::object& object = v.as_object();
  const json::value* properties = schema.if_contains("properties");
  const json::value* additional = schema.if_contains("additionalProperties");
  if (const json::value* required = schema.if_contains("required")) {
    for (const auto& name : required->as_array()) {
      if (!object.contains(name.as_string())) {
        problems.push_back(
            fmt::format("{}.{}: required, missing", at, std::string_view(name.as_string())));
      }
    }
  }
  for (const auto& member : object) {
    const std::string child = fmt::format("{}.{}", at, std::string_view(member.key()));
    if (properties) {
      if (const json::value* described = properties->as_object().if_contains(member.key())) {
        Check(member.value(), described->as_object(), child, problems);
        continue;
      }
    }
    if (additional && additional->is_object()) {
      Check(member.value(), additional->as_object(), child, problems);
    } else if (properties && !(additional && additional->is_bool() && additional->get_bool())) {
      problems.push_back(child + ": served, but not in the document");
    }
  }
}

}  // namespace

std::vector<std::string> ResponseProblems(std::string_view method, std::string_view path,
                                          const json::value& value) {
  const json::object& operation = Document().at("paths").at(path).at(method).as_object();
  const json::object& schema = operation.at("responses")
                                   .at("200")
                                   .at("content")
                                   .at("application/json")
                                   .at("schema")
                                   .as_object();
  std::vector<std::string> problems;
  Check(value, schema, std::string(path), problems);
  return problems;
}

}  // namespace centric::api::openapi_check
