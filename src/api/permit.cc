// SPDX-License-Identifier: Apache-2.0
#include "api/permit.h"

#include <fmt/format.h>

namespace centric::api {

Status Permit(Access access, Role role) {
  switch (access) {
    case Access::kPublic:
    case Access::kRead:
      return Status::Ok();
    case Access::kWrite:
      if (CanWrite(role)) return Status::Ok();
      return PermissionDenied(fmt::format("role {} may only read", RoleName(role)));
    case Access::kAdmin:
      if (CanAdminister(role)) return Status::Ok();
      return PermissionDenied(
          fmt::format("only an admin may do this, not role {}", RoleName(role)));
  }
  return PermissionDenied("unknown access level");
}

}  // namespace centric::api
