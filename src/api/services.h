// SPDX-License-Identifier: Apache-2.0
// Services: what handlers work with. One per worker thread, because a Store is one connection
// and not thread-safe.
#pragma once

#include "store/store.h"

namespace centric::api {

struct Services {
  store::Store& store;
};

}  // namespace centric::api
