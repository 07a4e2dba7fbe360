// SPDX-License-Identifier: Apache-2.0
// Customers, interactions and the merged timeline in the PostgreSQL backend.
#include <fmt/format.h>

#include <climits>
#include <cstdlib>

#include "areas/customers/customer_store_backends.h"
#include "areas/customers/postgres/pg_customer_rows.h"
#include "platform/store/codec.h"
#include "platform/store/postgres/postgres_connection.h"

namespace centric::customers::postgres {

namespace internal = store::internal;
using internal::NowSeconds;
using store::postgres::Params;
using store::postgres::PgResult;
using store::postgres::PostgresConnection;

namespace {

Status DuplicateCustomer(const Customer& c) {
  return AlreadyExists(fmt::format("a customer with external id '{}' exists", c.external_id),
                       "external_id");
}

Params InteractionParams(const Interaction& i) {
  Params p;
  p.Add(i.customer_id).Add(i.kind).Add(i.channel).Add(ToUnixSeconds(i.occurred_at));
  p.Add(i.summary).Add(i.details.empty() ? std::string_view("{}") : std::string_view(i.details));
  p.Add(i.author);
  return p;
}

Status MapInteractionWriteError(const Status& s, const Interaction& i) {
  if (s.code() == StatusCode::kFailedPrecondition) {
    return Status(StatusCode::kNotFound, fmt::format("no customer {}", i.customer_id),
                  "customer_id");
  }
  if (s.code() == StatusCode::kInvalidArgument) return InvalidArgument(s.message(), "details");
  return s;
}

class PostgresCustomerStore final : public CustomerStore {
 public:
  explicit PostgresCustomerStore(PostgresConnection& connection) : connection_(connection) {}

  Result<Customer> CreateCustomer(const Customer& customer) override;
  Result<Customer> GetCustomer(CustomerId id) override;
  Result<Customer> GetCustomerByExternalId(std::string_view external_id) override;
  Result<Customer> UpdateCustomer(const Customer& customer) override;
  Status DeleteCustomer(CustomerId id) override;
  Result<Page<Customer>> ListCustomers(const CustomerFilter& filter) override;

  Result<Interaction> CreateInteraction(const Interaction& interaction) override;
  Result<Interaction> GetInteraction(InteractionId id) override;
  Result<Interaction> UpdateInteraction(const Interaction& interaction) override;
  Status DeleteInteraction(InteractionId id) override;
  Result<Page<Interaction>> ListInteractions(const InteractionFilter& filter) override;

  Result<Page<TimelineEvent>> Timeline(CustomerId customer_id, const PageRequest& page) override;
  Status ScanCustomers(const std::function<Status(const Customer&)>& visit) override;
  Result<CustomerId> LastCustomerId() override;

 private:
  Status InTransaction(const std::function<Status()>& body) {
    return connection_.Transaction(body);
  }
  Status StreamRows(const std::string& sql,
                    const std::function<Status(const PgResult&, int)>& row) {
    return connection_.StreamRows(sql, row);
  }

  PostgresConnection& connection_;
};

// ---- customers

Result<Customer> PostgresCustomerStore::CreateCustomer(const Customer& customer) {
  CENTRIC_RETURN_IF_ERROR(ValidateCustomer(customer));
  auto r = connection_.conn().Run(fmt::format("INSERT INTO customers({}) VALUES {} RETURNING id",
                                              kCustomerInsertColumns, kCustomerValues),
                                  CustomerParams(customer, NowSeconds()));
  if (!r) {
    if (r.error().code() == StatusCode::kAlreadyExists) return Error(DuplicateCustomer(customer));
    return Error(r.error());
  }
  return GetCustomer(r->Int(0, 0));
}

Result<Customer> PostgresCustomerStore::GetCustomer(CustomerId id) {
  CENTRIC_ASSIGN_OR_RETURN(
      auto r, connection_.conn().Run(
                  fmt::format("SELECT {} FROM customers WHERE id = $1", kCustomerColumns),
                  Params().Add(id)));
  if (r.rows() == 0) return Error(NotFound(fmt::format("no customer {}", id)));
  return ReadCustomer(r, 0);
}

Result<Customer> PostgresCustomerStore::GetCustomerByExternalId(std::string_view external_id) {
  CENTRIC_ASSIGN_OR_RETURN(
      auto r, connection_.conn().Run(
                  fmt::format("SELECT {} FROM customers WHERE external_id = $1", kCustomerColumns),
                  Params().Add(external_id)));
  if (r.rows() == 0) {
    return Error(NotFound(fmt::format("no customer with external id '{}'", external_id)));
  }
  return ReadCustomer(r, 0);
}

Result<Customer> PostgresCustomerStore::UpdateCustomer(const Customer& customer) {
  CENTRIC_RETURN_IF_ERROR(ValidateCustomer(customer));
  Params params = CustomerParams(customer, NowSeconds());
  params.Add(customer.id);
  auto r = connection_.conn().Run(
      "UPDATE customers SET external_id = $1, name = $2, emails = $3::jsonb, "
      "phones = $4::jsonb, preferred_language = $5, country = $6, time_zone = $7, "
      "first_seen = to_timestamp($8::bigint), consent = $9::jsonb, tags = $10::jsonb, "
      "attributes = $11::jsonb, account_owner = $12, updated_at = to_timestamp($13::bigint) "
      "WHERE id = $15 AND $14::bigint IS NOT NULL",
      params);
  if (!r) {
    if (r.error().code() == StatusCode::kAlreadyExists) return Error(DuplicateCustomer(customer));
    return Error(r.error());
  }
  if (r->affected() == 0) return Error(NotFound(fmt::format("no customer {}", customer.id)));
  return GetCustomer(customer.id);
}

Status PostgresCustomerStore::DeleteCustomer(CustomerId id) {
  CENTRIC_ASSIGN_OR_RETURN(
      auto r, connection_.conn().Run("DELETE FROM customers WHERE id = $1", Params().Add(id)));
  if (r.affected() == 0) return NotFound(fmt::format("no customer {}", id));
  return Status::Ok();
}

Result<Page<Customer>> PostgresCustomerStore::ListCustomers(const CustomerFilter& filter) {
  const bool by_id = filter.sort == CustomerSort::kId;
  internal::SortPosition after;
  if (by_id) {
    CENTRIC_ASSIGN_OR_RETURN(after.id, internal::DecodeIdCursor(filter.page.cursor));
  } else if (!filter.page.cursor.empty()) {
    CENTRIC_ASSIGN_OR_RETURN(after, internal::DecodeSortCursor(filter.page.cursor));
  }
  int limit = internal::ClampLimit(filter.page.limit);
  std::string query;
  for (const auto& term : internal::SearchTerms(filter.search)) {
    if (!query.empty()) query += " & ";
    query += "'" + term + "':*";  // terms hold no quote: SearchTerms splits at ASCII punctuation
  }
  // The sort key and whether it needs the predictions; ties go by id.
  const char* key = "c.id";
  const char* direction = "ASC";
  bool numeric = true;
  switch (filter.sort) {
    case CustomerSort::kId:
      break;
    case CustomerSort::kName:
      key = "c.name";
      numeric = false;
      break;
    case CustomerSort::kClvDesc:
      key = "p.clv";
      direction = "DESC";
      break;
    case CustomerSort::kPAliveDesc:
      key = "p.p_alive";
      direction = "DESC";
      break;
    case CustomerSort::kRecentDesc:
      key = "(p.age - p.recency)";
      break;
  }
  const bool predictions = !filter.segment.empty() || !filter.tier.empty() ||
                           !filter.risk.empty() || filter.sort == CustomerSort::kClvDesc ||
                           filter.sort == CustomerSort::kPAliveDesc ||
                           filter.sort == CustomerSort::kRecentDesc;
  Params params;
  int n = 0;
  auto param = [&](auto value) {
    params.Add(value);
    return fmt::format("${}", ++n);
  };
  std::string sql = fmt::format(
      // No column of customer_predictions shares a name with one of customers.
      "SELECT {}, {}::text FROM customers c{} WHERE true", kCustomerColumns, key,
      predictions ? " JOIN customer_predictions p ON p.customer_id = c.id" : "");
  if (by_id) {
    sql += " AND c.id > " + param(after.id);
  } else if (!filter.page.cursor.empty()) {
    if (numeric) {
      char* end = nullptr;
      std::strtod(after.key.c_str(), &end);
      if (after.key.empty() || *end != '\0') {
        return Error(InvalidArgument("is not a cursor this server issued", "cursor"));
      }
    }
    const std::string k = param(std::string_view(after.key));
    const std::string id = param(after.id);
    const std::string typed = numeric ? k + "::double precision" : k + " COLLATE \"C\"";
    const std::string sorted_key = numeric ? std::string(key) : std::string(key) + " COLLATE \"C\"";
    sql += fmt::format(" AND ({0} {1} {2} OR ({0} = {2} AND c.id > {3}))", sorted_key,
                       std::string_view(direction) == "ASC" ? ">" : "<", typed, id);
  }
  if (!query.empty()) {
    sql +=
        " AND c.search @@ to_tsquery('simple', public.unaccent('public.unaccent'::regdictionary, " +
        param(std::string_view(query)) + "))";
  }
  if (!filter.country.empty()) sql += " AND c.country = " + param(std::string_view(filter.country));
  if (!filter.language.empty()) {
    sql += " AND c.preferred_language = " + param(std::string_view(filter.language));
  }
  if (!filter.tag.empty()) sql += " AND c.tags ? " + param(std::string_view(filter.tag));
  if (!filter.segment.empty())
    sql += " AND p.rfm_segment = " + param(std::string_view(filter.segment));
  if (!filter.tier.empty()) sql += " AND p.tier = " + param(std::string_view(filter.tier));
  if (!filter.risk.empty()) sql += " AND p.churn_risk = " + param(std::string_view(filter.risk));
  if (!filter.category.empty()) {
    const std::string c = param(std::string_view(filter.category));
    sql += fmt::format(
        " AND EXISTS (SELECT 1 FROM order_lines l JOIN products pr ON pr.id = l.product_id "
        "WHERE l.customer_id = c.id AND (pr.category = {0} OR pr.category LIKE "
        "replace(replace(replace({0}, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '/%'))",
        c);
  }
  const std::string order_key = numeric ? std::string(key) : std::string(key) + " COLLATE \"C\"";
  sql += fmt::format(" ORDER BY {} {}, c.id LIMIT {}", order_key, direction,
                     param(int64_t{limit} + 1));
  CENTRIC_ASSIGN_OR_RETURN(auto r, connection_.conn().Run(sql, params));
  constexpr int kKeyColumn = 15;  // after the customer's columns
  Page<Customer> page;
  for (int i = 0; i < r.rows() && i < limit; ++i) {
    CENTRIC_ASSIGN_OR_RETURN(Customer c, ReadCustomer(r, i));
    page.items.push_back(std::move(c));
  }
  if (r.rows() > limit) {
    page.next_cursor =
        by_id ? internal::EncodeIdCursor(page.items.back().id)
              : internal::EncodeSortCursor(
                    page.items.back().id,
                    numeric
                        ? fmt::format("{:.17g}",
                                      std::strtod(r.String(limit - 1, kKeyColumn).c_str(), nullptr))
                        : r.String(limit - 1, kKeyColumn));
  }
  return page;
}

Status PostgresCustomerStore::ScanCustomers(const std::function<Status(const Customer&)>& visit) {
  return StreamRows(fmt::format("SELECT {} FROM customers ORDER BY id", kCustomerColumns),
                    [&](const PgResult& r, int i) -> Status {
                      CENTRIC_ASSIGN_OR_RETURN(Customer c, ReadCustomer(r, i));
                      return visit(c);
                    });
}

Result<CustomerId> PostgresCustomerStore::LastCustomerId() {
  CENTRIC_ASSIGN_OR_RETURN(auto r,
                           connection_.conn().Run("SELECT coalesce(max(id), 0) FROM customers"));
  return r.Int(0, 0);
}

// ---- interactions

Result<Interaction> PostgresCustomerStore::CreateInteraction(const Interaction& interaction) {
  CENTRIC_RETURN_IF_ERROR(ValidateInteraction(interaction));
  Params params = InteractionParams(interaction);
  params.Add(NowSeconds());
  auto r = connection_.conn().Run(
      "INSERT INTO interactions(customer_id, kind, channel, occurred_at, summary, details, "
      "author, created_at) VALUES ($1, $2, $3, to_timestamp($4::bigint), $5, $6::jsonb, $7, "
      "to_timestamp($8::bigint)) RETURNING id",
      params);
  if (!r) return Error(MapInteractionWriteError(r.error(), interaction));
  return GetInteraction(r->Int(0, 0));
}

Result<Interaction> PostgresCustomerStore::GetInteraction(InteractionId id) {
  CENTRIC_ASSIGN_OR_RETURN(
      auto r, connection_.conn().Run(
                  fmt::format("SELECT {} FROM interactions WHERE id = $1", kInteractionColumns),
                  Params().Add(id)));
  if (r.rows() == 0) return Error(NotFound(fmt::format("no interaction {}", id)));
  return ReadInteraction(r, 0);
}

Result<Interaction> PostgresCustomerStore::UpdateInteraction(const Interaction& interaction) {
  CENTRIC_RETURN_IF_ERROR(ValidateInteraction(interaction));
  Params params = InteractionParams(interaction);
  params.Add(interaction.id);
  auto r = connection_.conn().Run(
      "UPDATE interactions SET customer_id = $1, kind = $2, channel = $3, "
      "occurred_at = to_timestamp($4::bigint), summary = $5, details = $6::jsonb, author = $7 "
      "WHERE id = $8",
      params);
  if (!r) return Error(MapInteractionWriteError(r.error(), interaction));
  if (r->affected() == 0) return Error(NotFound(fmt::format("no interaction {}", interaction.id)));
  return GetInteraction(interaction.id);
}

Status PostgresCustomerStore::DeleteInteraction(InteractionId id) {
  CENTRIC_ASSIGN_OR_RETURN(
      auto r, connection_.conn().Run("DELETE FROM interactions WHERE id = $1", Params().Add(id)));
  if (r.affected() == 0) return NotFound(fmt::format("no interaction {}", id));
  return Status::Ok();
}

Result<Page<Interaction>> PostgresCustomerStore::ListInteractions(const InteractionFilter& filter) {
  CENTRIC_ASSIGN_OR_RETURN(int64_t after, internal::DecodeIdCursor(filter.page.cursor));
  int limit = internal::ClampLimit(filter.page.limit);
  Params params;
  params.Add(after).Add(int64_t{limit} + 1);
  std::string sql = fmt::format("SELECT {} FROM interactions WHERE id > $1", kInteractionColumns);
  int n = 2;
  if (filter.customer_id) {
    sql += fmt::format(" AND customer_id = ${}", ++n);
    params.Add(*filter.customer_id);
  }
  if (!filter.kind.empty()) {
    sql += fmt::format(" AND kind = ${}", ++n);
    params.Add(filter.kind);
  }
  sql += " ORDER BY id LIMIT $2";
  CENTRIC_ASSIGN_OR_RETURN(auto r, connection_.conn().Run(sql, params));
  Page<Interaction> page;
  for (int i = 0; i < r.rows(); ++i) page.items.push_back(ReadInteraction(r, i));
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_cursor = internal::EncodeIdCursor(page.items.back().id);
  }
  return page;
}

// ---- timeline

Result<Page<TimelineEvent>> PostgresCustomerStore::Timeline(CustomerId customer_id,
                                                            const PageRequest& request) {
  internal::TimelinePosition before{INT64_MAX / 2, 1, INT64_MAX};
  if (!request.cursor.empty()) {
    CENTRIC_ASSIGN_OR_RETURN(before, internal::DecodeTimelineCursor(request.cursor));
  }
  int limit = internal::ClampLimit(request.limit);
  CENTRIC_ASSIGN_OR_RETURN(
      auto exists,
      connection_.conn().Run("SELECT 1 FROM customers WHERE id = $1", Params().Add(customer_id)));
  if (exists.rows() == 0) return Error(NotFound(fmt::format("no customer {}", customer_id)));
  // Both branches read their (customer_id, time) index newest first and stop at the limit.
  CENTRIC_ASSIGN_OR_RETURN(
      auto r,
      connection_.conn().Run(
          "SELECT at, rank, id, kind, channel, summary, amount, currency FROM ("
          " (SELECT extract(epoch from ordered_at)::bigint AS at, 0 AS rank, id, status AS kind, "
          "   '' AS channel, external_id AS summary, total_minor AS amount, currency "
          "  FROM orders WHERE customer_id = $1 "
          "   AND (extract(epoch from ordered_at)::bigint, 0, id) < ($2::bigint, $3::int, "
          "$4::bigint) "
          "  ORDER BY ordered_at DESC, id DESC LIMIT $5)"
          " UNION ALL "
          " (SELECT extract(epoch from occurred_at)::bigint, 1, id, kind, channel, summary, 0, '' "
          "  FROM interactions WHERE customer_id = $1 "
          "   AND (extract(epoch from occurred_at)::bigint, 1, id) < ($2::bigint, $3::int, "
          "$4::bigint) "
          "  ORDER BY occurred_at DESC, id DESC LIMIT $5)"
          ") t ORDER BY at DESC, rank DESC, id DESC LIMIT $5",
          Params()
              .Add(customer_id)
              .Add(before.at)
              .Add(int64_t{before.rank})
              .Add(before.id)
              .Add(int64_t{limit} + 1)));
  Page<TimelineEvent> page;
  std::vector<internal::TimelinePosition> positions;
  for (int i = 0; i < r.rows(); ++i) {
    TimelineEvent e;
    e.at = FromUnixSeconds(r.Int(i, 0));
    e.type = r.Int(i, 1) == 0 ? TimelineEvent::Type::kOrder : TimelineEvent::Type::kInteraction;
    e.id = r.Int(i, 2);
    e.kind = r.String(i, 3);
    e.channel = r.String(i, 4);
    e.summary = r.String(i, 5);
    e.amount_minor = r.Int(i, 6);
    e.currency = r.String(i, 7);
    positions.push_back({r.Int(i, 0), static_cast<int>(r.Int(i, 1)), e.id});
    page.items.push_back(std::move(e));
  }
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_cursor = internal::EncodeTimelineCursor(positions[limit - 1]);
  }
  return page;
}

}  // namespace
}  // namespace centric::customers::postgres

namespace centric::customers {

std::unique_ptr<CustomerStore> MakePostgresCustomerStore(
    store::postgres::PostgresConnection& connection) {
  return std::make_unique<postgres::PostgresCustomerStore>(connection);
}

}  // namespace centric::customers
