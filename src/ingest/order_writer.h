// SPDX-License-Identifier: Apache-2.0
// OrderWriter: writes assembled orders through a BulkWriter on its own thread, so
// parsing the next rows overlaps with the store's work (the two costs add up otherwise; the
// store is most of the time of an import). The reading thread hands over batches; the writer
// thread resolves customers and products to ids (creating the missing ones) and upserts or
// appends the orders, in order. The first store error stops the writer and is returned by
// Push and Finish. Push/Finish from one thread only.
#pragma once

#include <condition_variable>
#include <deque>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/result.h"
#include "ingest/bulk/bulk_writer.h"
#include "ingest/id_map.h"

namespace centric::ingest {

struct PendingOrder {
  std::string key;       // invoice '\x1f' customer external id
  std::string customer;  // external id
  bool append = false;   // written earlier in this import: add the lines to it
  Order order;           // customer_id and line product_ids are resolved by the writer;
                         // line.sku names the product
};

struct WriteBatch {
  std::vector<Customer> new_customers;  // first seen in this batch: EnsureCustomer defaults
  std::vector<Product> new_products;    // likewise for EnsureProduct
  std::vector<PendingOrder> orders;
  size_t lines = 0;
};

class OrderWriter {
 public:
  // REQUIRES: `writer` outlives this and is used by nothing else until Finish returns.
  explicit OrderWriter(BulkWriter& writer);
  // Stops the thread; batches not yet written are dropped.
  ~OrderWriter();
  OrderWriter(const OrderWriter&) = delete;
  OrderWriter& operator=(const OrderWriter&) = delete;

  // Queues `batch`, waiting while kMaxQueued batches are queued. Returns the writer's error
  // once it has one (the batch is then dropped).
  Status Push(WriteBatch batch);
  // Waits until everything queued is written; the first error, if any.
  Status Finish();

 private:
  static constexpr size_t kMaxQueued = 4;
  void Run();
  Status Write(WriteBatch& batch);

  BulkWriter& writer_;
  IdMap customers_;
  IdMap products_;
  IdMap orders_;
  std::mutex mu_;
  std::condition_variable changed_;
  std::deque<WriteBatch> queue_;
  bool closing_ = false;
  bool busy_ = false;
  Status error_;
  std::thread thread_;
};

}  // namespace centric::ingest
