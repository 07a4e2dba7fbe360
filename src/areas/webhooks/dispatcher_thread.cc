// SPDX-License-Identifier: Apache-2.0
#include "areas/webhooks/dispatcher_thread.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>

#include "platform/store/postgres/postgres_connection.h"

namespace centric::webhooks {
namespace {

// The advisory lock key of the dispatcher lease: "CWHK" in ASCII.
constexpr int64_t kLeaseKey = 0x4357484B;

}  // namespace

Result<std::unique_ptr<DispatcherThread>> DispatcherThread::Start(const std::string& url,
                                                                  DispatcherOptions options) {
  if (url == ":memory:") {
    return Error(
        InvalidArgument("webhooks need a store other connections can see, not :memory:", "db"));
  }
  std::unique_ptr<DispatcherThread> t(new DispatcherThread());
  t->url_ = url;
  CENTRIC_ASSIGN_OR_RETURN(t->connection_, store::OpenConnection(url));
  t->store_ = MakeWebhookStore(*t->connection_);
  t->dispatcher_ = std::make_unique<Dispatcher>(*t->connection_, *t->store_, options);
  t->thread_ = std::thread([self = t.get()] {
    while (!self->stop_) {
      if (self->TryLease()) {
        self->delivering_ = true;
        self->dispatcher_->Run();
        return;
      }
      // Another process delivers; stand by and try again.
      for (int i = 0; i < 40 && !self->stop_; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    }
  });
  return t;
}

bool DispatcherThread::TryLease() {
  if (connection_->backend() == "postgresql") {
    auto& pg = static_cast<store::postgres::PostgresConnection&>(*connection_);
    auto r =
        pg.conn().Run("SELECT pg_try_advisory_lock($1)", store::postgres::Params().Add(kLeaseKey));
    return r && r->rows() == 1 && r->Bool(0, 0);
  }
  if (lock_fd_ < 0) {
    lock_fd_ = open((url_ + "-webhooks.lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (lock_fd_ < 0) return false;
  }
  return flock(lock_fd_, LOCK_EX | LOCK_NB) == 0;
}

void DispatcherThread::Stop() {
  stop_ = true;
  if (dispatcher_) dispatcher_->Stop();
  if (thread_.joinable()) thread_.join();
}

DispatcherThread::~DispatcherThread() {
  Stop();
  if (lock_fd_ >= 0) close(lock_fd_);  // releases the lease
}

}  // namespace centric::webhooks
