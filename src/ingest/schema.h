// SPDX-License-Identifier: Apache-2.0
// The importable entities and their fields: the names a file's columns map to. A field's
// position in Fields(entity) is its slot, the index of its value in a Row. Customers also take
// open-ended fields by prefix ("consent_<channel>", "attr.<name>"). Immutable; thread-safe.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "core/result.h"

namespace centric::ingest {

enum class Entity { kCustomers, kProducts, kOrders };

// "customers", "products", "orders".
std::string_view EntityName(Entity entity);
// InvalidArgument for anything else.
Result<Entity> ParseEntity(std::string_view name);

struct FieldDef {
  std::string_view name;
  bool required;  // the file must provide a column for it
};

// Slots of each entity, in the order of Fields(entity).
namespace customer_field {
enum : int {
  kExternalId,
  kName,
  kEmail,
  kPhone,
  kLanguage,
  kCountry,
  kTimeZone,
  kFirstSeen,
  kTags,
  kAccountOwner,
  kCount
};
}  // namespace customer_field
namespace product_field {
enum : int { kSku, kName, kCategory, kPrice, kUnitCost, kCurrency, kCount };
}  // namespace product_field
namespace order_field {
enum : int {
  kInvoice,
  kCustomer,
  kTimestamp,
  kProduct,
  kQuantity,
  kPrice,
  kDescription,
  kCountry,
  kCurrency,
  kCategory,
  kStatus,
  kDiscount,
  kAmount,
  kCount
};
}  // namespace order_field

std::span<const FieldDef> Fields(Entity entity);

// Prefixes of open-ended fields; empty except for customers.
inline constexpr std::string_view kConsentPrefix = "consent_";
inline constexpr std::string_view kAttributePrefix = "attr.";
std::span<const std::string_view> DynamicPrefixes(Entity entity);

// The slot of `name` (case-insensitive), or -1.
int FindField(Entity entity, std::string_view name);
// The index in DynamicPrefixes(entity) that `name` starts with (case-insensitive) followed by
// at least one character, or -1.
int FindDynamicPrefix(Entity entity, std::string_view name);

// "invoice, customer, ..., consent_<channel>, attr.<name>" for help and error messages.
std::string FieldList(Entity entity);

}  // namespace centric::ingest
