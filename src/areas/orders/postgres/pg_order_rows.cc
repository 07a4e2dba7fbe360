// SPDX-License-Identifier: Apache-2.0
#include "areas/orders/postgres/pg_order_rows.h"

#include "platform/store/codec.h"

namespace centric::orders::postgres {

Params ProductParams(const Product& p, int64_t now) {
  Params params;
  params.Add(p.sku).Add(p.name).Add(p.category).Add(p.currency).Add(p.price_minor);
  params.Add(p.unit_cost_minor).Add(now).Add(now);
  return params;
}

Product ReadProduct(const PgResult& r, int row) {
  Product p;
  p.id = r.Int(row, 0);
  p.sku = r.String(row, 1);
  p.name = r.String(row, 2);
  p.category = r.String(row, 3);
  p.currency = r.String(row, 4);
  p.price_minor = r.Int(row, 5);
  p.unit_cost_minor = r.Int(row, 6);
  p.created_at = FromUnixSeconds(r.Int(row, 7));
  p.updated_at = FromUnixSeconds(r.Int(row, 8));
  return p;
}

Result<Order> ReadOrderHeader(const PgResult& r, int row, int first) {
  Order o;
  o.id = r.Int(row, first);
  o.external_id = r.String(row, first + 1);
  o.customer_id = r.Int(row, first + 2);
  o.ordered_at = FromUnixSeconds(r.Int(row, first + 3));
  o.currency = r.String(row, first + 4);
  CENTRIC_ASSIGN_OR_RETURN(o.status, ParseOrderStatus(r.Text(row, first + 5)));
  o.total_minor = r.Int(row, first + 6);
  o.discount_minor = r.Int(row, first + 7);
  return o;
}

OrderLine ReadOrderLine(const PgResult& r, int row, int first) {
  OrderLine l;
  l.product_id = r.Int(row, first);
  l.sku = r.String(row, first + 1);
  l.description = r.String(row, first + 2);
  l.quantity = r.Int(row, first + 3);
  l.unit_price_minor = r.Int(row, first + 4);
  l.discount_minor = r.Int(row, first + 5);
  l.amount_minor = r.Int(row, first + 6);
  return l;
}

}  // namespace centric::orders::postgres
