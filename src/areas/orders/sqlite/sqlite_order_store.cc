// SPDX-License-Identifier: Apache-2.0
// The catalogue and orders in the SQLite backend.
#include <fmt/format.h>

#include <optional>

#include "areas/orders/order_store_backends.h"
#include "areas/orders/sqlite/sqlite_order_rows.h"
#include "platform/store/codec.h"
#include "platform/store/sqlite/sqlite_connection.h"

namespace centric::orders::sqlite {

namespace internal = store::internal;
using internal::NowSeconds;
using store::sqlite::SqliteConnection;
using store::sqlite::StatementLease;

namespace {

class SqliteOrderStore final : public OrderStore {
 public:
  explicit SqliteOrderStore(SqliteConnection& connection) : conn_(connection) {}

  Result<Product> CreateProduct(const Product& product) override;
  Result<Product> GetProduct(ProductId id) override;
  Result<Product> UpdateProduct(const Product& product) override;
  Status DeleteProduct(ProductId id) override;
  Result<Page<Product>> ListProducts(const ProductFilter& filter) override;
  Status ScanProducts(const std::function<Status(const Product&)>& visit) override;

  Result<Order> CreateOrder(const Order& order) override;
  Result<Order> GetOrder(OrderId id) override;
  Result<Order> UpdateOrder(const Order& order) override;
  Status DeleteOrder(OrderId id) override;
  Result<Page<Order>> ListOrders(const OrderFilter& filter) override;
  Status ScanOrders(const std::function<Status(const Order&)>& visit) override;

 private:
  Status InTransaction(const std::function<Status()>& body) { return conn_.Transaction(body); }
  Result<StatementLease> Cached(const char* sql) { return conn_.Cached(sql); }
  Result<Order> LoadOrder(Statement& header_row);
  Status WriteOrderLines(OrderId order_id, const Order& order);
  Result<Order> ResolveOrderProducts(const Order& order);

  SqliteConnection& conn_;
};

Result<Product> SqliteOrderStore::CreateProduct(const Product& product) {
  CENTRIC_RETURN_IF_ERROR(ValidateProduct(product));
  ProductId id = 0;
  Status s = InTransaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(auto st, Cached(kInsertProductSql));
    BindProduct(*st, product, NowSeconds());
    CENTRIC_RETURN_IF_ERROR(st->Run());
    id = conn_.db().LastInsertRowid();
    return Status::Ok();
  });
  if (s.code() == StatusCode::kAlreadyExists) {
    return Error(AlreadyExists(fmt::format("a product with sku '{}' exists", product.sku), "sku"));
  }
  if (!s.ok()) return Error(s);
  return GetProduct(id);
}

Result<Product> SqliteOrderStore::GetProduct(ProductId id) {
  CENTRIC_ASSIGN_OR_RETURN(auto st,
                           Cached("SELECT " CENTRIC_PRODUCT_COLUMNS " FROM products WHERE id = ?"));
  st->Bind(1, id);
  CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Error(NotFound(fmt::format("no product {}", id)));
  return ReadProduct(*st);
}

Result<Product> SqliteOrderStore::UpdateProduct(const Product& product) {
  CENTRIC_RETURN_IF_ERROR(ValidateProduct(product));
  Status s = InTransaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(
        auto st, Cached("UPDATE products SET sku = ?1, name = ?2, category = ?3, currency = ?4, "
                        "price_minor = ?5, unit_cost_minor = ?6, updated_at = ?7 WHERE id = ?9"));
    BindProduct(*st, product, NowSeconds());
    st->Bind(9, product.id);
    CENTRIC_RETURN_IF_ERROR(st->Run());
    if (sqlite3_changes(conn_.db().raw()) == 0)
      return NotFound(fmt::format("no product {}", product.id));
    return Status::Ok();
  });
  if (s.code() == StatusCode::kAlreadyExists) {
    return Error(AlreadyExists(fmt::format("a product with sku '{}' exists", product.sku), "sku"));
  }
  if (!s.ok()) return Error(s);
  return GetProduct(product.id);
}

Status SqliteOrderStore::DeleteProduct(ProductId id) {
  Status s = InTransaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(auto st, Cached("DELETE FROM products WHERE id = ?"));
    st->Bind(1, id);
    CENTRIC_RETURN_IF_ERROR(st->Run());
    if (sqlite3_changes(conn_.db().raw()) == 0) return NotFound(fmt::format("no product {}", id));
    return Status::Ok();
  });
  if (s.code() == StatusCode::kFailedPrecondition) {
    return FailedPrecondition(fmt::format("product {} is on orders and cannot be deleted", id));
  }
  return s;
}

Result<Page<Product>> SqliteOrderStore::ListProducts(const ProductFilter& filter) {
  CENTRIC_ASSIGN_OR_RETURN(int64_t after, internal::DecodeIdCursor(filter.page.cursor));
  int limit = internal::ClampLimit(filter.page.limit);
  const char* sql = filter.category_prefix.empty()
                        ? "SELECT " CENTRIC_PRODUCT_COLUMNS
                          " FROM products WHERE id > ?1 ORDER BY id LIMIT ?2"
                        : "SELECT " CENTRIC_PRODUCT_COLUMNS
                          " FROM products WHERE id > ?1 AND "
                          "(category = ?3 OR substr(category, 1, length(?3) + 1) = ?3 || '/') "
                          "ORDER BY id LIMIT ?2";
  CENTRIC_ASSIGN_OR_RETURN(auto st, Cached(sql));
  st->Bind(1, after).Bind(2, int64_t{limit} + 1);
  if (!filter.category_prefix.empty()) st->Bind(3, filter.category_prefix);
  Page<Product> page;
  while (true) {
    CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) break;
    page.items.push_back(ReadProduct(*st));
  }
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_cursor = internal::EncodeIdCursor(page.items.back().id);
  }
  return page;
}

Status SqliteOrderStore::ScanProducts(const std::function<Status(const Product&)>& visit) {
  CENTRIC_RETURN_IF_ERROR(conn_.db().Exec("BEGIN"));
  Status status = [&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(Statement st, conn_.db().Prepare("SELECT " CENTRIC_PRODUCT_COLUMNS
                                                              " FROM products ORDER BY id"));
    while (true) {
      CENTRIC_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) return Status::Ok();
      CENTRIC_RETURN_IF_ERROR(visit(ReadProduct(st)));
    }
  }();
  (void)conn_.db().Exec("COMMIT");
  return status;
}

Result<Order> SqliteOrderStore::ResolveOrderProducts(const Order& order) {
  Order resolved = order;
  RecomputeTotals(resolved);
  for (size_t i = 0; i < resolved.lines.size(); ++i) {
    auto& line = resolved.lines[i];
    if (line.product_id > 0) continue;
    CENTRIC_ASSIGN_OR_RETURN(auto st, Cached("SELECT id FROM products WHERE sku = ?"));
    st->Bind(1, line.sku);
    CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) {
      return Error(Status(StatusCode::kNotFound,
                          fmt::format("line {}: no product with sku '{}'", i + 1, line.sku),
                          "lines"));
    }
    line.product_id = st->Int(0);
  }
  return resolved;
}

Status SqliteOrderStore::WriteOrderLines(OrderId order_id, const Order& order) {
  CENTRIC_ASSIGN_OR_RETURN(
      auto st,
      Cached("INSERT INTO order_lines(order_id, line_no, customer_id, product_id, description, "
             "quantity, unit_price_minor, discount_minor, amount_minor) "
             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
  int64_t line_no = 0;
  for (const auto& l : order.lines) {
    st->Bind(1, order_id).Bind(2, ++line_no).Bind(3, order.customer_id).Bind(4, l.product_id);
    st->Bind(5, l.description).Bind(6, l.quantity).Bind(7, l.unit_price_minor);
    st->Bind(8, l.discount_minor).Bind(9, l.amount_minor);
    Status s = st->Run();
    if (s.code() == StatusCode::kFailedPrecondition) {
      return Status(StatusCode::kNotFound,
                    fmt::format("line {}: no product {}", line_no, l.product_id), "lines");
    }
    CENTRIC_RETURN_IF_ERROR(s);
  }
  return Status::Ok();
}

Result<Order> SqliteOrderStore::CreateOrder(const Order& order) {
  CENTRIC_RETURN_IF_ERROR(ValidateOrder(order));
  OrderId id = 0;
  Status s = InTransaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(Order resolved, ResolveOrderProducts(order));
    CENTRIC_ASSIGN_OR_RETURN(
        auto st,
        Cached("INSERT INTO orders(customer_id, external_id, ordered_at, currency, status, "
               "total_minor, discount_minor) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    st->Bind(1, resolved.customer_id).Bind(2, resolved.external_id);
    st->Bind(3, ToUnixSeconds(resolved.ordered_at)).Bind(4, resolved.currency);
    st->Bind(5, OrderStatusName(resolved.status)).Bind(6, resolved.total_minor);
    st->Bind(7, resolved.discount_minor);
    Status insert = st->Run();
    if (insert.code() == StatusCode::kFailedPrecondition) {
      return Status(StatusCode::kNotFound, fmt::format("no customer {}", order.customer_id),
                    "customer_id");
    }
    if (insert.code() == StatusCode::kAlreadyExists) {
      return AlreadyExists(fmt::format("customer {} already has an order '{}'", order.customer_id,
                                       order.external_id),
                           "external_id");
    }
    CENTRIC_RETURN_IF_ERROR(insert);
    id = conn_.db().LastInsertRowid();
    return WriteOrderLines(id, resolved);
  });
  if (!s.ok()) return Error(s);
  return GetOrder(id);
}

Result<Order> SqliteOrderStore::LoadOrder(Statement& header) {
  CENTRIC_ASSIGN_OR_RETURN(Order o, ReadOrderHeader(header));
  CENTRIC_ASSIGN_OR_RETURN(
      auto lines,
      Cached("SELECT l.product_id, p.sku, l.description, l.quantity, l.unit_price_minor, "
             "l.discount_minor, l.amount_minor FROM order_lines l "
             "JOIN products p ON p.id = l.product_id WHERE l.order_id = ? ORDER BY l.line_no"));
  lines->Bind(1, o.id);
  while (true) {
    CENTRIC_ASSIGN_OR_RETURN(bool row, lines->Step());
    if (!row) break;
    o.lines.push_back(ReadOrderLine(*lines, 0));
  }
  return o;
}

Result<Order> SqliteOrderStore::GetOrder(OrderId id) {
  CENTRIC_ASSIGN_OR_RETURN(
      auto st, Cached("SELECT id, external_id, customer_id, ordered_at, currency, status, "
                      "total_minor, discount_minor FROM orders WHERE id = ?"));
  st->Bind(1, id);
  CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Error(NotFound(fmt::format("no order {}", id)));
  return LoadOrder(*st);
}

Result<Order> SqliteOrderStore::UpdateOrder(const Order& order) {
  CENTRIC_RETURN_IF_ERROR(ValidateOrder(order));
  Status s = InTransaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(Order resolved, ResolveOrderProducts(order));
    CENTRIC_ASSIGN_OR_RETURN(
        auto st, Cached("UPDATE orders SET customer_id = ?, external_id = ?, ordered_at = ?, "
                        "currency = ?, status = ?, total_minor = ?, discount_minor = ? "
                        "WHERE id = ?"));
    st->Bind(1, resolved.customer_id).Bind(2, resolved.external_id);
    st->Bind(3, ToUnixSeconds(resolved.ordered_at)).Bind(4, resolved.currency);
    st->Bind(5, OrderStatusName(resolved.status)).Bind(6, resolved.total_minor);
    st->Bind(7, resolved.discount_minor).Bind(8, resolved.id);
    Status update = st->Run();
    if (update.code() == StatusCode::kFailedPrecondition) {
      return Status(StatusCode::kNotFound, fmt::format("no customer {}", order.customer_id),
                    "customer_id");
    }
    if (update.code() == StatusCode::kAlreadyExists) {
      return AlreadyExists(fmt::format("customer {} already has an order '{}'", order.customer_id,
                                       order.external_id),
                           "external_id");
    }
    CENTRIC_RETURN_IF_ERROR(update);
    if (sqlite3_changes(conn_.db().raw()) == 0)
      return NotFound(fmt::format("no order {}", order.id));
    CENTRIC_ASSIGN_OR_RETURN(auto del, Cached("DELETE FROM order_lines WHERE order_id = ?"));
    del->Bind(1, resolved.id);
    CENTRIC_RETURN_IF_ERROR(del->Run());
    return WriteOrderLines(resolved.id, resolved);
  });
  if (!s.ok()) return Error(s);
  return GetOrder(order.id);
}

Status SqliteOrderStore::DeleteOrder(OrderId id) {
  return InTransaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(auto st, Cached("DELETE FROM orders WHERE id = ?"));
    st->Bind(1, id);
    CENTRIC_RETURN_IF_ERROR(st->Run());
    if (sqlite3_changes(conn_.db().raw()) == 0) return NotFound(fmt::format("no order {}", id));
    return Status::Ok();
  });
}

Result<Page<Order>> SqliteOrderStore::ListOrders(const OrderFilter& filter) {
  CENTRIC_ASSIGN_OR_RETURN(int64_t after, internal::DecodeIdCursor(filter.page.cursor));
  int limit = internal::ClampLimit(filter.page.limit);
  std::string sql = fmt::format("SELECT {} FROM orders WHERE id > ?1", kOrderColumns);
  if (filter.customer_id) sql += " AND customer_id = ?2";
  if (filter.from) sql += " AND ordered_at >= ?3";
  if (filter.to) sql += " AND ordered_at < ?4";
  sql += " ORDER BY id LIMIT ?5";
  std::vector<Order> headers;
  {
    CENTRIC_ASSIGN_OR_RETURN(auto st, Cached(sql.c_str()));
    st->Bind(1, after);
    if (filter.customer_id) st->Bind(2, *filter.customer_id);
    if (filter.from) st->Bind(3, ToUnixSeconds(*filter.from));
    if (filter.to) st->Bind(4, ToUnixSeconds(*filter.to));
    st->Bind(5, int64_t{limit} + 1);
    while (true) {
      CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
      if (!row) break;
      CENTRIC_ASSIGN_OR_RETURN(Order o, ReadOrderHeader(*st));
      headers.push_back(std::move(o));
    }
  }
  Page<Order> page;
  for (auto& h : headers) {
    CENTRIC_ASSIGN_OR_RETURN(Order full, GetOrder(h.id));
    page.items.push_back(std::move(full));
  }
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_cursor = internal::EncodeIdCursor(page.items.back().id);
  }
  return page;
}

Status SqliteOrderStore::ScanOrders(const std::function<Status(const Order&)>& visit) {
  CENTRIC_RETURN_IF_ERROR(conn_.db().Exec("BEGIN"));
  Status status = [&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(
        Statement st,
        conn_.db().Prepare("SELECT o.id, o.external_id, o.customer_id, o.ordered_at, o.currency, "
                           "o.status, o.total_minor, o.discount_minor, l.product_id, p.sku, "
                           "l.description, l.quantity, l.unit_price_minor, l.discount_minor, "
                           "l.amount_minor FROM orders o "
                           "LEFT JOIN order_lines l ON l.order_id = o.id "
                           "LEFT JOIN products p ON p.id = l.product_id ORDER BY o.id, l.line_no"));
    std::optional<Order> current;
    while (true) {
      CENTRIC_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      if (!current || current->id != st.Int(0)) {
        if (current) CENTRIC_RETURN_IF_ERROR(visit(*current));
        CENTRIC_ASSIGN_OR_RETURN(Order o, ReadOrderHeader(st));
        current = std::move(o);
      }
      if (!st.IsNull(8)) current->lines.push_back(ReadOrderLine(st, 8));
    }
    if (current) CENTRIC_RETURN_IF_ERROR(visit(*current));
    return Status::Ok();
  }();
  (void)conn_.db().Exec("COMMIT");
  return status;
}

}  // namespace
}  // namespace centric::orders::sqlite

namespace centric::orders {

std::unique_ptr<OrderStore> MakeSqliteOrderStore(store::sqlite::SqliteConnection& connection) {
  return std::make_unique<sqlite::SqliteOrderStore>(connection);
}

}  // namespace centric::orders
