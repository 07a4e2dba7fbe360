// SPDX-License-Identifier: Apache-2.0
// A versioned schema migration, embedded in the executable from migrations/<backend>/.
// Migrations apply in version order, each in its own transaction, recorded in
// schema_migrations; a store opened by an older Centric refuses a newer schema.
#pragma once

#include <string_view>
#include <vector>

namespace centric::store {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

const std::vector<Migration>& SqliteMigrations();
const std::vector<Migration>& PostgresMigrations();

}  // namespace centric::store
