// SPDX-License-Identifier: Apache-2.0
// Services: what handlers work with. One per worker thread, because a Store is one connection
// and not thread-safe; the login limiter and the web app's files are shared by all workers.
#pragma once

#include "store/store.h"

namespace centric::api {

class LoginLimiter;
class StaticFiles;

struct Services {
  store::Store& store;
  LoginLimiter* login_limiter = nullptr;  // none: sign-in is not rate-limited
  const StaticFiles* web = nullptr;       // none: only the API is served
  bool secure_cookies = false;            // mark the session cookie Secure (served over HTTPS)
};

}  // namespace centric::api
