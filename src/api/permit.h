// SPDX-License-Identifier: Apache-2.0
// Who may do what: a route's access level against the caller's role.
#pragma once

#include "api/router.h"
#include "core/result.h"
#include "core/role.h"

namespace centric::api {

// Ok when `role` may use a route needing `access`; PermissionDenied otherwise.
Status Permit(Access access, Role role);

}  // namespace centric::api
