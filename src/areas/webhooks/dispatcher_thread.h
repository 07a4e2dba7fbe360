// SPDX-License-Identifier: Apache-2.0
// DispatcherThread: a Dispatcher on its own thread and its own connection to the database at
// `url`, as `centric serve` and `centric webhook run` run it.
#pragma once

#include <memory>
#include <string>
#include <thread>

#include "areas/webhooks/dispatcher.h"

namespace centric::webhooks {

class DispatcherThread {
 public:
  // Opens the connection (Unavailable when it cannot) and starts the thread.
  static Result<std::unique_ptr<DispatcherThread>> Start(const std::string& url,
                                                         DispatcherOptions options);
  ~DispatcherThread() { Stop(); }

  // Ends the round in progress (a request in flight gives up at once) and joins the thread.
  void Stop();

 private:
  DispatcherThread() = default;

  std::unique_ptr<store::Connection> connection_;
  std::unique_ptr<WebhookStore> store_;
  std::unique_ptr<Dispatcher> dispatcher_;
  std::thread thread_;
};

}  // namespace centric::webhooks
