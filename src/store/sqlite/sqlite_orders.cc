// SPDX-License-Identifier: Apache-2.0
// Orders, interactions and the merged timeline of the SQLite backend.
#include <fmt/format.h>

#include <climits>

#include "platform/store/codec.h"
#include "store/sqlite/sqlite_store.h"

namespace centric::store::sqlite {

using internal::NowSeconds;

namespace {

constexpr const char* kOrderColumns =
    "id, external_id, customer_id, ordered_at, currency, status, total_minor, discount_minor";

Result<Order> ReadOrderHeader(const Statement& st, int first = 0) {
  Order o;
  o.id = st.Int(first);
  o.external_id = st.String(first + 1);
  o.customer_id = st.Int(first + 2);
  o.ordered_at = FromUnixSeconds(st.Int(first + 3));
  o.currency = st.String(first + 4);
  CENTRIC_ASSIGN_OR_RETURN(o.status, ParseOrderStatus(st.Text(first + 5)));
  o.total_minor = st.Int(first + 6);
  o.discount_minor = st.Int(first + 7);
  return o;
}

OrderLine ReadOrderLine(const Statement& st, int first) {
  OrderLine l;
  l.product_id = st.Int(first);
  l.sku = st.String(first + 1);
  l.description = st.String(first + 2);
  l.quantity = st.Int(first + 3);
  l.unit_price_minor = st.Int(first + 4);
  l.discount_minor = st.Int(first + 5);
  l.amount_minor = st.Int(first + 6);
  return l;
}

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

}  // namespace

Result<Order> SqliteStore::ResolveOrderProducts(const Order& order) {
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

Status SqliteStore::WriteOrderLines(OrderId order_id, const Order& order) {
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

Result<Order> SqliteStore::CreateOrder(const Order& order) {
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
      return AlreadyExists(fmt::format("customer {} already has an order '{}'",
                                       order.customer_id, order.external_id),
                           "external_id");
    }
    CENTRIC_RETURN_IF_ERROR(insert);
    id = conn_.db().LastInsertRowid();
    return WriteOrderLines(id, resolved);
  });
  if (!s.ok()) return Error(s);
  return GetOrder(id);
}

Result<Order> SqliteStore::LoadOrder(Statement& header) {
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

Result<Order> SqliteStore::GetOrder(OrderId id) {
  CENTRIC_ASSIGN_OR_RETURN(
      auto st, Cached("SELECT id, external_id, customer_id, ordered_at, currency, status, "
                      "total_minor, discount_minor FROM orders WHERE id = ?"));
  st->Bind(1, id);
  CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Error(NotFound(fmt::format("no order {}", id)));
  return LoadOrder(*st);
}

Result<Order> SqliteStore::UpdateOrder(const Order& order) {
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
      return AlreadyExists(fmt::format("customer {} already has an order '{}'",
                                       order.customer_id, order.external_id),
                           "external_id");
    }
    CENTRIC_RETURN_IF_ERROR(update);
    if (sqlite3_changes(conn_.db().raw()) == 0) return NotFound(fmt::format("no order {}", order.id));
    CENTRIC_ASSIGN_OR_RETURN(auto del, Cached("DELETE FROM order_lines WHERE order_id = ?"));
    del->Bind(1, resolved.id);
    CENTRIC_RETURN_IF_ERROR(del->Run());
    return WriteOrderLines(resolved.id, resolved);
  });
  if (!s.ok()) return Error(s);
  return GetOrder(order.id);
}

Status SqliteStore::DeleteOrder(OrderId id) {
  return InTransaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(auto st, Cached("DELETE FROM orders WHERE id = ?"));
    st->Bind(1, id);
    CENTRIC_RETURN_IF_ERROR(st->Run());
    if (sqlite3_changes(conn_.db().raw()) == 0) return NotFound(fmt::format("no order {}", id));
    return Status::Ok();
  });
}

Result<Page<Order>> SqliteStore::ListOrders(const OrderFilter& filter) {
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

Status SqliteStore::ScanOrders(const std::function<Status(const Order&)>& visit) {
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

// ---- interactions

Result<Interaction> SqliteStore::CreateInteraction(const Interaction& interaction) {
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
      return Status(StatusCode::kNotFound,
                    fmt::format("no customer {}", interaction.customer_id), "customer_id");
    }
    CENTRIC_RETURN_IF_ERROR(insert);
    id = conn_.db().LastInsertRowid();
    return Status::Ok();
  });
  if (!s.ok()) return Error(s);
  return GetInteraction(id);
}

Result<Interaction> SqliteStore::GetInteraction(InteractionId id) {
  CENTRIC_ASSIGN_OR_RETURN(
      auto st, Cached("SELECT id, customer_id, kind, channel, occurred_at, summary, details, "
                      "author, created_at FROM interactions WHERE id = ?"));
  st->Bind(1, id);
  CENTRIC_ASSIGN_OR_RETURN(bool row, st->Step());
  if (!row) return Error(NotFound(fmt::format("no interaction {}", id)));
  return ReadInteraction(*st);
}

Result<Interaction> SqliteStore::UpdateInteraction(const Interaction& interaction) {
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
      return Status(StatusCode::kNotFound,
                    fmt::format("no customer {}", interaction.customer_id), "customer_id");
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

Status SqliteStore::DeleteInteraction(InteractionId id) {
  return InTransaction([&]() -> Status {
    CENTRIC_ASSIGN_OR_RETURN(auto st, Cached("DELETE FROM interactions WHERE id = ?"));
    st->Bind(1, id);
    CENTRIC_RETURN_IF_ERROR(st->Run());
    if (sqlite3_changes(conn_.db().raw()) == 0) return NotFound(fmt::format("no interaction {}", id));
    return Status::Ok();
  });
}

Result<Page<Interaction>> SqliteStore::ListInteractions(const InteractionFilter& filter) {
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

Result<Page<TimelineEvent>> SqliteStore::Timeline(CustomerId customer_id,
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

}  // namespace centric::store::sqlite
