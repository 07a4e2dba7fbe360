// SPDX-License-Identifier: Apache-2.0
// The bulk writer's recording layer, the same on both backends.
#include "ingest/bulk/recording_bulk_writer.h"

#include <boost/json/object.hpp>
#include <string>
#include <utility>
#include <vector>

#include "platform/events/event_types.h"
#include "platform/store/change.h"

namespace centric::ingest {
namespace {

namespace json = boost::json;
using platform::Change;

// The bulk writer's wrapper: notes which customers the write created or changed, then at
// Commit appends their events and the write's audit row inside the writer's transaction.
class RecordingBulkWriter final : public BulkWriter {
 public:
  RecordingBulkWriter(std::unique_ptr<BulkWriter> inner, store::Connection& connection,
                      CustomerId last_customer_before)
      : inner_(std::move(inner)),
        connection_(connection),
        last_customer_before_(last_customer_before) {}

  Result<CustomerId> UpsertCustomer(const Customer& customer) override {
    return Touch(inner_->UpsertCustomer(customer), /*changed=*/true);
  }
  Result<CustomerId> EnsureCustomer(std::string_view external_id,
                                    const Customer& defaults) override {
    return Touch(inner_->EnsureCustomer(external_id, defaults), /*changed=*/false);
  }
  Result<ProductId> UpsertProduct(const Product& product) override {
    ++products_;
    return inner_->UpsertProduct(product);
  }
  Result<ProductId> EnsureProduct(std::string_view sku, const Product& defaults) override {
    return inner_->EnsureProduct(sku, defaults);
  }
  Result<OrderId> UpsertOrder(const Order& order) override {
    auto id = inner_->UpsertOrder(order);
    if (id) {
      ++orders_;
      order_lines_ += static_cast<int64_t>(order.lines.size());
      Mark(order.customer_id);
    }
    return id;
  }
  Status AppendOrderLines(OrderId order_id, CustomerId customer_id,
                          const std::vector<OrderLine>& lines) override {
    Status s = inner_->AppendOrderLines(order_id, customer_id, lines);
    if (s.ok()) {
      order_lines_ += static_cast<int64_t>(lines.size());
      Mark(customer_id);
    }
    return s;
  }
  Result<InteractionId> AddInteraction(const Interaction& interaction) override {
    auto id = inner_->AddInteraction(interaction);
    if (id) {
      ++interactions_;
      Mark(interaction.customer_id);
    }
    return id;
  }
  void set_source(std::string source) override { source_ = std::move(source); }

  Status Commit() override {
    int64_t created = 0, changed = 0;
    for (size_t id = 0; id < touched_.size(); ++id) {
      if (!touched_[id]) continue;
      // Ids only grow, so a customer above the last id before the write is one it created.
      const bool is_new = static_cast<CustomerId>(id) > last_customer_before_;
      (is_new ? created : changed) += 1;
      CENTRIC_RETURN_IF_ERROR(connection_.AppendEvent(
          is_new ? platform::kCustomerCreated : platform::kCustomerUpdated,
          static_cast<CustomerId>(id),
          json::object{{"customer_id", static_cast<int64_t>(id)}, {"via", "import"}}));
    }
    Change change;
    change.action = "import";
    change.entity = "import";
    change.entity_id = source_;
    json::object counts{{"customers_created", created}, {"customers_changed", changed},
                        {"products", products_},        {"orders", orders_},
                        {"order_lines", order_lines_},  {"interactions", interactions_}};
    for (const auto& kv : counts) {
      change.fields[kv.key()] = json::object{{"before", nullptr}, {"after", kv.value()}};
    }
    change.event_type = std::string(platform::kImportCompleted);
    change.payload = counts;
    change.payload["source"] = source_;
    CENTRIC_RETURN_IF_ERROR(connection_.Record(change));
    return inner_->Commit();
  }

 private:
  void Mark(CustomerId id) {
    if (id <= 0) return;
    if (static_cast<size_t>(id) >= touched_.size())
      touched_.resize(static_cast<size_t>(id) * 2 + 1);
    touched_[static_cast<size_t>(id)] = true;
  }
  Result<CustomerId> Touch(Result<CustomerId> id, bool changed) {
    // An existing customer that a row only refers to (EnsureCustomer) is not changed by it;
    // its orders or interactions mark it when they are written.
    if (id && (changed || *id > last_customer_before_)) Mark(*id);
    return id;
  }

  std::unique_ptr<BulkWriter> inner_;
  store::Connection& connection_;
  CustomerId last_customer_before_;
  std::vector<bool> touched_;  // by customer id
  std::string source_ = "import";
  int64_t products_ = 0, orders_ = 0, order_lines_ = 0, interactions_ = 0;
};

}  // namespace

std::unique_ptr<BulkWriter> MakeRecordingBulkWriter(std::unique_ptr<BulkWriter> inner,
                                                    store::Connection& connection,
                                                    CustomerId last_customer_before) {
  return std::make_unique<RecordingBulkWriter>(std::move(inner), connection, last_customer_before);
}

}  // namespace centric::ingest
