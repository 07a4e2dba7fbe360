// SPDX-License-Identifier: Apache-2.0
#include "ingest/bulk/sqlite_bulk_writer.h"

#include <fmt/format.h>

#include "areas/customers/sqlite/sqlite_customer_rows.h"
#include "areas/orders/sqlite/sqlite_order_rows.h"
#include "platform/store/codec.h"

namespace centric::store::sqlite {

using customers::sqlite::BindCustomer;
using customers::sqlite::kInsertCustomerSql;
using orders::sqlite::BindProduct;
using orders::sqlite::kInsertProductSql;

Result<std::unique_ptr<SqliteBulkWriter>> SqliteBulkWriter::Begin(SqliteConnection& store) {
  if (store.bulk_open()) return Error(FailedPrecondition("a bulk write is already open"));
  auto writer = std::unique_ptr<SqliteBulkWriter>(new SqliteBulkWriter(store));
  CENTRIC_RETURN_IF_ERROR(writer->Prepare());
  // A large page cache keeps the id indexes in memory during the load.
  CENTRIC_RETURN_IF_ERROR(store.db().Exec("PRAGMA cache_size=-262144; BEGIN IMMEDIATE"));
  store.set_bulk_open(true);
  writer->open_ = true;
  CENTRIC_RETURN_IF_ERROR(writer->DeferSearchIndexOnFirstLoad());
  writer->now_ = internal::NowSeconds();
  return writer;
}

SqliteBulkWriter::~SqliteBulkWriter() {
  if (open_) {
    (void)store_.db().Exec("ROLLBACK");
    store_.set_bulk_open(false);
  }
  (void)store_.db().Exec("PRAGMA cache_size=-65536");
}

Status SqliteBulkWriter::Prepare() {
  SqliteDb& db = store_.db();
  auto prepare = [&db](Statement& into, const char* sql) -> Status {
    CENTRIC_ASSIGN_OR_RETURN(into, db.Prepare(sql));
    return Status::Ok();
  };
  CENTRIC_RETURN_IF_ERROR(prepare(
      upsert_customer_,
      "INSERT INTO customers(external_id, name, emails, phones, preferred_language, country, "
      "time_zone, first_seen, consent, tags, attributes, account_owner, updated_at, created_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14) "
      "ON CONFLICT(external_id) DO UPDATE SET name = excluded.name, emails = excluded.emails, "
      "phones = excluded.phones, preferred_language = excluded.preferred_language, "
      "country = excluded.country, time_zone = excluded.time_zone, "
      "first_seen = excluded.first_seen, consent = excluded.consent, tags = excluded.tags, "
      "attributes = excluded.attributes, account_owner = excluded.account_owner, "
      "updated_at = excluded.updated_at RETURNING id"));
  CENTRIC_RETURN_IF_ERROR(
      prepare(find_customer_, "SELECT id FROM customers WHERE external_id = ?"));
  CENTRIC_RETURN_IF_ERROR(prepare(insert_customer_, kInsertCustomerSql));
  CENTRIC_RETURN_IF_ERROR(prepare(
      upsert_product_,
      "INSERT INTO products(sku, name, category, currency, price_minor, unit_cost_minor, "
      "updated_at, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) "
      "ON CONFLICT(sku) DO UPDATE SET name = excluded.name, category = excluded.category, "
      "currency = excluded.currency, price_minor = excluded.price_minor, "
      "unit_cost_minor = excluded.unit_cost_minor, updated_at = excluded.updated_at RETURNING id"));
  CENTRIC_RETURN_IF_ERROR(prepare(find_product_, "SELECT id FROM products WHERE sku = ?"));
  CENTRIC_RETURN_IF_ERROR(prepare(insert_product_, kInsertProductSql));
  CENTRIC_RETURN_IF_ERROR(
      prepare(find_order_, "SELECT id FROM orders WHERE customer_id = ? AND external_id = ?"));
  CENTRIC_RETURN_IF_ERROR(prepare(
      insert_order_,
      "INSERT INTO orders(customer_id, external_id, ordered_at, currency, status, total_minor, "
      "discount_minor) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
  CENTRIC_RETURN_IF_ERROR(
      prepare(update_order_,
              "UPDATE orders SET ordered_at = ?3, currency = ?4, status = ?5, total_minor = ?6, "
              "discount_minor = ?7 WHERE id = ?8"));
  CENTRIC_RETURN_IF_ERROR(prepare(delete_lines_, "DELETE FROM order_lines WHERE order_id = ?"));
  CENTRIC_RETURN_IF_ERROR(
      prepare(insert_line_,
              "INSERT INTO order_lines(order_id, line_no, customer_id, product_id, description, "
              "quantity, unit_price_minor, discount_minor, amount_minor) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  CENTRIC_RETURN_IF_ERROR(
      prepare(max_line_, "SELECT coalesce(max(line_no), 0) FROM order_lines WHERE order_id = ?"));
  CENTRIC_RETURN_IF_ERROR(
      prepare(add_totals_,
              "UPDATE orders SET total_minor = total_minor + ?, "
              "discount_minor = discount_minor + ? WHERE id = ? AND customer_id = ?"));
  CENTRIC_RETURN_IF_ERROR(
      prepare(insert_interaction_,
              "INSERT INTO interactions(customer_id, kind, channel, occurred_at, summary, details, "
              "author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
  return Status::Ok();
}

// Keeping the full-text index row by row is about 70 % of a customer's insert cost, while one
// rebuild at commit costs a fraction of that (docs/benchmarks.md, Demo data). So a first load,
// into a store without customers, drops the index triggers and rebuilds the index before
// COMMIT. Both happen inside the transaction: a rollback restores the triggers, and no reader
// ever sees customers without their index entries.
Status SqliteBulkWriter::DeferSearchIndexOnFirstLoad() {
  SqliteDb& db = store_.db();
  CENTRIC_ASSIGN_OR_RETURN(auto any, db.Prepare("SELECT EXISTS (SELECT 1 FROM customers)"));
  CENTRIC_ASSIGN_OR_RETURN(bool row, any.Step());
  const bool first_load = row && any.Int(0) == 0;
  any.Reset();
  if (!first_load) return Status::Ok();
  CENTRIC_ASSIGN_OR_RETURN(
      auto triggers, db.Prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND "
                                "tbl_name = 'customers' AND name LIKE 'customers_fts_%'"));
  std::vector<std::string> names;
  while (true) {
    CENTRIC_ASSIGN_OR_RETURN(bool more, triggers.Step());
    if (!more) break;
    names.emplace_back(triggers.Text(0));
    deferred_triggers_.emplace_back(triggers.Text(1));
  }
  for (const auto& name : names) {
    CENTRIC_RETURN_IF_ERROR(db.Exec(fmt::format("DROP TRIGGER {}", name)));
  }
  return Status::Ok();
}

Status SqliteBulkWriter::RebuildDeferredSearchIndex() {
  if (deferred_triggers_.empty()) return Status::Ok();
  SqliteDb& db = store_.db();
  CENTRIC_RETURN_IF_ERROR(db.Exec("INSERT INTO customers_fts(customers_fts) VALUES ('rebuild')"));
  for (const auto& sql : deferred_triggers_) CENTRIC_RETURN_IF_ERROR(db.Exec(sql));
  deferred_triggers_.clear();
  return Status::Ok();
}

Result<std::optional<int64_t>> SqliteBulkWriter::LookUp(Statement& st, std::string_view key) {
  st.Bind(1, key);
  auto row = st.Step();
  std::optional<int64_t> id;
  if (row && *row) id = st.Int(0);
  st.Reset();
  if (!row) return Error(row.error());
  return id;
}

Result<CustomerId> SqliteBulkWriter::UpsertCustomer(const Customer& customer) {
  CENTRIC_RETURN_IF_ERROR(ValidateCustomer(customer));
  BindCustomer(upsert_customer_, customer, now_);
  CENTRIC_ASSIGN_OR_RETURN(bool row, upsert_customer_.Step());
  CustomerId id = row ? upsert_customer_.Int(0) : 0;
  upsert_customer_.Reset();
  if (!row) return Error(Internal("customer upsert returned no id"));
  customers_[customer.external_id] = id;
  return id;
}

Result<CustomerId> SqliteBulkWriter::EnsureCustomer(std::string_view external_id,
                                                    const Customer& defaults) {
  std::string key(external_id);
  if (auto it = customers_.find(key); it != customers_.end()) return it->second;
  CENTRIC_ASSIGN_OR_RETURN(auto found, LookUp(find_customer_, external_id));
  if (found) return customers_[key] = *found;
  Customer c = defaults;
  c.external_id = key;
  CENTRIC_RETURN_IF_ERROR(ValidateCustomer(c));
  BindCustomer(insert_customer_, c, now_);
  CENTRIC_RETURN_IF_ERROR(insert_customer_.Run());
  return customers_[key] = store_.db().LastInsertRowid();
}

Result<ProductId> SqliteBulkWriter::UpsertProduct(const Product& product) {
  CENTRIC_RETURN_IF_ERROR(ValidateProduct(product));
  BindProduct(upsert_product_, product, now_);
  CENTRIC_ASSIGN_OR_RETURN(bool row, upsert_product_.Step());
  ProductId id = row ? upsert_product_.Int(0) : 0;
  upsert_product_.Reset();
  if (!row) return Error(Internal("product upsert returned no id"));
  products_[product.sku] = id;
  return id;
}

Result<ProductId> SqliteBulkWriter::EnsureProduct(std::string_view sku, const Product& defaults) {
  std::string key(sku);
  if (auto it = products_.find(key); it != products_.end()) return it->second;
  CENTRIC_ASSIGN_OR_RETURN(auto found, LookUp(find_product_, sku));
  if (found) return products_[key] = *found;
  Product p = defaults;
  p.sku = key;
  CENTRIC_RETURN_IF_ERROR(ValidateProduct(p));
  BindProduct(insert_product_, p, now_);
  CENTRIC_RETURN_IF_ERROR(insert_product_.Run());
  return products_[key] = store_.db().LastInsertRowid();
}

Status SqliteBulkWriter::InsertLines(OrderId order_id, CustomerId customer_id,
                                     int64_t first_line_no, const std::vector<OrderLine>& lines) {
  int64_t line_no = first_line_no;
  for (const auto& l : lines) {
    Statement& st = insert_line_;
    st.Bind(1, order_id).Bind(2, line_no++).Bind(3, customer_id).Bind(4, l.product_id);
    st.Bind(5, l.description).Bind(6, l.quantity).Bind(7, l.unit_price_minor);
    st.Bind(8, l.discount_minor).Bind(9, l.amount_minor);
    Status s = st.Run();
    if (s.code() == StatusCode::kFailedPrecondition) {
      return Status(StatusCode::kNotFound, fmt::format("no product {}", l.product_id), "lines");
    }
    CENTRIC_RETURN_IF_ERROR(s);
  }
  next_line_no_[order_id] = line_no;
  return Status::Ok();
}

Result<OrderId> SqliteBulkWriter::UpsertOrder(const Order& order) {
  CENTRIC_RETURN_IF_ERROR(ValidateOrder(order));
  find_order_.Bind(1, order.customer_id).Bind(2, order.external_id);
  auto row = find_order_.Step();
  std::optional<OrderId> existing;
  if (row && *row) existing = find_order_.Int(0);
  find_order_.Reset();
  if (!row) return Error(row.error());

  Statement& st = existing ? update_order_ : insert_order_;
  st.Bind(1, order.customer_id).Bind(2, order.external_id);
  st.Bind(3, ToUnixSeconds(order.ordered_at)).Bind(4, order.currency);
  st.Bind(5, OrderStatusName(order.status)).Bind(6, order.total_minor);
  st.Bind(7, order.discount_minor);
  if (existing) st.Bind(8, *existing);
  Status s = st.Run();
  if (s.code() == StatusCode::kFailedPrecondition) {
    return Error(Status(StatusCode::kNotFound, fmt::format("no customer {}", order.customer_id),
                        "customer_id"));
  }
  CENTRIC_RETURN_IF_ERROR(s);
  OrderId id = existing ? *existing : store_.db().LastInsertRowid();
  if (existing) {
    delete_lines_.Bind(1, id);
    CENTRIC_RETURN_IF_ERROR(delete_lines_.Run());
  }
  CENTRIC_RETURN_IF_ERROR(InsertLines(id, order.customer_id, 1, order.lines));
  return id;
}

Status SqliteBulkWriter::AppendOrderLines(OrderId order_id, CustomerId customer_id,
                                          const std::vector<OrderLine>& lines) {
  int64_t first = 0;
  if (auto it = next_line_no_.find(order_id); it != next_line_no_.end()) {
    first = it->second;
  } else {
    max_line_.Bind(1, order_id);
    CENTRIC_ASSIGN_OR_RETURN(bool row, max_line_.Step());
    first = (row ? max_line_.Int(0) : 0) + 1;
    max_line_.Reset();
  }
  int64_t total = 0, discount = 0;
  for (const auto& l : lines) {
    total += l.amount_minor;
    discount += l.discount_minor;
  }
  add_totals_.Bind(1, total).Bind(2, discount).Bind(3, order_id).Bind(4, customer_id);
  CENTRIC_RETURN_IF_ERROR(add_totals_.Run());
  if (sqlite3_changes(store_.db().raw()) == 0) {
    return NotFound(fmt::format("no order {} of customer {}", order_id, customer_id));
  }
  return InsertLines(order_id, customer_id, first, lines);
}

Result<InteractionId> SqliteBulkWriter::AddInteraction(const Interaction& interaction) {
  CENTRIC_RETURN_IF_ERROR(ValidateInteraction(interaction));
  Statement& st = insert_interaction_;
  st.Bind(1, interaction.customer_id).Bind(2, interaction.kind).Bind(3, interaction.channel);
  st.Bind(4, ToUnixSeconds(interaction.occurred_at)).Bind(5, interaction.summary);
  st.Bind(6, interaction.details.empty() ? std::string_view("{}") : interaction.details);
  st.Bind(7, interaction.author).Bind(8, now_);
  Status s = st.Run();
  if (s.code() == StatusCode::kFailedPrecondition) {
    return Error(Status(StatusCode::kNotFound,
                        fmt::format("no customer {}", interaction.customer_id), "customer_id"));
  }
  CENTRIC_RETURN_IF_ERROR(s);
  return store_.db().LastInsertRowid();
}

Status SqliteBulkWriter::Commit() {
  if (!open_) return FailedPrecondition("the bulk write is no longer open");
  Status s = RebuildDeferredSearchIndex();
  if (s.ok()) s = store_.db().Exec("COMMIT");
  if (!s.ok()) {
    (void)store_.db().Exec("ROLLBACK");
  }
  open_ = false;
  store_.set_bulk_open(false);
  return s;
}

}  // namespace centric::store::sqlite
