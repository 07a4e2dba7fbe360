// SPDX-License-Identifier: Apache-2.0
// Workers claim batches in index order and park them in a ring of slots; the calling thread
// hands them to the sink strictly in order. A worker never runs more than the ring's size
// ahead of the sink, which bounds memory whatever the customer count.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "demo/demo.h"

namespace centric::demo {
namespace {

constexpr int64_t kBatchSize = 512;

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

class Pipeline {
 public:
  Pipeline(const Generator& generator, int threads)
      : generator_(generator),
        total_(generator.options().customers),
        batches_((total_ + kBatchSize - 1) / kBatchSize),
        threads_(threads),
        slots_(static_cast<size_t>(2 * threads + 2)) {}

  // Runs workers and feeds `consume` in order; stops early at the first error it returns.
  Status Run(const std::function<Status(std::vector<GeneratedCustomer>&)>& consume) {
    std::vector<std::thread> workers;
    for (int i = 0; i < threads_; ++i) workers.emplace_back([this] { Work(); });
    Status status;
    for (int64_t next = 0; next < batches_ && status.ok(); ++next) {
      std::vector<GeneratedCustomer> batch;
      {
        std::unique_lock lock(mu_);
        auto& slot = slots_[next % slots_.size()];
        ready_.wait(lock, [&] { return slot.ready; });
        batch = std::move(slot.customers);
        slot.ready = false;
        consumed_ = next + 1;
      }
      space_.notify_all();
      status = consume(batch);
    }
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    space_.notify_all();
    for (auto& worker : workers) worker.join();
    return status;
  }

 private:
  struct Slot {
    std::vector<GeneratedCustomer> customers;
    bool ready = false;
  };

  void Work() {
    for (;;) {
      int64_t batch;
      {
        std::unique_lock lock(mu_);
        space_.wait(lock, [&] {
          return stop_ || claimed_ >= batches_ ||
                 claimed_ < consumed_ + static_cast<int64_t>(slots_.size());
        });
        if (stop_ || claimed_ >= batches_) return;
        batch = claimed_++;
      }
      std::vector<GeneratedCustomer> customers;
      int64_t first = batch * kBatchSize;
      int64_t last = std::min(total_, first + kBatchSize);
      customers.reserve(static_cast<size_t>(last - first));
      for (int64_t i = first; i < last; ++i) customers.push_back(generator_.Customer(i));
      {
        std::lock_guard lock(mu_);
        auto& slot = slots_[batch % slots_.size()];
        slot.customers = std::move(customers);
        slot.ready = true;
      }
      ready_.notify_all();
    }
  }

  const Generator& generator_;
  const int64_t total_;
  const int64_t batches_;
  const int threads_;
  std::mutex mu_;
  std::condition_variable ready_;  // a slot was filled
  std::condition_variable space_;  // the sink took a slot, or stop
  std::vector<Slot> slots_;
  int64_t claimed_ = 0;
  int64_t consumed_ = 0;
  bool stop_ = false;
};

}  // namespace

Result<DemoSummary> RunDemo(const DemoOptions& options, DemoSink& sink,
                            const ProgressFn& progress) {
  CENTRIC_RETURN_IF_ERROR(ValidateOptions(options));
  auto started = std::chrono::steady_clock::now();
  DemoSummary summary;
  double write_seconds = 0;
  Generator generator(options);
  {
    auto t = std::chrono::steady_clock::now();
    CENTRIC_RETURN_IF_ERROR(sink.Begin(generator.products()));
    write_seconds += SecondsSince(t);
  }
  summary.products = static_cast<int64_t>(generator.products().size());
  int threads = options.threads > 0
                    ? options.threads
                    : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  Pipeline pipeline(generator, threads);
  Status status = pipeline.Run([&](std::vector<GeneratedCustomer>& batch) -> Status {
    for (const auto& g : batch) {
      ++summary.customers;
      summary.orders += static_cast<int64_t>(g.orders.size());
      for (const auto& order : g.orders)
        summary.order_lines += static_cast<int64_t>(order.lines.size());
      summary.interactions += static_cast<int64_t>(g.interactions.size());
    }
    auto t = std::chrono::steady_clock::now();
    Status written = sink.Write(batch);
    write_seconds += SecondsSince(t);
    if (progress) progress(summary.customers, options.customers);
    return written;
  });
  CENTRIC_RETURN_IF_ERROR(status);
  auto t = std::chrono::steady_clock::now();
  CENTRIC_RETURN_IF_ERROR(sink.Finish());
  write_seconds += SecondsSince(t);
  summary.write_seconds = write_seconds;
  summary.seconds = SecondsSince(started);
  return summary;
}

}  // namespace centric::demo
