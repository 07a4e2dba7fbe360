// SPDX-License-Identifier: Apache-2.0
#include "areas/access/routes/access_routes.h"

namespace centric::access {

void AddAccessRoutes(api::Router& router) {
  AddSessionRoutes(router);
  AddUserRoutes(router);
  AddViewRoutes(router);
  AddTokenRoutes(router);
}

}  // namespace centric::access
