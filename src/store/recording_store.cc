// SPDX-License-Identifier: Apache-2.0
#include "store/recording_store.h"

#include <boost/json/object.hpp>

#include <string>
#include <utility>
#include <vector>

#include "core/json_codec.h"
#include "platform/events/event_types.h"
#include "platform/store/change.h"
#include "platform/store/entity_change.h"

namespace centric::store {
namespace {

namespace json = boost::json;
using platform::Change;
using platform::EntityChange;
using platform::MakeChange;

// The bulk writer's wrapper: notes which customers the write created or changed, then at
// Commit appends their events and the write's audit row inside the writer's transaction.
class RecordingBulkWriter final : public BulkWriter {
 public:
  RecordingBulkWriter(std::unique_ptr<BulkWriter> inner, Connection& connection,
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
          static_cast<CustomerId>(id), json::object{{"customer_id", static_cast<int64_t>(id)},
                                                    {"via", "import"}}));
    }
    Change change;
    change.action = "import";
    change.entity = "import";
    change.entity_id = source_;
    json::object counts{{"customers_created", created},
                        {"customers_changed", changed},
                        {"products", products_},
                        {"orders", orders_},
                        {"order_lines", order_lines_},
                        {"interactions", interactions_}};
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
    if (static_cast<size_t>(id) >= touched_.size()) touched_.resize(static_cast<size_t>(id) * 2 + 1);
    touched_[static_cast<size_t>(id)] = true;
  }
  Result<CustomerId> Touch(Result<CustomerId> id, bool changed) {
    // An existing customer that a row only refers to (EnsureCustomer) is not changed by it;
    // its orders or interactions mark it when they are written.
    if (id && (changed || *id > last_customer_before_)) Mark(*id);
    return id;
  }

  std::unique_ptr<BulkWriter> inner_;
  Connection& connection_;
  CustomerId last_customer_before_;
  std::vector<bool> touched_;  // by customer id
  std::string source_ = "import";
  int64_t products_ = 0, orders_ = 0, order_lines_ = 0, interactions_ = 0;
};

class RecordingStore final : public Store {
 public:
  explicit RecordingStore(std::unique_ptr<Store> inner)
      : inner_(std::move(inner)), connection_(inner_->connection()) {}

  std::string_view backend() const override { return inner_->backend(); }
  Result<int> SchemaVersion() override { return inner_->SchemaVersion(); }
  Connection& connection() override { return connection_; }

  // ---- customers
  Result<Customer> CreateCustomer(const Customer& customer) override {
    return Write<Customer>([&]() -> Result<std::pair<Customer, Change>> {
      CENTRIC_ASSIGN_OR_RETURN(Customer after, inner_->CreateCustomer(customer));
      Change c = EntityChange<Customer>("create", "customer", after.id, after.id, nullptr, &after,
                                        platform::kCustomerCreated);
      return std::pair{std::move(after), std::move(c)};
    });
  }
  Result<Customer> GetCustomer(CustomerId id) override { return inner_->GetCustomer(id); }
  Result<Customer> GetCustomerByExternalId(std::string_view external_id) override {
    return inner_->GetCustomerByExternalId(external_id);
  }
  Result<Customer> UpdateCustomer(const Customer& customer) override {
    return Write<Customer>([&]() -> Result<std::pair<Customer, Change>> {
      CENTRIC_ASSIGN_OR_RETURN(Customer before, inner_->GetCustomer(customer.id));
      CENTRIC_ASSIGN_OR_RETURN(Customer after, inner_->UpdateCustomer(customer));
      Change c = EntityChange("update", "customer", after.id, after.id, &before, &after,
                              platform::kCustomerUpdated);
      return std::pair{std::move(after), std::move(c)};
    });
  }
  Status DeleteCustomer(CustomerId id) override {
    return Delete<Customer>(
        [&] { return inner_->GetCustomer(id); }, [&] { return inner_->DeleteCustomer(id); },
        [&](const Customer& before) {
          return EntityChange<Customer>("delete", "customer", id, id, &before, nullptr,
                                        platform::kCustomerDeleted);
        });
  }
  Result<Page<Customer>> ListCustomers(const CustomerFilter& filter) override {
    return inner_->ListCustomers(filter);
  }

  // ---- interactions
  Result<Interaction> CreateInteraction(const Interaction& interaction) override {
    return Write<Interaction>([&]() -> Result<std::pair<Interaction, Change>> {
      CENTRIC_ASSIGN_OR_RETURN(Interaction after, inner_->CreateInteraction(interaction));
      Change c = EntityChange<Interaction>("create", "interaction", after.id, after.customer_id,
                                           nullptr, &after, platform::kInteractionLogged);
      return std::pair{std::move(after), std::move(c)};
    });
  }
  Result<Interaction> GetInteraction(InteractionId id) override {
    return inner_->GetInteraction(id);
  }
  Result<Interaction> UpdateInteraction(const Interaction& interaction) override {
    return Write<Interaction>([&]() -> Result<std::pair<Interaction, Change>> {
      CENTRIC_ASSIGN_OR_RETURN(Interaction before, inner_->GetInteraction(interaction.id));
      CENTRIC_ASSIGN_OR_RETURN(Interaction after, inner_->UpdateInteraction(interaction));
      Change c = EntityChange("update", "interaction", after.id, after.customer_id, &before,
                              &after, platform::kInteractionUpdated);
      return std::pair{std::move(after), std::move(c)};
    });
  }
  Status DeleteInteraction(InteractionId id) override {
    return Delete<Interaction>(
        [&] { return inner_->GetInteraction(id); },
        [&] { return inner_->DeleteInteraction(id); },
        [&](const Interaction& before) {
          return EntityChange<Interaction>("delete", "interaction", id, before.customer_id,
                                           &before, nullptr, platform::kInteractionDeleted);
        });
  }
  Result<Page<Interaction>> ListInteractions(const InteractionFilter& filter) override {
    return inner_->ListInteractions(filter);
  }

  Result<Page<TimelineEvent>> Timeline(CustomerId customer_id, const PageRequest& page) override {
    return inner_->Timeline(customer_id, page);
  }
  Status ScanCustomers(const std::function<Status(const Customer&)>& visit) override {
    return inner_->ScanCustomers(visit);
  }
  Result<StoreStats> Stats() override { return inner_->Stats(); }
  Result<CustomerId> LastCustomerId() override { return inner_->LastCustomerId(); }
  Result<std::unique_ptr<BulkWriter>> BeginBulk() override {
    CENTRIC_ASSIGN_OR_RETURN(CustomerId last, inner_->LastCustomerId());
    CENTRIC_ASSIGN_OR_RETURN(auto writer, inner_->BeginBulk());
    return std::unique_ptr<BulkWriter>(
        new RecordingBulkWriter(std::move(writer), connection_, last));
  }

 private:
  template <typename T>
  Result<T> Write(const std::function<Result<std::pair<T, Change>>()>& write) {
    return platform::RecordedWrite<T>(connection_, write);
  }
  template <typename T>
  Status Delete(const std::function<Result<T>()>& get, const std::function<Status()>& remove,
                const std::function<Change(const T&)>& change) {
    return platform::RecordedDelete<T>(connection_, get, remove, change);
  }

  std::unique_ptr<Store> inner_;
  Connection& connection_;
};

}  // namespace

std::unique_ptr<Store> MakeRecordingStore(std::unique_ptr<Store> inner) {
  return std::make_unique<RecordingStore>(std::move(inner));
}

}  // namespace centric::store
