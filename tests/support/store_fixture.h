// SPDX-License-Identifier: Apache-2.0
// The stores a backend-agnostic test runs against: SQLite always, and PostgreSQL when
// CENTRIC_TEST_PG_DSN names a scratch database (scripts/test-postgres.sh starts one).
// Under CI=true a missing PostgreSQL is a failure, never a silent skip.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "store/store.h"

namespace centric::testing {

struct BackendParam {
  std::string name;  // "sqlite" or "postgresql", for test names
};

// The backends to run: {"sqlite"} plus "postgresql" when configured.
std::vector<BackendParam> TestBackends();

// A fresh, empty, migrated store of `backend`. For SQLite a new file in a temp directory (so
// several connections can share it); for PostgreSQL the scratch database with its public
// schema dropped and recreated. `url_out`, when given, receives the URL to open more
// connections to the same store.
std::unique_ptr<store::Store> FreshStore(const std::string& backend,
                                         std::string* url_out = nullptr);

// Fails the current test (returns false) when CI=true and PostgreSQL is not configured.
bool PostgresRequirementMet();

// gtest name generator for BackendParam.
struct BackendName {
  std::string operator()(const ::testing::TestParamInfo<BackendParam>& info) const {
    return info.param.name;
  }
};

}  // namespace centric::testing
