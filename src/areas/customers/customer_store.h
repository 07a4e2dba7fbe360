// SPDX-License-Identifier: Apache-2.0
// CustomerStore: customers, their interactions and their timeline (orders and interactions
// merged), with one implementation per backend (sqlite/, postgres/) over the platform's shared
// connection and one contract suite over both (tests/areas/customers). Every write is one
// transaction with its audit row and its event (customer.created, interaction.logged, ...).
// The customer list joins the retention area's predictions (its value filters and sorts) and
// the orders (the category filter) on the same connection. Imports write through the bulk
// writer (ingest/bulk) instead.
//
// Thread-safety: as its connection, one per thread.
#pragma once

#include <functional>
#include <memory>
#include <string_view>

#include "areas/customers/customer_types.h"
#include "core/customer.h"
#include "core/interaction.h"
#include "core/result.h"
#include "platform/store/connection.h"

namespace centric::customers {

class CustomerStore {
 public:
  virtual ~CustomerStore() = default;

  // Customers. Create: AlreadyExists (field external_id) on a duplicate external id,
  // InvalidArgument on a bad field. Get/Update/Delete: NotFound for an unknown id. Delete
  // removes the customer's orders and interactions too.
  virtual Result<Customer> CreateCustomer(const Customer& customer) = 0;
  virtual Result<Customer> GetCustomer(CustomerId id) = 0;
  virtual Result<Customer> GetCustomerByExternalId(std::string_view external_id) = 0;
  virtual Result<Customer> UpdateCustomer(const Customer& customer) = 0;
  virtual Status DeleteCustomer(CustomerId id) = 0;
  virtual Result<Page<Customer>> ListCustomers(const CustomerFilter& filter) = 0;

  virtual Result<Interaction> CreateInteraction(const Interaction& interaction) = 0;
  virtual Result<Interaction> GetInteraction(InteractionId id) = 0;
  virtual Result<Interaction> UpdateInteraction(const Interaction& interaction) = 0;
  virtual Status DeleteInteraction(InteractionId id) = 0;
  virtual Result<Page<Interaction>> ListInteractions(const InteractionFilter& filter) = 0;

  // The customer's orders and interactions merged, newest first (ties: higher id first).
  // NotFound for an unknown customer.
  virtual Result<Page<TimelineEvent>> Timeline(CustomerId customer_id, const PageRequest& page) = 0;

  // Streams every customer in id order inside one read transaction, so an export is a
  // consistent snapshot. Stops at and returns the first error `visit` returns.
  virtual Status ScanCustomers(const std::function<Status(const Customer&)>& visit) = 0;

  // The highest customer id given so far; 0 when there is none. Ids only grow.
  virtual Result<CustomerId> LastCustomerId() = 0;
};

// The customer store of `connection`'s backend, sharing it (it must outlive the store), each
// write recorded in the audit log and the outbox.
std::unique_ptr<CustomerStore> MakeCustomerStore(store::Connection& connection);

}  // namespace centric::customers
