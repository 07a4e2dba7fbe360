// SPDX-License-Identifier: Apache-2.0
// DispatcherThread: a Dispatcher on its own thread and its own connection to the database at
// `url`, as `centric serve` and `centric webhook run` run it. Only one dispatcher delivers for a
// database at a time (two would send twice and break the order per customer): the thread first
// takes the database's dispatcher lease (a PostgreSQL session advisory lock, or an exclusive
// lock on the file `<db>-webhooks.lock` beside a SQLite store) and stands by until it gets it.
// The operating system or the server releases the lease when the holder exits or dies.
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include "areas/webhooks/dispatcher.h"

namespace centric::webhooks {

class DispatcherThread {
 public:
  // Opens the connection (Unavailable when it cannot; InvalidArgument for ":memory:", whose
  // events no other connection sees) and starts the thread.
  static Result<std::unique_ptr<DispatcherThread>> Start(const std::string& url,
                                                         DispatcherOptions options);
  ~DispatcherThread();

  // Ends the round in progress (a request in flight gives up at once) and joins the thread.
  void Stop();
  // Whether this thread holds the lease and delivers (false while another process does).
  bool delivering() const { return delivering_; }

 private:
  DispatcherThread() = default;
  bool TryLease();

  std::string url_;
  std::unique_ptr<store::Connection> connection_;
  std::unique_ptr<WebhookStore> store_;
  std::unique_ptr<Dispatcher> dispatcher_;
  int lock_fd_ = -1;
  std::atomic<bool> stop_{false};
  std::atomic<bool> delivering_{false};
  std::thread thread_;
};

}  // namespace centric::webhooks
