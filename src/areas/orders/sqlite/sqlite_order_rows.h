// SPDX-License-Identifier: Apache-2.0
// Column lists, binders and row readers of products and orders in the SQLite backend, shared
// by the order store and the import's bulk writer so both write rows the same way.
#pragma once

#include "core/order.h"
#include "core/product.h"
#include "platform/store/sqlite/sqlite_db.h"

namespace centric::orders::sqlite {

using store::sqlite::Statement;

#define CENTRIC_PRODUCT_COLUMNS \
  "id, sku, name, category, currency, price_minor, unit_cost_minor, created_at, updated_at"

// Parameters ?1..?6 are the product's fields, ?7 updated_at, ?8 created_at.
inline constexpr const char* kInsertProductSql =
    "INSERT INTO products(sku, name, category, currency, price_minor, unit_cost_minor, "
    "updated_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

inline constexpr const char* kOrderColumns =
    "id, external_id, customer_id, ordered_at, currency, status, total_minor, discount_minor";

void BindProduct(Statement& st, const Product& p, int64_t now);
Product ReadProduct(const Statement& st);
// The header columns of kOrderColumns from column `first` on; lines are read apart.
Result<Order> ReadOrderHeader(const Statement& st, int first = 0);
// product_id, sku, description, quantity, unit_price_minor, discount_minor, amount_minor.
OrderLine ReadOrderLine(const Statement& st, int first);

}  // namespace centric::orders::sqlite
