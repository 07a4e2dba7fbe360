// SPDX-License-Identifier: Apache-2.0
// Column lists, binders and row readers of customers and interactions in the SQLite backend,
// shared by the customer store and the import's bulk writer so both write rows the same way.
#pragma once

#include "core/customer.h"
#include "platform/store/sqlite/sqlite_db.h"

namespace centric::customers::sqlite {

using store::sqlite::Statement;

#define CENTRIC_CUSTOMER_COLUMNS                                                    \
  "id, external_id, name, emails, phones, preferred_language, country, time_zone, " \
  "first_seen, consent, tags, attributes, account_owner, created_at, updated_at"

// Parameters ?1..?12 are the customer's fields, ?13 updated_at, ?14 created_at.
inline constexpr const char* kInsertCustomerSql =
    "INSERT INTO customers(external_id, name, emails, phones, preferred_language, country, "
    "time_zone, first_seen, consent, tags, attributes, account_owner, updated_at, created_at) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";

void BindCustomer(Statement& st, const Customer& c, int64_t now);
Result<Customer> ReadCustomer(const Statement& st);

}  // namespace centric::customers::sqlite
