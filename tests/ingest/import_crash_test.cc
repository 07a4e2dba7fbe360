// SPDX-License-Identifier: Apache-2.0
// Kill -9 in the middle of a large import: the store must reopen intact with exactly the
// content it had before. The import is made large enough (about 300 MB of SQLite pages)
// that SQLite's page cache spills uncommitted pages into the WAL before the kill, so
// recovery really has something to throw away. Labelled slow: it takes 20-60 s.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "areas/stores.h"
#include "ingest/ingest.h"
#include "run_centric.h"

namespace centric::ingest {
namespace {

using testing::RunCentric;
using testing::ScratchDir;
using testing::StartCentric;

// Every customer, product and order, as export text.
std::string Snapshot(const std::string& db) {
  auto store = Stores::Open(db);
  EXPECT_TRUE(store) << store.error().ToString();
  std::string text;
  auto out = text::Output::ToString(&text);
  for (Entity e : {Entity::kCustomers, Entity::kProducts, Entity::kOrders}) {
    EXPECT_TRUE(Export((*store)->customers(), (*store)->orders(), e, Format::kCsv, *out));
  }
  EXPECT_TRUE(out->Close().ok());
  return text;
}

std::string IntegrityCheck(const std::string& db) {
  sqlite3* handle = nullptr;
  EXPECT_EQ(sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
  std::string result;
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(handle, "PRAGMA integrity_check", -1, &st, nullptr);
  while (sqlite3_step(st) == SQLITE_ROW) {
    if (!result.empty()) result += "\n";
    result += reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  }
  sqlite3_finalize(st);
  sqlite3_close(handle);
  return result;
}

void WriteLargeOrders(const std::string& path, int64_t lines) {
  std::FILE* f = std::fopen(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  fmt::memory_buffer buf;
  fmt::format_to(std::back_inserter(buf),
                 "invoice,customer,timestamp,product,quantity,price,description\n");
  for (int64_t i = 0; i < lines; ++i) {
    // 20 lines per order, 100k customers, 10k products: a shop-sized world.
    int64_t order = i / 20;
    fmt::format_to(std::back_inserter(buf),
                   "{},c{},2024-01-01T{:02}:{:02}:00Z,P{},{},{}.{:02},Item {}\n", order,
                   order % 100000, order / 60 % 24, order % 60, (i * 7919) % 10000, 1 + i % 9,
                   i % 50, i % 100, i % 10000);
    if (buf.size() > (1 << 20)) {
      std::fwrite(buf.data(), 1, buf.size(), f);
      buf.clear();
    }
  }
  std::fwrite(buf.data(), 1, buf.size(), f);
  std::fclose(f);
}

int64_t FileSize(const std::string& path) {
  std::error_code ec;
  auto size = std::filesystem::file_size(path, ec);
  return ec ? 0 : static_cast<int64_t>(size);
}

TEST(ImportCrashTest, KillDuringImportLeavesTheStoreAsItWas) {
  ScratchDir dir;
  const std::string db = dir.Path("crash.db");
  auto seed = RunCentric(dir, {"import", "orders",
                               dir.Write("seed.csv",
                                         "invoice,customer,timestamp,product,quantity,price\n"
                                         "1,c1,2024-01-01,P1,2,1.50\n0,c0,2024-01-01,P2,1,3\n"),
                               "--db", db});
  ASSERT_EQ(seed.exit_code, 0) << seed.err;
  const std::string before = Snapshot(db);
  ASSERT_EQ(IntegrityCheck(db), "ok");

  const std::string big = dir.Path("big.csv");
  WriteLargeOrders(big, 6'000'000);
  pid_t pid = StartCentric(dir, {"import", "orders", big, "--db", db, "--quiet"});
  ASSERT_GT(pid, 0);

  // Wait until uncommitted pages reach the WAL (the cache spilled), then kill.
  const auto start = std::chrono::steady_clock::now();
  const std::string wal = db + "-wal";
  bool running = true;
  while (std::chrono::steady_clock::now() - start < std::chrono::seconds(120)) {
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) {
      running = false;
      break;
    }
    if (FileSize(wal) > (16 << 20)) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_TRUE(running) << "the import finished before it could be killed; make the file larger";
  const int64_t wal_at_kill = FileSize(wal);
  ASSERT_EQ(::kill(pid, SIGKILL), 0);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status));
  EXPECT_GT(wal_at_kill, 16 << 20) << "killed before SQLite spilled to the WAL";

  EXPECT_EQ(IntegrityCheck(db), "ok");
  EXPECT_EQ(Snapshot(db), before);
  // And the store takes writes again.
  auto after =
      RunCentric(dir, {"import", "customers", dir.Write("c.csv", "external_id\nc9\n"), "--db", db});
  EXPECT_EQ(after.exit_code, 0) << after.err;
}

}  // namespace
}  // namespace centric::ingest
