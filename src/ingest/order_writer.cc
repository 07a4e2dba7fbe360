// SPDX-License-Identifier: Apache-2.0
#include "ingest/order_writer.h"

#include <fmt/format.h>

namespace centric::ingest {

OrderWriter::OrderWriter(BulkWriter& writer) : writer_(writer) {
  thread_ = std::thread([this] { Run(); });
}

OrderWriter::~OrderWriter() {
  {
    std::lock_guard lock(mu_);
    closing_ = true;
    queue_.clear();
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

Status OrderWriter::Push(WriteBatch batch) {
  std::unique_lock lock(mu_);
  changed_.wait(lock, [this] { return queue_.size() < kMaxQueued || !error_.ok(); });
  if (!error_.ok()) return error_;
  queue_.push_back(std::move(batch));
  changed_.notify_all();
  return Status::Ok();
}

Status OrderWriter::Finish() {
  std::unique_lock lock(mu_);
  changed_.wait(lock, [this] { return (queue_.empty() && !busy_) || !error_.ok(); });
  return error_;
}

void OrderWriter::Run() {
  while (true) {
    WriteBatch batch;
    {
      std::unique_lock lock(mu_);
      changed_.wait(lock, [this] { return !queue_.empty() || closing_; });
      if (closing_) return;
      batch = std::move(queue_.front());
      queue_.pop_front();
      busy_ = true;
    }
    changed_.notify_all();  // room in the queue
    Status s = Write(batch);
    const bool failed = !s.ok();
    {
      std::lock_guard lock(mu_);
      busy_ = false;
      if (failed) {
        // Nothing more will be written; drop what is queued so no one waits for it.
        error_ = std::move(s);
        queue_.clear();
      }
    }
    changed_.notify_all();
    if (failed) return;
  }
}

Status OrderWriter::Write(WriteBatch& batch) {
  for (const Customer& c : batch.new_customers) {
    CENTRIC_ASSIGN_OR_RETURN(CustomerId id, writer_.EnsureCustomer(c.external_id, c));
    customers_.Insert(c.external_id, id);
  }
  for (const Product& p : batch.new_products) {
    CENTRIC_ASSIGN_OR_RETURN(ProductId id, writer_.EnsureProduct(p.sku, p));
    products_.Insert(p.sku, id);
  }
  for (PendingOrder& pending : batch.orders) {
    Order& order = pending.order;
    const int64_t* customer = customers_.Find(pending.customer);
    if (customer == nullptr) {
      return Internal(fmt::format("importer: customer '{}' was not created", pending.customer));
    }
    order.customer_id = *customer;
    for (OrderLine& line : order.lines) {
      const int64_t* product = products_.Find(line.sku);
      if (product == nullptr) {
        return Internal(fmt::format("importer: product '{}' was not created", line.sku));
      }
      line.product_id = *product;
    }
    if (pending.append) {
      const int64_t* id = orders_.Find(pending.key);
      if (id == nullptr) return Internal("importer: appending to an order not written");
      CENTRIC_RETURN_IF_ERROR(writer_.AppendOrderLines(*id, order.customer_id, order.lines));
    } else {
      CENTRIC_ASSIGN_OR_RETURN(OrderId id, writer_.UpsertOrder(order));
      orders_.Insert(pending.key, id);
    }
  }
  return Status::Ok();
}

}  // namespace centric::ingest
