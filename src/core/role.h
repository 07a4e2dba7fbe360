// SPDX-License-Identifier: Apache-2.0
// Who may do what. An admin may do everything, an agent reads and writes customer data, an
// analyst only reads.
#pragma once

#include <string_view>

#include "core/result.h"

namespace centric {

enum class Role { kAdmin, kAgent, kAnalyst };

std::string_view RoleName(Role role);
// Returns InvalidArgument for anything but "admin", "agent", "analyst".
Result<Role> ParseRole(std::string_view name);

inline bool CanWrite(Role role) { return role != Role::kAnalyst; }
inline bool CanAdminister(Role role) { return role == Role::kAdmin; }

}  // namespace centric
