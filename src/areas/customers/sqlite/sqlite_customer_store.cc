// SPDX-License-Identifier: Apache-2.0
// Customers, interactions and the merged timeline in the SQLite backend.
#include <fmt/format.h>

#include <climits>
#include <cstdlib>
#include <tuple>

#include "areas/customers/customer_store_backends.h"
#include "areas/customers/sqlite/sqlite_customer_rows.h"
#include "platform/store/codec.h"
#include "platform/store/sqlite/sqlite_connection.h"

namespace centric::customers::sqlite {

namespace internal = store::internal;
using internal::NowSeconds;
using store::sqlite::SqliteConnection;
using store::sqlite::Statement;
using store::sqlite::StatementLease;

namespace {

Interaction ReadInteraction(const Statement& st) {
  Interaction i;
  i.id = st.Int(0);
  i.customer_id = st.Int(1);
  i.kind = st.String(2);
  i.channel = st.String(3);
  i.occurred_at = FromUnixSeconds(st.Int(4));
  i.summary = st.String(5);
  i.details = st.String(6);
  i.author = st.String(7);
  i.created_at = FromUnixSeconds(st.Int(8));
  return i;
}

constexpr const char* kInteractionColumns =
    "id, customer_id, kind, channel, occurred_at, summary, details, author, created_at";

class SqliteCustomerStore final : public CustomerStore {
 public:
  explicit SqliteCustomerStore(SqliteConnection& connection) : conn_(connection) {}

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
  Status InTransaction(const std::function<Status()>& body) { return conn_.Transaction(body); }
  Result<StatementLease> Cached(const char* sql) { return conn_.Cached(sql); }

  SqliteConnection& conn_;
};

// ---- customers

Result<Customer> SqliteCustomerStore::CreateCustomer(const Customer& customer) {
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
    return Error(
        AlreadyExists(fmt::format("a customer with external id '{}' exists", customer.external_id),
                      "external_id"));
  }
  if (!s.ok()) return Error(s);
  return GetCustomer(id);
}

Result<Customer> SqliteCustomerStore::GetCustomer(CustomerId id) {
  CENTRIC_ASSIGN_OR_RETURN(
      auto st, Cached("SELECT " CENTRIC_CUSTOMER_COLUMNS " FROM customers WHERE id = ?"));
  st->Bind(1, id);
  CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Error(NotFound(fmt::format("no customer {}", id)));
  return ReadCustomer(*st);
}

Result<Customer> SqliteCustomerStore::GetCustomerByExternalId(std::string_view external_id) {
  CENTRIC_ASSIGN_OR_RETURN(
      auto st, Cached("SELECT " CENTRIC_CUSTOMER_COLUMNS " FROM customers WHERE external_id = ?"));
  st->Bind(1, external_id);
  CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Error(NotFound(fmt::format("no customer with external id '{}'", external_id)));
  return ReadCustomer(*st);
}

Result<Customer> SqliteCustomerStore::UpdateCustomer(const Customer& customer) {
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
    return Error(
        AlreadyExists(fmt::format("a customer with external id '{}' exists", customer.external_id),
                      "external_id"));
  }
  if (!s.ok()) return Error(s);
  return GetCustomer(customer.id);
}

Status SqliteCustomerStore::DeleteCustomer(CustomerId id) {
  return InTransaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(auto st, Cached("DELETE FROM customers WHERE id = ?"));
    st->Bind(1, id);
    CENTRIC_RETURN_IF_ERROR(st->Run());
    if (sqlite3_changes(conn_.db().raw()) == 0) return NotFound(fmt::format("no customer {}", id));
    return Status::Ok();
  });
}

Result<Page<Customer>> SqliteCustomerStore::ListCustomers(const CustomerFilter& filter) {
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
    case CustomerSort::kId:
      break;
    case CustomerSort::kName:
      key = "name";
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
  // Ties go by the id of the table the sort key is in, so the walk follows one index
  // (customer_predictions_clv is (clv DESC, customer_id)); a million customers share
  // p_alive = 1, and sorting them by another table's id would mean sorting them all.
  const bool key_in_predictions = filter.sort == CustomerSort::kClvDesc ||
                                  filter.sort == CustomerSort::kPAliveDesc ||
                                  filter.sort == CustomerSort::kRecentDesc;
  const char* tie = key_in_predictions ? "p.customer_id" : "id";
  std::string sql =
      fmt::format("SELECT " CENTRIC_CUSTOMER_COLUMNS ", {} FROM customers{} WHERE 1", key,
                  predictions ? " JOIN customer_predictions p ON p.customer_id = id" : "");
  if (by_id) {
    sql += " AND id > ?1";
  } else if (!filter.page.cursor.empty()) {
    sql += fmt::format(" AND ({0} {1} ?11 OR ({0} = ?11 AND {2} > ?1))", key,
                       std::string_view(direction) == "ASC" ? ">" : "<", tie);
  }
  if (!match.empty())
    sql += " AND id IN (SELECT rowid FROM customers_fts WHERE customers_fts MATCH ?2)";
  if (!filter.country.empty()) sql += " AND country = ?3";
  if (!filter.language.empty()) sql += " AND preferred_language = ?4";
  if (!filter.tag.empty()) sql += " AND EXISTS (SELECT 1 FROM json_each(tags) WHERE value = ?5)";
  // The unary + keeps SQLite from answering a common value through its own index and then
  // sorting every match: walking the sort order and testing each row finds a page of a segment
  // that holds 1 % of the customers after about 2,500 rows, at any size.
  // A rare value is the other way round: its own index holds a few rows to sort, while the
  // walk would read most of the table to fill a page. Counting up to kRare tells them apart.
  constexpr int64_t kRare = 5000;
  auto clause = [&](const std::string& value, const char* column,
                    int param) -> Result<std::string> {
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
  for (auto [value, column, param] :
       {std::tuple{&filter.segment, "rfm_segment", 7}, std::tuple{&filter.tier, "tier", 8},
        std::tuple{&filter.risk, "churn_risk", 9}}) {
    CENTRIC_ASSIGN_OR_RETURN(std::string text, clause(*value, column, param));
    sql += text;
  }
  if (!filter.category.empty()) {
    sql +=
        " AND EXISTS (SELECT 1 FROM orders o JOIN order_lines l ON l.order_id = o.id "
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
      if (after.key.empty() || *end != '\0')
        return Error(InvalidArgument("is not a cursor this server issued", "cursor"));
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
      last_key = filter.sort == CustomerSort::kName
                     ? st->String(kKeyColumn)
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

Status SqliteCustomerStore::ScanCustomers(const std::function<Status(const Customer&)>& visit) {
  CENTRIC_RETURN_IF_ERROR(conn_.db().Exec("BEGIN"));
  Status status = [&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(Statement st, conn_.db().Prepare("SELECT " CENTRIC_CUSTOMER_COLUMNS
                                                              " FROM customers ORDER BY id"));
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

Result<CustomerId> SqliteCustomerStore::LastCustomerId() {
  CENTRIC_ASSIGN_OR_RETURN(auto st, Cached("SELECT coalesce(max(id), 0) FROM customers"));
  CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
  return row ? st->Int(0) : 0;
}

// ---- interactions

Result<Interaction> SqliteCustomerStore::CreateInteraction(const Interaction& interaction) {
  CENTRIC_RETURN_IF_ERROR(ValidateInteraction(interaction));
  InteractionId id = 0;
  Status s = InTransaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(
        auto st, Cached("INSERT INTO interactions(customer_id, kind, channel, occurred_at, "
                        "summary, details, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    st->Bind(1, interaction.customer_id).Bind(2, interaction.kind).Bind(3, interaction.channel);
    st->Bind(4, ToUnixSeconds(interaction.occurred_at)).Bind(5, interaction.summary);
    st->Bind(6, interaction.details.empty() ? std::string_view("{}") : interaction.details);
    st->Bind(7, interaction.author).Bind(8, NowSeconds());
    Status insert = st->Run();
    if (insert.code() == StatusCode::kFailedPrecondition) {
      return Status(StatusCode::kNotFound, fmt::format("no customer {}", interaction.customer_id),
                    "customer_id");
    }
    CENTRIC_RETURN_IF_ERROR(insert);
    id = conn_.db().LastInsertRowid();
    return Status::Ok();
  });
  if (!s.ok()) return Error(s);
  return GetInteraction(id);
}

Result<Interaction> SqliteCustomerStore::GetInteraction(InteractionId id) {
  CENTRIC_ASSIGN_OR_RETURN(
      auto st, Cached("SELECT id, customer_id, kind, channel, occurred_at, summary, details, "
                      "author, created_at FROM interactions WHERE id = ?"));
  st->Bind(1, id);
  CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Error(NotFound(fmt::format("no interaction {}", id)));
  return ReadInteraction(*st);
}

Result<Interaction> SqliteCustomerStore::UpdateInteraction(const Interaction& interaction) {
  CENTRIC_RETURN_IF_ERROR(ValidateInteraction(interaction));
  Status s = InTransaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(
        auto st, Cached("UPDATE interactions SET customer_id = ?, kind = ?, channel = ?, "
                        "occurred_at = ?, summary = ?, details = ?, author = ? WHERE id = ?"));
    st->Bind(1, interaction.customer_id).Bind(2, interaction.kind).Bind(3, interaction.channel);
    st->Bind(4, ToUnixSeconds(interaction.occurred_at)).Bind(5, interaction.summary);
    st->Bind(6, interaction.details.empty() ? std::string_view("{}") : interaction.details);
    st->Bind(7, interaction.author).Bind(8, interaction.id);
    Status update = st->Run();
    if (update.code() == StatusCode::kFailedPrecondition) {
      return Status(StatusCode::kNotFound, fmt::format("no customer {}", interaction.customer_id),
                    "customer_id");
    }
    CENTRIC_RETURN_IF_ERROR(update);
    if (sqlite3_changes(conn_.db().raw()) == 0) {
      return NotFound(fmt::format("no interaction {}", interaction.id));
    }
    return Status::Ok();
  });
  if (!s.ok()) return Error(s);
  return GetInteraction(interaction.id);
}

Status SqliteCustomerStore::DeleteInteraction(InteractionId id) {
  return InTransaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(auto st, Cached("DELETE FROM interactions WHERE id = ?"));
    st->Bind(1, id);
    CENTRIC_RETURN_IF_ERROR(st->Run());
    if (sqlite3_changes(conn_.db().raw()) == 0)
      return NotFound(fmt::format("no interaction {}", id));
    return Status::Ok();
  });
}

Result<Page<Interaction>> SqliteCustomerStore::ListInteractions(const InteractionFilter& filter) {
  CENTRIC_ASSIGN_OR_RETURN(int64_t after, internal::DecodeIdCursor(filter.page.cursor));
  int limit = internal::ClampLimit(filter.page.limit);
  std::string sql = fmt::format("SELECT {} FROM interactions WHERE id > ?1", kInteractionColumns);
  if (filter.customer_id) sql += " AND customer_id = ?2";
  if (!filter.kind.empty()) sql += " AND kind = ?3";
  sql += " ORDER BY id LIMIT ?4";
  CENTRIC_ASSIGN_OR_RETURN(auto st, Cached(sql.c_str()));
  st->Bind(1, after);
  if (filter.customer_id) st->Bind(2, *filter.customer_id);
  if (!filter.kind.empty()) st->Bind(3, filter.kind);
  st->Bind(4, int64_t{limit} + 1);
  Page<Interaction> page;
  while (true) {
    CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    page.items.push_back(ReadInteraction(*st));
  }
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_cursor = internal::EncodeIdCursor(page.items.back().id);
  }
  return page;
}

// ---- timeline

Result<Page<TimelineEvent>> SqliteCustomerStore::Timeline(CustomerId customer_id,
                                                          const PageRequest& request) {
  internal::TimelinePosition before{INT64_MAX, 1, INT64_MAX};
  if (!request.cursor.empty()) {
    CENTRIC_ASSIGN_OR_RETURN(before, internal::DecodeTimelineCursor(request.cursor));
  }
  int limit = internal::ClampLimit(request.limit);
  {
    CENTRIC_ASSIGN_OR_RETURN(auto exists, Cached("SELECT 1 FROM customers WHERE id = ?"));
    exists->Bind(1, customer_id);
    CENTRIC_ASSIGN_OR_RETURN(bool row, exists->Step());
    if (!row) return Error(NotFound(fmt::format("no customer {}", customer_id)));
  }
  // Each branch walks its (customer_id, time) index backwards and stops at the limit, so a
  // page costs O(limit) whatever the customer's history.
  CENTRIC_ASSIGN_OR_RETURN(
      auto st,
      Cached("SELECT at, rank, id, kind, channel, summary, amount, currency FROM ("
             " SELECT * FROM (SELECT ordered_at AS at, 0 AS rank, id, status AS kind, "
             "  '' AS channel, external_id AS summary, total_minor AS amount, currency "
             "  FROM orders WHERE customer_id = ?1 AND (ordered_at, 0, id) < (?2, ?3, ?4) "
             "  ORDER BY ordered_at DESC, id DESC LIMIT ?5)"
             " UNION ALL "
             " SELECT * FROM (SELECT occurred_at, 1, id, kind, channel, summary, 0, '' "
             "  FROM interactions WHERE customer_id = ?1 AND (occurred_at, 1, id) < (?2, ?3, ?4) "
             "  ORDER BY occurred_at DESC, id DESC LIMIT ?5)"
             ") ORDER BY at DESC, rank DESC, id DESC LIMIT ?5"));
  st->Bind(1, customer_id).Bind(2, before.at).Bind(3, int64_t{before.rank}).Bind(4, before.id);
  st->Bind(5, int64_t{limit} + 1);
  Page<TimelineEvent> page;
  std::vector<internal::TimelinePosition> positions;
  while (true) {
    CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    TimelineEvent e;
    e.at = FromUnixSeconds(st->Int(0));
    e.type = st->Int(1) == 0 ? TimelineEvent::Type::kOrder : TimelineEvent::Type::kInteraction;
    e.id = st->Int(2);
    e.kind = st->String(3);
    e.channel = st->String(4);
    e.summary = st->String(5);
    e.amount_minor = st->Int(6);
    e.currency = st->String(7);
    positions.push_back({st->Int(0), static_cast<int>(st->Int(1)), e.id});
    page.items.push_back(std::move(e));
  }
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_cursor = internal::EncodeTimelineCursor(positions[limit - 1]);
  }
  return page;
}

}  // namespace
}  // namespace centric::customers::sqlite

namespace centric::customers {

std::unique_ptr<CustomerStore> MakeSqliteCustomerStore(
    store::sqlite::SqliteConnection& connection) {
  return std::make_unique<sqlite::SqliteCustomerStore>(connection);
}

}  // namespace centric::customers
