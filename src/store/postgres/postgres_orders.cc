// SPDX-License-Identifier: Apache-2.0
// Orders, interactions and the merged timeline of the PostgreSQL backend.
#include <fmt/format.h>

#include <climits>

#include "platform/store/codec.h"
#include "store/postgres/pg_rows.h"
#include "store/postgres/postgres_store.h"

namespace centric::store::postgres {

using internal::NowSeconds;

namespace {

constexpr const char* kLineColumns =
    "l.product_id, p.sku, l.description, l.quantity, l.unit_price_minor, l.discount_minor, "
    "l.amount_minor";

Status MapOrderWriteError(const Status& s, const Order& order) {
  if (s.code() == StatusCode::kFailedPrecondition) {
    return Status(StatusCode::kNotFound, fmt::format("no customer {}", order.customer_id),
                  "customer_id");
  }
  if (s.code() == StatusCode::kAlreadyExists) {
    return AlreadyExists(fmt::format("customer {} already has an order '{}'", order.customer_id,
                                     order.external_id),
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

}  // namespace

Result<Order> PostgresStore::ResolveOrderProducts(const Order& order) {
  Order resolved = order;
  RecomputeTotals(resolved);
  for (size_t i = 0; i < resolved.lines.size(); ++i) {
    auto& line = resolved.lines[i];
    if (line.product_id > 0) continue;
    CENTRIC_ASSIGN_OR_RETURN(auto r, connection_.conn().Run("SELECT id FROM products WHERE sku = $1",
                                                Params().Add(line.sku)));
    if (r.rows() == 0) {
      return Error(Status(StatusCode::kNotFound,
                          fmt::format("line {}: no product with sku '{}'", i + 1, line.sku),
                          "lines"));
    }
    line.product_id = r.Int(0, 0);
  }
  return resolved;
}

Status PostgresStore::WriteOrderLines(OrderId order_id, const Order& order) {
  int64_t line_no = 0;
  for (const auto& l : order.lines) {
    ++line_no;
    auto r = connection_.conn().Run(
        "INSERT INTO order_lines(customer_id, order_id, line_no, product_id, description, "
        "quantity, unit_price_minor, discount_minor, amount_minor) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        Params().Add(order.customer_id).Add(order_id).Add(line_no).Add(l.product_id)
            .Add(l.description).Add(l.quantity).Add(l.unit_price_minor).Add(l.discount_minor)
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

Result<Order> PostgresStore::CreateOrder(const Order& order) {
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

Result<Order> PostgresStore::LoadLines(Order o) {
  CENTRIC_ASSIGN_OR_RETURN(
      auto lines,
      connection_.conn().Run(fmt::format("SELECT {} FROM order_lines l JOIN products p ON p.id = l.product_id "
                             "WHERE l.customer_id = $1 AND l.order_id = $2 ORDER BY l.line_no",
                             kLineColumns),
                 Params().Add(o.customer_id).Add(o.id)));
  for (int i = 0; i < lines.rows(); ++i) o.lines.push_back(ReadOrderLine(lines, i, 0));
  return o;
}

Result<Order> PostgresStore::GetOrder(OrderId id) {
  CENTRIC_ASSIGN_OR_RETURN(
      auto r, connection_.conn().Run(fmt::format("SELECT {} FROM orders WHERE id = $1", kOrderColumns),
                         Params().Add(id)));
  if (r.rows() == 0) return Error(NotFound(fmt::format("no order {}", id)));
  CENTRIC_ASSIGN_OR_RETURN(Order o, ReadOrderHeader(r, 0));
  return LoadLines(std::move(o));
}

Result<Order> PostgresStore::UpdateOrder(const Order& order) {
  CENTRIC_RETURN_IF_ERROR(ValidateOrder(order));
  Status s = InTransaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(Order resolved, ResolveOrderProducts(order));
    // Lines go first: they reference (customer_id, id), which the update may change.
    CENTRIC_ASSIGN_OR_RETURN(auto del, connection_.conn().Run("DELETE FROM order_lines WHERE order_id = $1",
                                                  Params().Add(resolved.id)));
    (void)del;
    Params params = OrderHeaderParams(resolved);
    params.Add(resolved.id);
    auto r = connection_.conn().Run(
        "UPDATE orders SET customer_id = $1, external_id = $2, ordered_at = to_timestamp($3::bigint), "
        "currency = $4, status = $5, total_minor = $6, discount_minor = $7 WHERE id = $8",
        params);
    if (!r) return MapOrderWriteError(r.error(), order);
    if (r->affected() == 0) return NotFound(fmt::format("no order {}", order.id));
    return WriteOrderLines(resolved.id, resolved);
  });
  if (!s.ok()) return Error(s);
  return GetOrder(order.id);
}

Status PostgresStore::DeleteOrder(OrderId id) {
  CENTRIC_ASSIGN_OR_RETURN(auto r, connection_.conn().Run("DELETE FROM orders WHERE id = $1", Params().Add(id)));
  if (r.affected() == 0) return NotFound(fmt::format("no order {}", id));
  return Status::Ok();
}

Result<Page<Order>> PostgresStore::ListOrders(const OrderFilter& filter) {
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

Status PostgresStore::ScanOrders(const std::function<Status(const Order&)>& visit) {
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

// ---- interactions

namespace {
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
}  // namespace

Result<Interaction> PostgresStore::CreateInteraction(const Interaction& interaction) {
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

Result<Interaction> PostgresStore::GetInteraction(InteractionId id) {
  CENTRIC_ASSIGN_OR_RETURN(
      auto r, connection_.conn().Run(fmt::format("SELECT {} FROM interactions WHERE id = $1", kInteractionColumns),
                         Params().Add(id)));
  if (r.rows() == 0) return Error(NotFound(fmt::format("no interaction {}", id)));
  return ReadInteraction(r, 0);
}

Result<Interaction> PostgresStore::UpdateInteraction(const Interaction& interaction) {
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

Status PostgresStore::DeleteInteraction(InteractionId id) {
  CENTRIC_ASSIGN_OR_RETURN(auto r,
                           connection_.conn().Run("DELETE FROM interactions WHERE id = $1", Params().Add(id)));
  if (r.affected() == 0) return NotFound(fmt::format("no interaction {}", id));
  return Status::Ok();
}

Result<Page<Interaction>> PostgresStore::ListInteractions(const InteractionFilter& filter) {
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

Result<Page<TimelineEvent>> PostgresStore::Timeline(CustomerId customer_id,
                                                     const PageRequest& request) {
  internal::TimelinePosition before{INT64_MAX / 2, 1, INT64_MAX};
  if (!request.cursor.empty()) {
    CENTRIC_ASSIGN_OR_RETURN(before, internal::DecodeTimelineCursor(request.cursor));
  }
  int limit = internal::ClampLimit(request.limit);
  CENTRIC_ASSIGN_OR_RETURN(auto exists, connection_.conn().Run("SELECT 1 FROM customers WHERE id = $1",
                                                   Params().Add(customer_id)));
  if (exists.rows() == 0) return Error(NotFound(fmt::format("no customer {}", customer_id)));
  // Both branches read their (customer_id, time) index newest first and stop at the limit.
  CENTRIC_ASSIGN_OR_RETURN(
      auto r,
      connection_.conn().Run(
          "SELECT at, rank, id, kind, channel, summary, amount, currency FROM ("
          " (SELECT extract(epoch from ordered_at)::bigint AS at, 0 AS rank, id, status AS kind, "
          "   '' AS channel, external_id AS summary, total_minor AS amount, currency "
          "  FROM orders WHERE customer_id = $1 "
          "   AND (extract(epoch from ordered_at)::bigint, 0, id) < ($2::bigint, $3::int, $4::bigint) "
          "  ORDER BY ordered_at DESC, id DESC LIMIT $5)"
          " UNION ALL "
          " (SELECT extract(epoch from occurred_at)::bigint, 1, id, kind, channel, summary, 0, '' "
          "  FROM interactions WHERE customer_id = $1 "
          "   AND (extract(epoch from occurred_at)::bigint, 1, id) < ($2::bigint, $3::int, $4::bigint) "
          "  ORDER BY occurred_at DESC, id DESC LIMIT $5)"
          ") t ORDER BY at DESC, rank DESC, id DESC LIMIT $5",
          Params().Add(customer_id).Add(before.at).Add(int64_t{before.rank}).Add(before.id)
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

}  // namespace centric::store::postgres
