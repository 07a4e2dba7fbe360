// SPDX-License-Identifier: Apache-2.0
#include "areas/orders/sqlite/sqlite_order_rows.h"

#include "platform/store/codec.h"

namespace centric::orders::sqlite {

void BindProduct(Statement& st, const Product& p, int64_t now) {
  st.Bind(1, p.sku)
      .Bind(2, p.name)
      .Bind(3, p.category)
      .Bind(4, p.currency)
      .Bind(5, p.price_minor)
      .Bind(6, p.unit_cost_minor)
      .Bind(7, now)
      .Bind(8, now);
}

Product ReadProduct(const Statement& st) {
  Product p;
  p.id = st.Int(0);
  p.sku = st.String(1);
  p.name = st.String(2);
  p.category = st.String(3);
  p.currency = st.String(4);
  p.price_minor = st.Int(5);
  p.unit_cost_minor = st.Int(6);
  p.created_at = FromUnixSeconds(st.Int(7));
  p.updated_at = FromUnixSeconds(st.Int(8));
  return p;
}

Result<Order> ReadOrderHeader(const Statement& st, int first) {
  Order o;
  o.id = st.Int(first);
  o.external_id = st.String(first + 1);
  o.customer_id = st.Int(first + 2);
  o.ordered_at = FromUnixSeconds(st.Int(first + 3));
  o.currency = st.String(first + 4);
  CENTRIC_ASSIGN_OR_RETURN(o.status, ParseOrderStatus(st.Text(first + 5)));
  o.total_minor = st.Int(first + 6);
  o.discount_minor = st.Int(first + 7);
  return o;
}

OrderLine ReadOrderLine(const Statement& st, int first) {
  OrderLine l;
  l.product_id = st.Int(first);
  l.sku = st.String(first + 1);
  l.description = st.String(first + 2);
  l.quantity = st.Int(first + 3);
  l.unit_price_minor = st.Int(first + 4);
  l.discount_minor = st.Int(first + 5);
  l.amount_minor = st.Int(first + 6);
  return l;
}

}  // namespace centric::orders::sqlite
