// SPDX-License-Identifier: Apache-2.0
// PostgresStore: the server backend, over libpq.
#pragma once

#include <memory>
#include <string>

#include "store/store.h"

namespace centric::store::postgres {

class PostgresStore;

struct PostgresOpener {
  static Result<std::unique_ptr<Store>> Open(const std::string& url);
};

class PostgresStore {
 public:
  static Result<std::unique_ptr<Store>> Open(const std::string& url) {
    return PostgresOpener::Open(url);
  }
};

}  // namespace centric::store::postgres
