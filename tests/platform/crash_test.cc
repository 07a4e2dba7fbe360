// SPDX-License-Identifier: Apache-2.0
// kill -9 in the middle of a burst of API writes and in the middle of imports, on both
// backends: after reopening, every committed change has its event and its audit row, and no
// event or audit row exists for a change that was rolled back or never committed. The writer is
// a forked child with its own connection; it tells the parent, through a pipe, each write it
// saw commit, and the parent kills it while it is still writing.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <thread>

#include "api/handle_request.h"
#include "api/services.h"
#include "areas/access/credentials.h"
#include "ingest/bulk/bulk_writer.h"
#include "platform/audit/audit_log.h"
#include "platform/events/event_log.h"
#include "platform/events/event_types.h"
#include "support/store_fixture.h"

namespace centric::platform {
namespace {

using ::centric::testing::BackendName;
using ::centric::testing::BackendParam;

// A child writing until it is killed. `work` runs in the child with the write end of a pipe and
// must never return; the parent reads one line per committed write.
class Writer {
 public:
  explicit Writer(const std::function<void(std::FILE*)>& work) {
    int fds[2];
    if (pipe(fds) != 0) return;
    std::fflush(nullptr);
    pid_ = fork();
    if (pid_ == 0) {
      close(fds[0]);
      std::FILE* out = fdopen(fds[1], "w");
      work(out);
      _exit(3);  // work returned: the parent sees the pipe close early
    }
    close(fds[1]);
    in_ = fdopen(fds[0], "r");
  }
  ~Writer() { Kill(); }

  // The next acknowledged line, or "" when the child is gone.
  std::string NextLine() {
    char buf[256];
    if (!in_ || !std::fgets(buf, sizeof buf, in_)) return "";
    std::string line(buf);
    if (!line.empty() && line.back() == '\n') line.pop_back();
    return line;
  }

  void Kill() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      int status = 0;
      waitpid(pid_, &status, 0);
      pid_ = -1;
    }
    if (in_) {
      // Lines written before the kill are still acknowledged commits.
      char buf[256];
      while (std::fgets(buf, sizeof buf, in_)) late_.emplace_back(buf);
      std::fclose(in_);
      in_ = nullptr;
    }
  }
  const std::vector<std::string>& late() const { return late_; }

 private:
  pid_t pid_ = -1;
  std::FILE* in_ = nullptr;
  std::vector<std::string> late_;
};

void Ack(std::FILE* out, const std::string& line) {
  std::fputs((line + "\n").c_str(), out);
  std::fflush(out);
}

class CrashTest : public ::testing::TestWithParam<BackendParam> {
 protected:
  void SetUp() override {
    CENTRIC_REQUIRE_BACKEND(GetParam().name);
    auto stores = ::centric::testing::FreshStores(GetParam().name, &url_);
    ASSERT_NE(stores, nullptr);
    auto issued = access::IssueToken(stores->access(), "burst", Role::kAdmin);
    ASSERT_TRUE(issued);
    token_ = issued->secret;
  }

  // After the crash: what a new connection sees.
  struct Seen {
    std::map<std::string, int64_t> customers;                  // external id -> id
    std::multiset<std::pair<std::string, std::string>> audit;  // (action, entity_id)
    std::multiset<std::string> created_events;                 // customer ids, as text
    int64_t import_events = 0;
    int64_t import_rows = 0;
  };
  Seen Reopen() {
    Seen seen;
    auto stores = Stores::Open(url_);
    EXPECT_TRUE(stores) << stores.error().ToString();
    if (!stores) return seen;
    Status s = (*stores)->customers().ScanCustomers([&](const Customer& c) {
      seen.customers[c.external_id] = c.id;
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    auto audit = MakeAuditLog((*stores)->connection());
    AuditFilter filter;
    s = audit->Scan(filter, [&](const AuditEntry& e) {
      if (e.entity == "customer") seen.audit.emplace(e.action, e.entity_id);
      if (e.action == "import") ++seen.import_rows;
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    auto events = MakeEventLog((*stores)->connection());
    int64_t after = 0, last_position = 0;
    while (true) {
      auto batch = events->Read(after, 10000);
      EXPECT_TRUE(batch) << batch.error().ToString();
      if (!batch || batch->empty()) break;
      for (const auto& e : *batch) {
        EXPECT_GT(e.position, last_position);
        last_position = e.position;
        if (e.type == kCustomerCreated) seen.created_events.insert(std::to_string(*e.customer_id));
        if (e.type == kImportCompleted) ++seen.import_events;
      }
      after = batch->back().position;
    }
    return seen;
  }

  std::string url_;
  std::string token_;
};

TEST_P(CrashTest, ABurstOfApiWritesKilledMidwayKeepsEveryCommitWithItsRecords) {
  const std::string url = url_, token = token_;
  Writer writer([url, token](std::FILE* out) {
    auto stores = Stores::Open(url);
    if (!stores) _exit(4);
    api::Services services{**stores};
    for (int i = 0;; ++i) {
      api::Request request;
      request.method = api::Method::kPost;
      request.target = "/api/v1/customers";
      request.authorization = "Bearer " + token;
      request.client = "192.0.2.1";
      // Every fifth write repeats an earlier external id: refused, rolled back, unrecorded.
      const int n = i % 5 == 4 ? i - 1 : i;
      request.body = fmt::format(R"({{"external_id":"K-{}","name":"Customer {}"}})", n, i);
      api::Response r = api::HandleRequest(api::ApiRouter(), request, services);
      if (r.status == 201) Ack(out, fmt::format("K-{}", n));
    }
  });
  std::set<std::string> acknowledged;
  while (acknowledged.size() < 150) {
    std::string line = writer.NextLine();
    ASSERT_FALSE(line.empty()) << "the writer stopped before it was killed";
    acknowledged.insert(line);
  }
  writer.Kill();
  for (const auto& line : writer.late()) acknowledged.insert(line.substr(0, line.size() - 1));

  Seen seen = Reopen();
  // Every acknowledged write is there; at most the one in flight at the kill committed unseen.
  for (const auto& external_id : acknowledged) {
    EXPECT_TRUE(seen.customers.count(external_id)) << external_id << " was committed";
  }
  EXPECT_LE(seen.customers.size(), acknowledged.size() + 1);
  // Each customer has exactly one audit row and one event; nothing else has either.
  EXPECT_EQ(seen.audit.size(), seen.customers.size());
  EXPECT_EQ(seen.created_events.size(), seen.customers.size());
  for (const auto& [external_id, id] : seen.customers) {
    EXPECT_EQ(seen.audit.count({"create", std::to_string(id)}), 1u) << external_id;
    EXPECT_EQ(seen.created_events.count(std::to_string(id)), 1u) << external_id;
  }
}

TEST_P(CrashTest, ImportsKilledMidwayKeepWholeImportsWithTheirRecordsAndNothingElse) {
  constexpr int kPerImport = 3000;
  const std::string url = url_;
  Writer writer([url](std::FILE* out) {
    auto stores = Stores::Open(url);
    if (!stores) _exit(4);
    for (int batch = 0;; ++batch) {
      auto bulk = ingest::BeginBulk((*stores)->connection());
      if (!bulk) _exit(5);
      (*bulk)->set_source(fmt::format("customers batch-{}.csv", batch));
      for (int i = 0; i < kPerImport; ++i) {
        Customer c;
        c.external_id = fmt::format("B{}-{}", batch, i);
        c.name = fmt::format("Imported {}", i);
        if (!(*bulk)->UpsertCustomer(c)) _exit(6);
      }
      if (!(*bulk)->Commit().ok()) _exit(7);
      Ack(out, std::to_string(batch));
    }
  });
  int acknowledged = 0;
  while (acknowledged < 3) {
    ASSERT_FALSE(writer.NextLine().empty()) << "the writer stopped before it was killed";
    ++acknowledged;
  }
  // Into the next import, which is somewhere between its first row and its commit.
  std::this_thread::sleep_for(std::chrono::milliseconds(30));
  writer.Kill();
  acknowledged += static_cast<int>(writer.late().size());

  Seen seen = Reopen();
  const int64_t customers = static_cast<int64_t>(seen.customers.size());
  ASSERT_EQ(customers % kPerImport, 0) << "an import is all or nothing";
  const int64_t imports = customers / kPerImport;
  EXPECT_GE(imports, acknowledged);
  EXPECT_LE(imports, acknowledged + 1);
  EXPECT_EQ(seen.import_rows, imports);
  EXPECT_EQ(seen.import_events, imports);
  EXPECT_EQ(static_cast<int64_t>(seen.created_events.size()), customers);
  for (const auto& [external_id, id] : seen.customers) {
    EXPECT_EQ(seen.created_events.count(std::to_string(id)), 1u) << external_id;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, CrashTest,
                         ::testing::ValuesIn(::centric::testing::TestBackends()), BackendName());

}  // namespace
}  // namespace centric::platform
