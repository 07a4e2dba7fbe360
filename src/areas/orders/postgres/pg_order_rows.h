// SPDX-License-Identifier: Apache-2.0
// Column lists, parameters and row readers of products and orders in the PostgreSQL backend,
// shared by the order store and the import's bulk writer. Times cross the wire as unix
// seconds (to_timestamp / extract(epoch)).
#pragma once

#include "core/order.h"
#include "core/product.h"
#include "platform/store/postgres/pg_conn.h"

namespace centric::orders::postgres {

using store::postgres::Params;
using store::postgres::PgResult;

inline constexpr const char* kProductColumns =
    "id, sku, name, category, currency, price_minor, unit_cost_minor, "
    "extract(epoch from created_at)::bigint, extract(epoch from updated_at)::bigint";
// $1..$6 the product's fields, $7 updated_at, $8 created_at.
inline constexpr const char* kProductInsert =
    "INSERT INTO products(sku, name, category, currency, price_minor, unit_cost_minor, "
    "updated_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, to_timestamp($7::bigint), "
    "to_timestamp($8::bigint))";

inline constexpr const char* kOrderColumns =
    "id, external_id, customer_id, extract(epoch from ordered_at)::bigint, currency, status, "
    "total_minor, discount_minor";

Params ProductParams(const Product& p, int64_t now);
Product ReadProduct(const PgResult& r, int row);
Result<Order> ReadOrderHeader(const PgResult& r, int row, int first = 0);
OrderLine ReadOrderLine(const PgResult& r, int row, int first);

}  // namespace centric::orders::postgres
