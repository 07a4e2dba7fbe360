// SPDX-License-Identifier: Apache-2.0
#include "store/sqlite/sqlite_store.h"

#include <fmt/format.h>

#include <cstdlib>
#include <tuple>

#include "platform/store/codec.h"
#include "platform/store/migration.h"
#include "store/sqlite/sqlite_bulk_writer.h"
#include "store/sqlite/sqlite_rows.h"

namespace centric::store::sqlite {

using internal::NowSeconds;

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path) {
  CENTRIC_ASSIGN_OR_RETURN(auto connection, SqliteConnection::Open(path));
  return std::unique_ptr<SqliteStore>(new SqliteStore(std::move(connection)));
}

// ---- customers

Result<Customer> SqliteStore::CreateCustomer(const Customer& customer) {
  CENTRIC_RETURN_IF_ERROR(ValidateCustomer(customer));
  CustomerId id = 0;
  Status s = InTransaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(auto st, Cached(kInsertCustomerSql));
    BindCustomer(*st, customer, NowSeconds());
    CENTRIC_RETURN_IF_ERROR(st->Run());
    id = conn_.db().LastInsertRowid();
    return Status::Ok();
  });
  if (s.code() == StatusCode::kAlreadyExists) {
    return Error(AlreadyExists(
        fmt::format("a customer with external id '{}' exists", customer.external_id),
        "external_id"));
  }
  if (!s.ok()) return Error(s);
  return GetCustomer(id);
}

Result<Customer> SqliteStore::GetCustomer(CustomerId id) {
  CENTRIC_ASSIGN_OR_RETURN(auto st,
                           Cached("SELECT " CENTRIC_CUSTOMER_COLUMNS " FROM customers WHERE id = ?"));
  st->Bind(1, id);
  CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Error(NotFound(fmt::format("no customer {}", id)));
  return ReadCustomer(*st);
}

Result<Customer> SqliteStore::GetCustomerByExternalId(std::string_view external_id) {
  CENTRIC_ASSIGN_OR_RETURN(
      auto st,
      Cached("SELECT " CENTRIC_CUSTOMER_COLUMNS " FROM customers WHERE external_id = ?"));
  st->Bind(1, external_id);
  CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Error(NotFound(fmt::format("no customer with external id '{}'", external_id)));
  return ReadCustomer(*st);
}

Result<Customer> SqliteStore::UpdateCustomer(const Customer& customer) {
  CENTRIC_RETURN_IF_ERROR(ValidateCustomer(customer));
  Status s = InTransaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(
        auto st,
        Cached("UPDATE customers SET external_id = ?1, name = ?2, emails = ?3, phones = ?4, "
               "preferred_language = ?5, country = ?6, time_zone = ?7, first_seen = ?8, "
               "consent = ?9, tags = ?10, attributes = ?11, account_owner = ?12, "
               "updated_at = ?13 WHERE id = ?15"));
    BindCustomer(*st, customer, NowSeconds());
    st->Bind(15, customer.id);
    CENTRIC_RETURN_IF_ERROR(st->Run());
    if (sqlite3_changes(conn_.db().raw()) == 0) {
      return NotFound(fmt::format("no customer {}", customer.id));
    }
    return Status::Ok();
  });
  if (s.code() == StatusCode::kAlreadyExists) {
    return Error(AlreadyExists(
        fmt::format("a customer with external id '{}' exists", customer.external_id),
        "external_id"));
  }
  if (!s.ok()) return Error(s);
  return GetCustomer(customer.id);
}

Status SqliteStore::DeleteCustomer(CustomerId id) {
  return InTransaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(auto st, Cached("DELETE FROM customers WHERE id = ?"));
    st->Bind(1, id);
    CENTRIC_RETURN_IF_ERROR(st->Run());
    if (sqlite3_changes(conn_.db().raw()) == 0) return NotFound(fmt::format("no customer {}", id));
    return Status::Ok();
  });
}

Result<Page<Customer>> SqliteStore::ListCustomers(const CustomerFilter& filter) {
  const bool by_id = filter.sort == CustomerSort::kId;
  internal::SortPosition after;
  if (by_id) {
    CENTRIC_ASSIGN_OR_RETURN(after.id, internal::DecodeIdCursor(filter.page.cursor));
  } else if (!filter.page.cursor.empty()) {
    CENTRIC_ASSIGN_OR_RETURN(after, internal::DecodeSortCursor(filter.page.cursor));
  }
  int limit = internal::ClampLimit(filter.page.limit);
  std::string match;
  for (const auto& term : internal::SearchTerms(filter.search)) {
    if (!match.empty()) match += " AND ";
    // Quoted so FTS5 syntax characters in a term are literal; '*' makes it a prefix query.
    match += "\"" + term + "\"*";
  }
  // The sort key and whether it needs the predictions; ties go by id.
  const char* key = "id";
  const char* direction = "ASC";
  switch (filter.sort) {
    case CustomerSort::kId: break;
    case CustomerSort::kName: key = "name"; break;
    case CustomerSort::kClvDesc: key = "p.clv"; direction = "DESC"; break;
    case CustomerSort::kPAliveDesc: key = "p.p_alive"; direction = "DESC"; break;
    case CustomerSort::kRecentDesc: key = "(p.age - p.recency)"; break;
  }
  const bool predictions = !filter.segment.empty() || !filter.tier.empty() ||
                           !filter.risk.empty() || filter.sort == CustomerSort::kClvDesc ||
                           filter.sort == CustomerSort::kPAliveDesc ||
                           filter.sort == CustomerSort::kRecentDesc;
  // Ties go by the id of the table the sort key is in, so the walk follows one index
  // (customer_predictions_clv is (clv DESC, customer_id)); a million customers share
  // p_alive = 1, and sorting them by another table's id would mean sorting them all.
  const bool key_in_predictions = filter.sort == CustomerSort::kClvDesc ||
                                  filter.sort == CustomerSort::kPAliveDesc ||
                                  filter.sort == CustomerSort::kRecentDesc;
  const char* tie = key_in_predictions ? "p.customer_id" : "id";
  std::string sql = fmt::format("SELECT " CENTRIC_CUSTOMER_COLUMNS ", {} FROM customers{} WHERE 1",
                                key, predictions ? " JOIN customer_predictions p ON p.customer_id = id" : "");
  if (by_id) {
    sql += " AND id > ?1";
  } else if (!filter.page.cursor.empty()) {
    sql += fmt::format(" AND ({0} {1} ?11 OR ({0} = ?11 AND {2} > ?1))", key,
                       std::string_view(direction) == "ASC" ? ">" : "<", tie);
  }
  if (!match.empty()) sql += " AND id IN (SELECT rowid FROM customers_fts WHERE customers_fts MATCH ?2)";
  if (!filter.country.empty()) sql += " AND country = ?3";
  if (!filter.language.empty()) sql += " AND preferred_language = ?4";
  if (!filter.tag.empty()) sql += " AND EXISTS (SELECT 1 FROM json_each(tags) WHERE value = ?5)";
  // The unary + keeps SQLite from answering a common value through its own index and then
  // sorting every match: walking the sort order and testing each row finds a page of a segment
  // that holds 1 % of the customers after about 2,500 rows, at any size.
  // A rare value is the other way round: its own index holds a few rows to sort, while the
  // walk would read most of the table to fill a page. Counting up to kRare tells them apart.
  constexpr int64_t kRare = 5000;
  auto clause = [&](const std::string& value, const char* column, int param) -> Result<std::string> {
    if (value.empty()) return std::string();
    CENTRIC_ASSIGN_OR_RETURN(
        auto count, Cached(fmt::format("SELECT count(*) FROM (SELECT 1 FROM customer_predictions "
                                       "WHERE {} = ? LIMIT {})",
                                       column, kRare)
                               .c_str()));
    count->Bind(1, value);
    CENTRIC_ASSIGN_OR_RETURN(bool counted, count->Step());
    const bool rare = counted && count->Int(0) < kRare;
    return fmt::format(" AND {}p.{} = ?{}", rare ? "" : "+", column, param);
  };
  for (auto [value, column, param] : {std::tuple{&filter.segment, "rfm_segment", 7},
                                      std::tuple{&filter.tier, "tier", 8},
                                      std::tuple{&filter.risk, "churn_risk", 9}}) {
    CENTRIC_ASSIGN_OR_RETURN(std::string text, clause(*value, column, param));
    sql += text;
  }
  if (!filter.category.empty()) {
    sql += " AND EXISTS (SELECT 1 FROM orders o JOIN order_lines l ON l.order_id = o.id "
           "JOIN products pr ON pr.id = l.product_id WHERE o.customer_id = customers.id AND "
           "(pr.category = ?10 OR substr(pr.category, 1, length(?10) + 1) = ?10 || '/'))";
  }
  sql += fmt::format(" ORDER BY {} {}, {} LIMIT ?6", key, direction, tie);
  CENTRIC_ASSIGN_OR_RETURN(auto st, Cached(sql.c_str()));
  st->Bind(1, after.id);
  if (!match.empty()) st->Bind(2, match);
  if (!filter.country.empty()) st->Bind(3, filter.country);
  if (!filter.language.empty()) st->Bind(4, filter.language);
  if (!filter.tag.empty()) st->Bind(5, filter.tag);
  st->Bind(6, int64_t{limit} + 1);
  if (!filter.segment.empty()) st->Bind(7, filter.segment);
  if (!filter.tier.empty()) st->Bind(8, filter.tier);
  if (!filter.risk.empty()) st->Bind(9, filter.risk);
  if (!filter.category.empty()) st->Bind(10, filter.category);
  if (!by_id && !filter.page.cursor.empty()) {
    if (filter.sort == CustomerSort::kName) {
      st->Bind(11, after.key);
    } else {
      char* end = nullptr;
      const double value = std::strtod(after.key.c_str(), &end);
      if (after.key.empty() || *end != '\0') return Error(InvalidArgument("is not a cursor this server issued", "cursor"));
      st->BindDouble(11, value);
    }
  }
  Page<Customer> page;
  std::string last_key;
  constexpr int kKeyColumn = 15;  // after the customer's columns
  while (true) {
    CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    CENTRIC_ASSIGN_OR_RETURN(Customer c, ReadCustomer(*st));
    page.items.push_back(std::move(c));
    if (static_cast<int>(page.items.size()) == limit) {
      last_key = filter.sort == CustomerSort::kName ? st->String(kKeyColumn)
                                                    : fmt::format("{:.17g}", st->Double(kKeyColumn));
    }
  }
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_cursor = by_id ? internal::EncodeIdCursor(page.items.back().id)
                             : internal::EncodeSortCursor(page.items.back().id, last_key);
  }
  return page;
}

// ---- scans and stats

Status SqliteStore::ScanCustomers(const std::function<Status(const Customer&)>& visit) {
  CENTRIC_RETURN_IF_ERROR(conn_.db().Exec("BEGIN"));
  Status status = [&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(Statement st,
                             conn_.db().Prepare("SELECT " CENTRIC_CUSTOMER_COLUMNS " FROM customers ORDER BY id"));
    while (true) {
      CENTRIC_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) return Status::Ok();
      CENTRIC_ASSIGN_OR_RETURN(Customer c, ReadCustomer(st));
      CENTRIC_RETURN_IF_ERROR(visit(c));
    }
  }();
  (void)conn_.db().Exec("COMMIT");
  return status;
}

Result<StoreStats> SqliteStore::Stats() {
  CENTRIC_ASSIGN_OR_RETURN(
      auto st,
      Cached("SELECT (SELECT count(*) FROM customers), (SELECT count(*) FROM products), "
             "(SELECT count(*) FROM orders), (SELECT count(*) FROM order_lines), "
             "(SELECT count(*) FROM interactions)"));
  CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
  (void)row;
  return StoreStats{st->Int(0), st->Int(1), st->Int(2), st->Int(3), st->Int(4)};
}

Result<std::unique_ptr<BulkWriter>> SqliteStore::BeginBulk() {
  CENTRIC_ASSIGN_OR_RETURN(auto writer, SqliteBulkWriter::Begin(*this));
  return std::unique_ptr<BulkWriter>(std::move(writer));
}

Result<CustomerId> SqliteStore::LastCustomerId() {
  CENTRIC_ASSIGN_OR_RETURN(auto st, Cached("SELECT coalesce(max(id), 0) FROM customers"));
  CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
  return row ? st->Int(0) : 0;
}

}  // namespace centric::store::sqlite
