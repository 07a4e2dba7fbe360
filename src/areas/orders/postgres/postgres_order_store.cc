// SPDX-License-Identifier: Apache-2.0
// The catalogue and orders in the PostgreSQL backend.
#include <fmt/format.h>

#include <optional>

#include "areas/orders/order_store_backends.h"
#include "areas/orders/postgres/pg_order_rows.h"
#include "platform/store/codec.h"
#include "platform/store/postgres/postgres_connection.h"

namespace centric::orders::postgres {

namespace internal = store::internal;
using internal::NowSeconds;
using store::postgres::PostgresConnection;

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

constexpr const char* kLineColumns =
    "l.product_id, p.sku, l.description, l.quantity, l.unit_price_minor, l.discount_minor, "
    "l.amount_minor";

Status MapOrderWriteError(const Status& s, const Order& order) {
  if (s.code() == StatusCode::kFailedPrecondition) {
    return Status(StatusCode::kNotFound, fmt::format("no customer {}", order.customer_id),
                  "customer_id");
  }
  if (s.code() == StatusCode::kAlreadyExists) {
    return AlreadyExists(
        fmt::format("customer {} already has an order '{}'", order.customer_id, order.external_id),
        "external_id");
  }
  return s;
}

Params OrderHeaderParams(const Order& o) {
  Params p;
  p.Add(o.customer_id).Add(o.external_id).Add(ToUnixSeconds(o.ordered_at)).Add(o.currency);
  p.Add(OrderStatusName(o.status)).Add(o.total_minor).Add(o.discount_minor);
  return p;
}

class PostgresOrderStore final : public OrderStore {
 public:
  explicit PostgresOrderStore(PostgresConnection& connection) : connection_(connection) {}

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
  Status InTransaction(const std::function<Status()>& body) {
    return connection_.Transaction(body);
  }
  Status StreamRows(const std::string& sql,
                    const std::function<Status(const PgResult&, int)>& row) {
    return connection_.StreamRows(sql, row);
  }
  Result<Order> ResolveOrderProducts(const Order& order);
  Status WriteOrderLines(OrderId order_id, const Order& order);
  Result<Order> LoadLines(Order order);

  PostgresConnection& connection_;
};

Result<Product> PostgresOrderStore::CreateProduct(const Product& product) {
  CENTRIC_RETURN_IF_ERROR(ValidateProduct(product));
  auto r = connection_.conn().Run(std::string(kProductInsert) + " RETURNING id",
                                  ProductParams(product, NowSeconds()));
  if (!r) {
    if (r.error().code() == StatusCode::kAlreadyExists) {
      return Error(
          AlreadyExists(fmt::format("a product with sku '{}' exists", product.sku), "sku"));
    }
    return Error(r.error());
  }
  return GetProduct(r->Int(0, 0));
}

Result<Product> PostgresOrderStore::GetProduct(ProductId id) {
  CENTRIC_ASSIGN_OR_RETURN(
      auto r,
      connection_.conn().Run(fmt::format("SELECT {} FROM products WHERE id = $1", kProductColumns),
                             Params().Add(id)));
  if (r.rows() == 0) return Error(NotFound(fmt::format("no product {}", id)));
  return ReadProduct(r, 0);
}

Result<Product> PostgresOrderStore::UpdateProduct(const Product& product) {
  CENTRIC_RETURN_IF_ERROR(ValidateProduct(product));
  Params params = ProductParams(product, NowSeconds());
  params.Add(product.id);
  auto r = connection_.conn().Run(
      "UPDATE products SET sku = $1, name = $2, category = $3, currency = $4, "
      "price_minor = $5, unit_cost_minor = $6, updated_at = to_timestamp($7::bigint) "
      "WHERE id = $9 AND $8::bigint IS NOT NULL",
      params);
  if (!r) {
    if (r.error().code() == StatusCode::kAlreadyExists) {
      return Error(
          AlreadyExists(fmt::format("a product with sku '{}' exists", product.sku), "sku"));
    }
    return Error(r.error());
  }
  if (r->affected() == 0) return Error(NotFound(fmt::format("no product {}", product.id)));
  return GetProduct(product.id);
}

Status PostgresOrderStore::DeleteProduct(ProductId id) {
  auto r = connection_.conn().Run("DELETE FROM products WHERE id = $1", Params().Add(id));
  if (!r) {
    if (r.error().code() == StatusCode::kFailedPrecondition) {
      return FailedPrecondition(fmt::format("product {} is on orders and cannot be deleted", id));
    }
    return r.error();
  }
  if (r->affected() == 0) return NotFound(fmt::format("no product {}", id));
  return Status::Ok();
}

Result<Page<Product>> PostgresOrderStore::ListProducts(const ProductFilter& filter) {
  CENTRIC_ASSIGN_OR_RETURN(int64_t after, internal::DecodeIdCursor(filter.page.cursor));
  int limit = internal::ClampLimit(filter.page.limit);
  Params params;
  params.Add(after).Add(int64_t{limit} + 1);
  std::string sql = fmt::format("SELECT {} FROM products WHERE id > $1", kProductColumns);
  if (!filter.category_prefix.empty()) {
    sql += " AND (category = $3 OR starts_with(category, $3 || '/'))";
    params.Add(filter.category_prefix);
  }
  sql += " ORDER BY id LIMIT $2";
  CENTRIC_ASSIGN_OR_RETURN(auto r, connection_.conn().Run(sql, params));
  std::vector<Product> items;
  for (int i = 0; i < r.rows(); ++i) items.push_back(ReadProduct(r, i));
  return Paginate(std::move(items), limit);
}

Status PostgresOrderStore::ScanProducts(const std::function<Status(const Product&)>& visit) {
  return StreamRows(fmt::format("SELECT {} FROM products ORDER BY id", kProductColumns),
                    [&](const PgResult& r, int i) { return visit(ReadProduct(r, i)); });
}

Result<Order> PostgresOrderStore::ResolveOrderProducts(const Order& order) {
  Order resolved = order;
  RecomputeTotals(resolved);
  for (size_t i = 0; i < resolved.lines.size(); ++i) {
    auto& line = resolved.lines[i];
    if (line.product_id > 0) continue;
    CENTRIC_ASSIGN_OR_RETURN(
        auto r,
        connection_.conn().Run("SELECT id FROM products WHERE sku = $1", Params().Add(line.sku)));
    if (r.rows() == 0) {
      return Error(Status(StatusCode::kNotFound,
                          fmt::format("line {}: no product with sku '{}'", i + 1, line.sku),
                          "lines"));
    }
    line.product_id = r.Int(0, 0);
  }
  return resolved;
}

Status PostgresOrderStore::WriteOrderLines(OrderId order_id, const Order& order) {
  int64_t line_no = 0;
  for (const auto& l : order.lines) {
    ++line_no;
    auto r = connection_.conn().Run(
        "INSERT INTO order_lines(customer_id, order_id, line_no, product_id, description, "
        "quantity, unit_price_minor, discount_minor, amount_minor) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        Params()
            .Add(order.customer_id)
            .Add(order_id)
            .Add(line_no)
            .Add(l.product_id)
            .Add(l.description)
            .Add(l.quantity)
            .Add(l.unit_price_minor)
            .Add(l.discount_minor)
            .Add(l.amount_minor));
    if (!r) {
      if (r.error().code() == StatusCode::kFailedPrecondition) {
        return Status(StatusCode::kNotFound,
                      fmt::format("line {}: no product {}", line_no, l.product_id), "lines");
      }
      return r.error();
    }
  }
  return Status::Ok();
}

Result<Order> PostgresOrderStore::CreateOrder(const Order& order) {
  CENTRIC_RETURN_IF_ERROR(ValidateOrder(order));
  OrderId id = 0;
  Status s = InTransaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(Order resolved, ResolveOrderProducts(order));
    auto r = connection_.conn().Run(
        "INSERT INTO orders(customer_id, external_id, ordered_at, currency, status, total_minor, "
        "discount_minor) VALUES ($1, $2, to_timestamp($3::bigint), $4, $5, $6, $7) RETURNING id",
        OrderHeaderParams(resolved));
    if (!r) return MapOrderWriteError(r.error(), order);
    id = r->Int(0, 0);
    return WriteOrderLines(id, resolved);
  });
  if (!s.ok()) return Error(s);
  return GetOrder(id);
}

Result<Order> PostgresOrderStore::LoadLines(Order o) {
  CENTRIC_ASSIGN_OR_RETURN(
      auto lines,
      connection_.conn().Run(
          fmt::format("SELECT {} FROM order_lines l JOIN products p ON p.id = l.product_id "
                      "WHERE l.customer_id = $1 AND l.order_id = $2 ORDER BY l.line_no",
                      kLineColumns),
          Params().Add(o.customer_id).Add(o.id)));
  for (int i = 0; i < lines.rows(); ++i) o.lines.push_back(ReadOrderLine(lines, i, 0));
  return o;
}

Result<Order> PostgresOrderStore::GetOrder(OrderId id) {
  CENTRIC_ASSIGN_OR_RETURN(
      auto r,
      connection_.conn().Run(fmt::format("SELECT {} FROM orders WHERE id = $1", kOrderColumns),
                             Params().Add(id)));
  if (r.rows() == 0) return Error(NotFound(fmt::format("no order {}", id)));
  CENTRIC_ASSIGN_OR_RETURN(Order o, ReadOrderHeader(r, 0));
  return LoadLines(std::move(o));
}

Result<Order> PostgresOrderStore::UpdateOrder(const Order& order) {
  CENTRIC_RETURN_IF_ERROR(ValidateOrder(order));
  Status s = InTransaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(Order resolved, ResolveOrderProducts(order));
    // Lines go first: they reference (customer_id, id), which the update may change.
    CENTRIC_ASSIGN_OR_RETURN(auto del,
                             connection_.conn().Run("DELETE FROM order_lines WHERE order_id = $1",
                                                    Params().Add(resolved.id)));
    (void)del;
    Params params = OrderHeaderParams(resolved);
    params.Add(resolved.id);
    auto r = connection_.conn().Run(
        "UPDATE orders SET customer_id = $1, external_id = $2, ordered_at = "
        "to_timestamp($3::bigint), "
        "currency = $4, status = $5, total_minor = $6, discount_minor = $7 WHERE id = $8",
        params);
    if (!r) return MapOrderWriteError(r.error(), order);
    if (r->affected() == 0) return NotFound(fmt::format("no order {}", order.id));
    return WriteOrderLines(resolved.id, resolved);
  });
  if (!s.ok()) return Error(s);
  return GetOrder(order.id);
}

Status PostgresOrderStore::DeleteOrder(OrderId id) {
  CENTRIC_ASSIGN_OR_RETURN(
      auto r, connection_.conn().Run("DELETE FROM orders WHERE id = $1", Params().Add(id)));
  if (r.affected() == 0) return NotFound(fmt::format("no order {}", id));
  return Status::Ok();
}

Result<Page<Order>> PostgresOrderStore::ListOrders(const OrderFilter& filter) {
  CENTRIC_ASSIGN_OR_RETURN(int64_t after, internal::DecodeIdCursor(filter.page.cursor));
  int limit = internal::ClampLimit(filter.page.limit);
  Params params;
  params.Add(after).Add(int64_t{limit} + 1);
  std::string sql = fmt::format("SELECT {} FROM orders WHERE id > $1", kOrderColumns);
  int n = 2;
  if (filter.customer_id) {
    sql += fmt::format(" AND customer_id = ${}", ++n);
    params.Add(*filter.customer_id);
  }
  if (filter.from) {
    sql += fmt::format(" AND ordered_at >= to_timestamp(${}::bigint)", ++n);
    params.Add(ToUnixSeconds(*filter.from));
  }
  if (filter.to) {
    sql += fmt::format(" AND ordered_at < to_timestamp(${}::bigint)", ++n);
    params.Add(ToUnixSeconds(*filter.to));
  }
  sql += " ORDER BY id LIMIT $2";
  CENTRIC_ASSIGN_OR_RETURN(auto r, connection_.conn().Run(sql, params));
  Page<Order> page;
  for (int i = 0; i < r.rows(); ++i) {
    CENTRIC_ASSIGN_OR_RETURN(Order header, ReadOrderHeader(r, i));
    CENTRIC_ASSIGN_OR_RETURN(Order full, LoadLines(std::move(header)));
    page.items.push_back(std::move(full));
  }
  if (static_cast<int>(page.items.size()) > limit) {
    page.items.pop_back();
    page.next_cursor = internal::EncodeIdCursor(page.items.back().id);
  }
  return page;
}

Status PostgresOrderStore::ScanOrders(const std::function<Status(const Order&)>& visit) {
  std::optional<Order> current;
  Status s = StreamRows(
      fmt::format("SELECT o.id, o.external_id, o.customer_id, "
                  "extract(epoch from o.ordered_at)::bigint, o.currency, o.status, o.total_minor, "
                  "o.discount_minor, {} FROM orders o "
                  "LEFT JOIN order_lines l ON l.customer_id = o.customer_id AND l.order_id = o.id "
                  "LEFT JOIN products p ON p.id = l.product_id ORDER BY o.id, l.line_no",
                  kLineColumns),
      [&](const PgResult& r, int i) -> Status {
        if (!current || current->id != r.Int(i, 0)) {
          if (current) CENTRIC_RETURN_IF_ERROR(visit(*current));
          CENTRIC_ASSIGN_OR_RETURN(Order o, ReadOrderHeader(r, i));
          current = std::move(o);
        }
        if (!r.IsNull(i, 8)) current->lines.push_back(ReadOrderLine(r, i, 8));
        return Status::Ok();
      });
  CENTRIC_RETURN_IF_ERROR(s);
  if (current) return visit(*current);
  return Status::Ok();
}

}  // namespace
}  // namespace centric::orders::postgres

namespace centric::orders {

std::unique_ptr<OrderStore> MakePostgresOrderStore(
    store::postgres::PostgresConnection& connection) {
  return std::make_unique<postgres::PostgresOrderStore>(connection);
}

}  // namespace centric::orders
