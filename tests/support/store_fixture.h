// SPDX-License-Identifier: Apache-2.0
// The stores a backend-agnostic test runs against: SQLite and PostgreSQL. The PostgreSQL cases
// use the scratch database CENTRIC_TEST_PG_DSN names (scripts/test.sh starts one); without it
// they are skipped on a developer's machine and fail under CI=true, never a silent pass.
// Both backends are always instantiated, because ctest lists the cases when the test binary
// is built, before the test command has started PostgreSQL.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "areas/stores.h"

namespace centric::testing {

struct BackendParam {
  std::string name;  // "sqlite" or "postgresql", for test names
};

// The backends to run: {"sqlite", "postgresql"}.
std::vector<BackendParam> TestBackends();

// A fresh, empty, migrated database of `backend` with every area's store on one connection.
// For SQLite a new file in a temp directory (so several connections can share it); for
// PostgreSQL the scratch database with its public schema dropped and recreated. `url_out`,
// when given, receives the URL to open more connections to the same database.
std::unique_ptr<Stores> FreshStores(const std::string& backend, std::string* url_out = nullptr);

// True unless `backend` is PostgreSQL and CENTRIC_TEST_PG_DSN is not set.
bool BackendConfigured(const std::string& backend);
bool InCi();

// In a test body or SetUp: skips the case when its backend is not configured, or fails it
// under CI=true.
#define CENTRIC_REQUIRE_BACKEND(backend)                                              \
  do {                                                                                \
    if (!::centric::testing::BackendConfigured(backend)) {                            \
      ASSERT_FALSE(::centric::testing::InCi())                                        \
          << "CI=true but CENTRIC_TEST_PG_DSN is not set: PostgreSQL must be tested"; \
      GTEST_SKIP() << "CENTRIC_TEST_PG_DSN is not set";                               \
    }                                                                                 \
  } while (0)

// gtest name generator for BackendParam.
struct BackendName {
  std::string operator()(const ::testing::TestParamInfo<BackendParam>& info) const {
    return info.param.name;
  }
};

}  // namespace centric::testing
