// SPDX-License-Identifier: Apache-2.0
#include "areas/customers/postgres/pg_customer_rows.h"

#include "platform/store/codec.h"

namespace centric::customers::postgres {

namespace internal = store::internal;

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

}  // namespace centric::customers::postgres
