// SPDX-License-Identifier: Apache-2.0
#include "support/store_fixture.h"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>

namespace centric::testing {
namespace {

std::string PgDsn() {
  const char* dsn = std::getenv("CENTRIC_TEST_PG_DSN");
  return dsn ? dsn : "";
}

void ResetPostgres(const std::string& dsn) {
  PGconn* conn = PQconnectdb(dsn.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    ADD_FAILURE() << "cannot connect to CENTRIC_TEST_PG_DSN: " << PQerrorMessage(conn);
    PQfinish(conn);
    return;
  }
  PGresult* r = PQexec(conn,
                       "SET client_min_messages = warning; "
                       "DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;");
  if (PQresultStatus(r) != PGRES_COMMAND_OK) {
    ADD_FAILURE() << "cannot reset the test database: " << PQerrorMessage(conn);
  }
  PQclear(r);
  PQfinish(conn);
}

}  // namespace

bool InCi() {
  const char* ci = std::getenv("CI");
  return ci && std::string(ci) == "true";
}

std::vector<BackendParam> TestBackends() { return {{"sqlite"}, {"postgresql"}}; }

bool BackendConfigured(const std::string& backend) {
  return backend != "postgresql" || !PgDsn().empty();
}

namespace {

// A fresh, empty database of `backend`: its URL.
std::string FreshUrl(const std::string& backend) {
  std::string url;
  if (backend == "postgresql") {
    url = PgDsn();
    ResetPostgres(url);
  } else {
    static std::atomic<int> counter{0};
    auto dir =
        std::filesystem::temp_directory_path() / ("centric-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto path = dir / ("store-" + std::to_string(counter++) + ".db");
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(path.string() + suffix);
    }
    url = path.string();
  }
  return url;
}

}  // namespace

std::unique_ptr<Stores> FreshStores(const std::string& backend, std::string* url_out) {
  const std::string url = FreshUrl(backend);
  if (url_out) *url_out = url;
  auto opened = Stores::Open(url);
  if (!opened) {
    ADD_FAILURE() << "cannot open " << backend << " stores: " << opened.error().ToString();
    return nullptr;
  }
  return std::move(*opened);
}

}  // namespace centric::testing
