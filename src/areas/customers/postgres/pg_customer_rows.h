// SPDX-License-Identifier: Apache-2.0
// Column lists, parameters and row readers of customers and interactions in the PostgreSQL
// backend, shared by the customer store and the import's bulk writer. Times cross the wire as unix
// seconds (to_timestamp / extract(epoch)).
#pragma once

#include "core/customer.h"
#include "core/interaction.h"
#include "platform/store/postgres/pg_conn.h"

namespace centric::customers::postgres {

using store::postgres::Params;
using store::postgres::PgResult;

inline constexpr const char* kCustomerColumns =
    "id, external_id, name, emails::text, phones::text, preferred_language, country, "
    "time_zone, extract(epoch from first_seen)::bigint, consent::text, tags::text, "
    "attributes::text, account_owner, extract(epoch from created_at)::bigint, "
    "extract(epoch from updated_at)::bigint";
// $1..$12 the customer's fields, $13 updated_at, $14 created_at.
inline constexpr const char* kCustomerValues =
    "($1, $2, $3::jsonb, $4::jsonb, $5, $6, $7, to_timestamp($8::bigint), $9::jsonb, "
    "$10::jsonb, $11::jsonb, $12, to_timestamp($13::bigint), to_timestamp($14::bigint))";
inline constexpr const char* kCustomerInsertColumns =
    "external_id, name, emails, phones, preferred_language, country, time_zone, first_seen, "
    "consent, tags, attributes, account_owner, updated_at, created_at";

inline constexpr const char* kInteractionColumns =
    "id, customer_id, kind, channel, extract(epoch from occurred_at)::bigint, summary, "
    "details::text, author, extract(epoch from created_at)::bigint";

Params CustomerParams(const Customer& c, int64_t now);
Result<Customer> ReadCustomer(const PgResult& r, int row);
Interaction ReadInteraction(const PgResult& r, int row);

}  // namespace centric::customers::postgres
