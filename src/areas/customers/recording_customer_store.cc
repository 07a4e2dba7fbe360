// SPDX-License-Identifier: Apache-2.0
// Every write of the customer store with its audit row and, where it changes a customer's
// story, its domain event, in the write's transaction; the same on both backends. Reads pass
// straight through.
#include <utility>

#include "areas/customers/customer_store_backends.h"
#include "platform/events/event_types.h"
#include "platform/store/entity_change.h"

namespace centric::customers {
namespace {

using platform::Change;
using platform::EntityChange;

class RecordingCustomerStore final : public CustomerStore {
 public:
  RecordingCustomerStore(std::unique_ptr<CustomerStore> inner, store::Connection& connection)
      : inner_(std::move(inner)), connection_(connection) {}

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
    return Delete<Customer>([&] { return inner_->GetCustomer(id); },
                            [&] { return inner_->DeleteCustomer(id); },
                            [&](const Customer& before) {
                              return EntityChange<Customer>("delete", "customer", id, id, &before,
                                                            nullptr, platform::kCustomerDeleted);
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
      Change c = EntityChange("update", "interaction", after.id, after.customer_id, &before, &after,
                              platform::kInteractionUpdated);
      return std::pair{std::move(after), std::move(c)};
    });
  }
  Status DeleteInteraction(InteractionId id) override {
    return Delete<Interaction>(
        [&] { return inner_->GetInteraction(id); }, [&] { return inner_->DeleteInteraction(id); },
        [&](const Interaction& before) {
          return EntityChange<Interaction>("delete", "interaction", id, before.customer_id, &before,
                                           nullptr, platform::kInteractionDeleted);
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
  Result<CustomerId> LastCustomerId() override { return inner_->LastCustomerId(); }

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

  std::unique_ptr<CustomerStore> inner_;
  store::Connection& connection_;
};

}  // namespace

std::unique_ptr<CustomerStore> MakeRecordingCustomerStore(std::unique_ptr<CustomerStore> inner,
                                                          store::Connection& connection) {
  return std::make_unique<RecordingCustomerStore>(std::move(inner), connection);
}

}  // namespace centric::customers
