// SPDX-License-Identifier: Apache-2.0
#include "ingest/schema.h"

#include <fmt/format.h>

#include "text/ascii.h"

namespace centric::ingest {
namespace {

constexpr FieldDef kCustomerFields[] = {
    {"external_id", true}, {"name", false},         {"email", false},     {"phone", false},
    {"language", false},   {"country", false},      {"time_zone", false}, {"first_seen", false},
    {"tags", false},       {"account_owner", false}};
constexpr FieldDef kProductFields[] = {{"sku", true},    {"name", false},      {"category", false},
                                       {"price", false}, {"unit_cost", false}, {"currency", false}};
// `customer` is required as a column, but an empty value is a guest order, not an error.
constexpr FieldDef kOrderFields[] = {
    {"invoice", true},   {"customer", true},  {"timestamp", true},    {"product", true},
    {"quantity", true},  {"price", true},     {"description", false}, {"country", false},
    {"currency", false}, {"category", false}, {"status", false},      {"discount", false},
    {"amount", false}};

static_assert(std::size(kCustomerFields) == customer_field::kCount);
static_assert(std::size(kProductFields) == product_field::kCount);
static_assert(std::size(kOrderFields) == order_field::kCount);

constexpr std::string_view kCustomerPrefixes[] = {kConsentPrefix, kAttributePrefix};

bool StartsWithIgnoreCase(std::string_view name, std::string_view prefix) {
  return name.size() >= prefix.size() &&
         text::EqualsIgnoreCase(name.substr(0, prefix.size()), prefix);
}

}  // namespace

std::string_view EntityName(Entity entity) {
  switch (entity) {
    case Entity::kCustomers:
      return "customers";
    case Entity::kProducts:
      return "products";
    case Entity::kOrders:
      return "orders";
  }
  return "customers";
}

Result<Entity> ParseEntity(std::string_view name) {
  if (name == "customers") return Entity::kCustomers;
  if (name == "products") return Entity::kProducts;
  if (name == "orders") return Entity::kOrders;
  return Error(InvalidArgument(fmt::format("'{}' is not one of customers, products, orders", name),
                               "entity"));
}

std::span<const FieldDef> Fields(Entity entity) {
  switch (entity) {
    case Entity::kCustomers:
      return kCustomerFields;
    case Entity::kProducts:
      return kProductFields;
    case Entity::kOrders:
      return kOrderFields;
  }
  return {};
}

std::span<const std::string_view> DynamicPrefixes(Entity entity) {
  if (entity == Entity::kCustomers) return kCustomerPrefixes;
  return {};
}

int FindField(Entity entity, std::string_view name) {
  auto fields = Fields(entity);
  for (size_t i = 0; i < fields.size(); ++i) {
    if (text::EqualsIgnoreCase(fields[i].name, name)) return static_cast<int>(i);
  }
  return -1;
}

int FindDynamicPrefix(Entity entity, std::string_view name) {
  auto prefixes = DynamicPrefixes(entity);
  for (size_t i = 0; i < prefixes.size(); ++i) {
    if (name.size() > prefixes[i].size() && StartsWithIgnoreCase(name, prefixes[i])) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

std::string FieldList(Entity entity) {
  std::string out;
  for (const auto& f : Fields(entity)) {
    if (!out.empty()) out += ", ";
    out += f.name;
  }
  if (entity == Entity::kCustomers) {
    out += fmt::format(", {}<channel>, {}<name>", kConsentPrefix, kAttributePrefix);
  }
  return out;
}

}  // namespace centric::ingest
