// SPDX-License-Identifier: Apache-2.0
// Validation of the domain entities, in one place so the API, the importer and the store
// agree on what a valid entity is.
#include <fmt/format.h>

#include "core/customer.h"
#include "core/interaction.h"
#include "core/money.h"
#include "core/order.h"
#include "core/product.h"
#include "core/role.h"

namespace centric {
namespace {

constexpr size_t kMaxText = 4096;
constexpr size_t kMaxId = 256;

Status TooLong(std::string_view field, size_t limit) {
  return InvalidArgument(fmt::format("longer than {} bytes", limit), std::string(field));
}

}  // namespace

Status ValidateCustomer(const Customer& c) {
  if (c.external_id.empty()) return InvalidArgument("is required", "external_id");
  if (c.external_id.size() > kMaxId) return TooLong("external_id", kMaxId);
  if (c.name.size() > kMaxText) return TooLong("name", kMaxText);
  for (const auto& e : c.emails) {
    auto at = e.find('@');
    if (at == std::string::npos || at == 0 || at + 1 == e.size()) {
      return InvalidArgument(fmt::format("'{}' is not an email address", e), "emails");
    }
    if (e.size() > kMaxId) return TooLong("emails", kMaxId);
  }
  for (const auto& p : c.phones) {
    if (p.size() > kMaxId) return TooLong("phones", kMaxId);
  }
  if (c.preferred_language.size() > 35) return TooLong("preferred_language", 35);
  if (c.country.size() > 64) return TooLong("country", 64);
  if (c.time_zone.size() > 64) return TooLong("time_zone", 64);
  for (const auto& [k, v] : c.attributes) {
    if (k.empty()) return InvalidArgument("attribute names must not be empty", "attributes");
    if (v.size() > kMaxText) return TooLong("attributes", kMaxText);
  }
  return Status::Ok();
}

std::string_view CategoryPrefix(std::string_view category, int depth) {
  size_t pos = 0;
  for (int level = 0; level < depth; ++level) {
    pos = category.find('/', pos);
    if (pos == std::string_view::npos) return category;
    if (level + 1 < depth) ++pos;
  }
  return category.substr(0, pos);
}

Status ValidateProduct(const Product& p) {
  if (p.sku.empty()) return InvalidArgument("is required", "sku");
  if (p.sku.size() > kMaxId) return TooLong("sku", kMaxId);
  if (p.name.size() > kMaxText) return TooLong("name", kMaxText);
  if (p.category.size() > kMaxId) return TooLong("category", kMaxId);
  if (!IsCurrencyCode(p.currency)) {
    return InvalidArgument(fmt::format("'{}' is not an ISO 4217 code", p.currency), "currency");
  }
  if (p.price_minor < 0) return InvalidArgument("must not be negative", "price");
  if (p.unit_cost_minor < 0) return InvalidArgument("must not be negative", "unit_cost");
  return Status::Ok();
}

std::string_view OrderStatusName(OrderStatus status) {
  switch (status) {
    case OrderStatus::kPlaced: return "placed";
    case OrderStatus::kCancelled: return "cancelled";
    case OrderStatus::kReturned: return "returned";
  }
  return "placed";
}

Result<OrderStatus> ParseOrderStatus(std::string_view name) {
  if (name == "placed") return OrderStatus::kPlaced;
  if (name == "cancelled") return OrderStatus::kCancelled;
  if (name == "returned") return OrderStatus::kReturned;
  return Error(InvalidArgument(
      fmt::format("'{}' is not one of placed, cancelled, returned", name), "status"));
}

void RecomputeTotals(Order& order) {
  order.total_minor = 0;
  order.discount_minor = 0;
  for (const auto& line : order.lines) {
    order.total_minor += line.amount_minor;
    order.discount_minor += line.discount_minor;
  }
}

Status ValidateOrder(const Order& o) {
  if (o.external_id.empty()) return InvalidArgument("is required", "external_id");
  if (o.external_id.size() > kMaxId) return TooLong("external_id", kMaxId);
  if (o.customer_id <= 0) return InvalidArgument("is required", "customer_id");
  if (!IsCurrencyCode(o.currency)) {
    return InvalidArgument(fmt::format("'{}' is not an ISO 4217 code", o.currency), "currency");
  }
  for (size_t i = 0; i < o.lines.size(); ++i) {
    const auto& l = o.lines[i];
    if (l.product_id <= 0 && l.sku.empty()) {
      return InvalidArgument(fmt::format("line {} needs a product", i + 1), "lines");
    }
    if (l.quantity == 0) {
      return InvalidArgument(fmt::format("line {} has quantity 0", i + 1), "lines");
    }
    if (l.unit_price_minor < 0) {
      return InvalidArgument(fmt::format("line {} has a negative price", i + 1), "lines");
    }
  }
  return Status::Ok();
}

bool IsKnownInteractionKind(std::string_view kind) {
  static constexpr std::string_view kKinds[] = {"meeting", "call",   "email",    "note",
                                                "chat",    "visit",  "feedback", "ticket",
                                                "promise", "message"};
  for (auto k : kKinds) {
    if (k == kind) return true;
  }
  return false;
}

Status ValidateInteraction(const Interaction& i) {
  if (i.customer_id <= 0) return InvalidArgument("is required", "customer_id");
  if (!IsKnownInteractionKind(i.kind)) {
    return InvalidArgument(
        fmt::format("'{}' is not one of meeting, call, email, note, chat, visit, feedback, "
                    "ticket, promise, message",
                    i.kind),
        "kind");
  }
  if (i.channel.size() > 64) return TooLong("channel", 64);
  if (i.summary.size() > kMaxText) return TooLong("summary", kMaxText);
  if (i.details.size() > 65536) return TooLong("details", 65536);
  return Status::Ok();
}

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kAdmin: return "admin";
    case Role::kAgent: return "agent";
    case Role::kAnalyst: return "analyst";
  }
  return "analyst";
}

Result<Role> ParseRole(std::string_view name) {
  if (name == "admin") return Role::kAdmin;
  if (name == "agent") return Role::kAgent;
  if (name == "analyst") return Role::kAnalyst;
  return Error(InvalidArgument(fmt::format("'{}' is not one of admin, agent, analyst", name),
                               "role"));
}

}  // namespace centric
