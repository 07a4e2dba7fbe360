// SPDX-License-Identifier: Apache-2.0
// Router: the route table. A route is a method, a path pattern whose "{name}" segments match
// one segment each, the access it needs, and its handler. Built once at start-up; immutable and
// safe to share between threads afterwards. The OpenAPI test walks routes() to prove the
// document lists exactly what is served.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "api/request.h"
#include "api/response.h"
#include "api/services.h"

namespace centric::api {

// What a caller needs to use a route; see Permit() in auth.h.
enum class Access {
  kPublic,  // no token
  kRead,    // any role
  kWrite,   // agent or admin (core/role.h CanWrite)
  kAdmin,   // admin only
};

// A handler is a plain function: everything it needs is in the request and the services.
using Handler = Response (*)(const Request& request, Services& services);

struct Route {
  Method method;
  std::string pattern;  // "/api/v1/customers/{id}"
  Access access;
  Handler handler;
};

class Router {
 public:
  // REQUIRES: no route with the same method and pattern yet; the pattern starts with '/'.
  void Add(Method method, std::string pattern, Access access, Handler handler);

  struct Match {
    const Route* route = nullptr;  // set when path and method both match
    Params params;                 // the "{name}" values of the matched route
    std::vector<Method> allowed;   // methods served on this path; empty: no such path
    bool path_is_public = false;   // every route on this path is Access::kPublic
  };
  // Finds the route for `method` on the decoded `path`. Literal segments win over "{name}" ones,
  // so "/customers/search" could live beside "/customers/{id}".
  Match Find(Method method, std::string_view path) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
  std::vector<std::vector<std::string>> pattern_segments_;  // parallel to routes_
};

}  // namespace centric::api
