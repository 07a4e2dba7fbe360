// SPDX-License-Identifier: Apache-2.0
#include "areas/webhooks/dispatcher_thread.h"

namespace centric::webhooks {

Result<std::unique_ptr<DispatcherThread>> DispatcherThread::Start(const std::string& url,
                                                                  DispatcherOptions options) {
  std::unique_ptr<DispatcherThread> t(new DispatcherThread());
  CENTRIC_ASSIGN_OR_RETURN(t->connection_, store::OpenConnection(url));
  t->store_ = MakeWebhookStore(*t->connection_);
  t->dispatcher_ = std::make_unique<Dispatcher>(*t->connection_, *t->store_, options);
  t->thread_ = std::thread([d = t->dispatcher_.get()] { d->Run(); });
  return t;
}

void DispatcherThread::Stop() {
  if (dispatcher_) dispatcher_->Stop();
  if (thread_.joinable()) thread_.join();
}

}  // namespace centric::webhooks
