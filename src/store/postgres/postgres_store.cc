// SPDX-License-Identifier: Apache-2.0
#include "store/postgres/postgres_store.h"

#include <fmt/format.h>

#include <cstdlib>

#include "platform/store/codec.h"
#include "platform/store/migration.h"
#include "store/postgres/pg_bulk_writer.h"
#include "store/postgres/pg_rows.h"

namespace centric::store::postgres {

using internal::NowSeconds;

namespace {

template <typename T>
Page<T> Paginate(std::vector<T> items, int limit) {
  Page<T> page;
  page.items = std::move(items);
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_cursor = internal::EncodeIdCursor(page.items.back().id);
  }
  return page;
}

Status DuplicateCustomer(const Customer& c) {
  return AlreadyExists(fmt::format("a customer with external id '{}' exists", c.external_id),
                       "external_id");
}

}  // namespace

Result<std::unique_ptr<PostgresStore>> PostgresStore::Open(const std::string& url) {
  CENTRIC_ASSIGN_OR_RETURN(auto connection, PostgresConnection::Open(url));
  return std::unique_ptr<PostgresStore>(new PostgresStore(std::move(connection)));
}

// ---- customers

Result<Customer> PostgresStore::CreateCustomer(const Customer& customer) {
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

Result<Customer> PostgresStore::GetCustomer(CustomerId id) {
  CENTRIC_ASSIGN_OR_RETURN(
      auto r, connection_.conn().Run(fmt::format("SELECT {} FROM customers WHERE id = $1", kCustomerColumns),
                         Params().Add(id)));
  if (r.rows() == 0) return Error(NotFound(fmt::format("no customer {}", id)));
  return ReadCustomer(r, 0);
}

Result<Customer> PostgresStore::GetCustomerByExternalId(std::string_view external_id) {
  CENTRIC_ASSIGN_OR_RETURN(
      auto r,
      connection_.conn().Run(fmt::format("SELECT {} FROM customers WHERE external_id = $1", kCustomerColumns),
                 Params().Add(external_id)));
  if (r.rows() == 0) {
    return Error(NotFound(fmt::format("no customer with external id '{}'", external_id)));
  }
  return ReadCustomer(r, 0);
}

Result<Customer> PostgresStore::UpdateCustomer(const Customer& customer) {
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

Status PostgresStore::DeleteCustomer(CustomerId id) {
  CENTRIC_ASSIGN_OR_RETURN(auto r, connection_.conn().Run("DELETE FROM customers WHERE id = $1", Params().Add(id)));
  if (r.affected() == 0) return NotFound(fmt::format("no customer {}", id));
  return Status::Ok();
}

Result<Page<Customer>> PostgresStore::ListCustomers(const CustomerFilter& filter) {
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
    case CustomerSort::kId: break;
    case CustomerSort::kName: key = "c.name"; numeric = false; break;
    case CustomerSort::kClvDesc: key = "p.clv"; direction = "DESC"; break;
    case CustomerSort::kPAliveDesc: key = "p.p_alive"; direction = "DESC"; break;
    case CustomerSort::kRecentDesc: key = "(p.age - p.recency)"; break;
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
    sql += " AND c.search @@ to_tsquery('simple', public.unaccent('public.unaccent'::regdictionary, " +
           param(std::string_view(query)) + "))";
  }
  if (!filter.country.empty()) sql += " AND c.country = " + param(std::string_view(filter.country));
  if (!filter.language.empty()) {
    sql += " AND c.preferred_language = " + param(std::string_view(filter.language));
  }
  if (!filter.tag.empty()) sql += " AND c.tags ? " + param(std::string_view(filter.tag));
  if (!filter.segment.empty()) sql += " AND p.rfm_segment = " + param(std::string_view(filter.segment));
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
    page.next_cursor = by_id ? internal::EncodeIdCursor(page.items.back().id)
                             : internal::EncodeSortCursor(page.items.back().id,
                                                          numeric ? fmt::format("{:.17g}",
                                                              std::strtod(r.String(limit - 1, kKeyColumn).c_str(), nullptr))
                                                                  : r.String(limit - 1, kKeyColumn));
  }
  return page;
}

// ---- scans, stats, bulk

Status PostgresStore::ScanCustomers(const std::function<Status(const Customer&)>& visit) {
  return StreamRows(fmt::format("SELECT {} FROM customers ORDER BY id", kCustomerColumns),
                    [&](const PgResult& r, int i) -> Status {
                      CENTRIC_ASSIGN_OR_RETURN(Customer c, ReadCustomer(r, i));
                      return visit(c);
                    });
}

Result<StoreStats> PostgresStore::Stats() {
  CENTRIC_ASSIGN_OR_RETURN(
      auto r, connection_.conn().Run("SELECT (SELECT count(*) FROM customers), (SELECT count(*) FROM products), "
                         "(SELECT count(*) FROM orders), (SELECT count(*) FROM order_lines), "
                         "(SELECT count(*) FROM interactions)"));
  return StoreStats{r.Int(0, 0), r.Int(0, 1), r.Int(0, 2), r.Int(0, 3), r.Int(0, 4)};
}

Result<std::unique_ptr<BulkWriter>> PostgresStore::BeginBulk() {
  CENTRIC_ASSIGN_OR_RETURN(auto writer, PgBulkWriter::Begin(*this));
  return std::unique_ptr<BulkWriter>(std::move(writer));
}

Result<CustomerId> PostgresStore::LastCustomerId() {
  CENTRIC_ASSIGN_OR_RETURN(auto r, conn().Run("SELECT coalesce(max(id), 0) FROM customers"));
  return r.Int(0, 0);
}

}  // namespace centric::store::postgres
