// SPDX-License-Identifier: Apache-2.0
#include "areas/customers/sqlite/sqlite_customer_rows.h"

#include "platform/store/codec.h"

namespace centric::customers::sqlite {

namespace internal = store::internal;

void BindCustomer(Statement& st, const Customer& c, int64_t now) {
  st.Bind(1, c.external_id)
      .Bind(2, c.name)
      .Bind(3, internal::StringListToJson(c.emails))
      .Bind(4, internal::StringListToJson(c.phones))
      .Bind(5, c.preferred_language)
      .Bind(6, c.country)
      .Bind(7, c.time_zone)
      .Bind(8, c.first_seen ? std::optional<int64_t>(ToUnixSeconds(*c.first_seen)) : std::nullopt)
      .Bind(9, internal::BoolMapToJson(c.consent))
      .Bind(10, internal::StringListToJson(c.tags))
      .Bind(11, internal::StringMapToJson(c.attributes))
      .Bind(12, c.account_owner)
      .Bind(13, now)
      .Bind(14, now);
}

Result<Customer> ReadCustomer(const Statement& st) {
  Customer c;
  c.id = st.Int(0);
  c.external_id = st.String(1);
  c.name = st.String(2);
  CENTRIC_ASSIGN_OR_RETURN(c.emails, internal::StringListFromJson(st.Text(3)));
  CENTRIC_ASSIGN_OR_RETURN(c.phones, internal::StringListFromJson(st.Text(4)));
  c.preferred_language = st.String(5);
  c.country = st.String(6);
  c.time_zone = st.String(7);
  if (!st.IsNull(8)) c.first_seen = FromUnixSeconds(st.Int(8));
  CENTRIC_ASSIGN_OR_RETURN(c.consent, internal::BoolMapFromJson(st.Text(9)));
  CENTRIC_ASSIGN_OR_RETURN(c.tags, internal::StringListFromJson(st.Text(10)));
  CENTRIC_ASSIGN_OR_RETURN(c.attributes, internal::StringMapFromJson(st.Text(11)));
  c.account_owner = st.String(12);
  c.created_at = FromUnixSeconds(st.Int(13));
  c.updated_at = FromUnixSeconds(st.Int(14));
  return c;
}

}  // namespace centric::customers::sqlite
