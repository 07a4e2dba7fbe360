// SPDX-License-Identifier: Apache-2.0
#include "store/postgres/pg_rows.h"

#include "platform/store/codec.h"

namespace centric::store::postgres {

Params CustomerParams(const Customer& c, int64_t now) {
  Params p;
  p.Add(c.external_id)
      .Add(c.name)
      .Add(internal::StringListToJson(c.emails))
      .Add(internal::StringListToJson(c.phones))
      .Add(c.preferred_language)
      .Add(c.country)
      .Add(c.time_zone)
      .Add(c.first_seen ? std::optional<int64_t>(ToUnixSeconds(*c.first_seen)) : std::nullopt)
      .Add(internal::BoolMapToJson(c.consent))
      .Add(internal::StringListToJson(c.tags))
      .Add(internal::StringMapToJson(c.attributes))
      .Add(c.account_owner)
      .Add(now)
      .Add(now);
  return p;
}

Result<Customer> ReadCustomer(const PgResult& r, int row) {
  Customer c;
  c.id = r.Int(row, 0);
  c.external_id = r.String(row, 1);
  c.name = r.String(row, 2);
  CENTRIC_ASSIGN_OR_RETURN(c.emails, internal::StringListFromJson(r.Text(row, 3)));
  CENTRIC_ASSIGN_OR_RETURN(c.phones, internal::StringListFromJson(r.Text(row, 4)));
  c.preferred_language = r.String(row, 5);
  c.country = r.String(row, 6);
  c.time_zone = r.String(row, 7);
  if (!r.IsNull(row, 8)) c.first_seen = FromUnixSeconds(r.Int(row, 8));
  CENTRIC_ASSIGN_OR_RETURN(c.consent, internal::BoolMapFromJson(r.Text(row, 9)));
  CENTRIC_ASSIGN_OR_RETURN(c.tags, internal::StringListFromJson(r.Text(row, 10)));
  CENTRIC_ASSIGN_OR_RETURN(c.attributes, internal::StringMapFromJson(r.Text(row, 11)));
  c.account_owner = r.String(row, 12);
  c.created_at = FromUnixSeconds(r.Int(row, 13));
  c.updated_at = FromUnixSeconds(r.Int(row, 14));
  return c;
}

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

Interaction ReadInteraction(const PgResult& r, int row) {
  Interaction i;
  i.id = r.Int(row, 0);
  i.customer_id = r.Int(row, 1);
  i.kind = r.String(row, 2);
  i.channel = r.String(row, 3);
  i.occurred_at = FromUnixSeconds(r.Int(row, 4));
  i.summary = r.String(row, 5);
  i.details = r.String(row, 6);
  i.author = r.String(row, 7);
  i.created_at = FromUnixSeconds(r.Int(row, 8));
  return i;
}

}  // namespace centric::store::postgres
