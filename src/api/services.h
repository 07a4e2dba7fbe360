// SPDX-License-Identifier: Apache-2.0
// Services: what handlers work with. One per worker thread, because the stores share one
// connection, which is not thread-safe; the login limiter and the web app's files are shared
// by all workers.
#pragma once

#include "areas/stores.h"

namespace centric::access {
class LoginLimiter;
}

namespace centric::api {

class StaticFiles;

struct Services {
  Stores& stores;
  access::LoginLimiter* login_limiter = nullptr;  // none: sign-in is not rate-limited
  const StaticFiles* web = nullptr;       // none: only the API is served
  bool secure_cookies = false;            // mark the session cookie Secure (served over HTTPS)
};

}  // namespace centric::api
