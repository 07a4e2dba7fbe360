// SPDX-License-Identifier: Apache-2.0
// The domain events Centric appends to its outbox, by name. An area adds its own types here,
// one line each, so that webhook subscriptions can be checked against the full list.
#pragma once

#include <array>
#include <string_view>

namespace centric::platform {

inline constexpr std::string_view kCustomerCreated = "customer.created";
inline constexpr std::string_view kCustomerUpdated = "customer.updated";
inline constexpr std::string_view kCustomerDeleted = "customer.deleted";
inline constexpr std::string_view kOrderCreated = "order.created";
inline constexpr std::string_view kOrderUpdated = "order.updated";
inline constexpr std::string_view kOrderDeleted = "order.deleted";
inline constexpr std::string_view kInteractionLogged = "interaction.logged";
inline constexpr std::string_view kInteractionUpdated = "interaction.updated";
inline constexpr std::string_view kInteractionDeleted = "interaction.deleted";
inline constexpr std::string_view kImportCompleted = "import.completed";

inline constexpr std::array kEventTypes = {
    kCustomerCreated,   kCustomerUpdated,     kCustomerDeleted,     kOrderCreated,
    kOrderUpdated,      kOrderDeleted,        kInteractionLogged,   kInteractionUpdated,
    kInteractionDeleted, kImportCompleted,
};

// True when `type` is one of kEventTypes.
constexpr bool IsEventType(std::string_view type) {
  for (std::string_view known : kEventTypes) {
    if (known == type) return true;
  }
  return false;
}

}  // namespace centric::platform
