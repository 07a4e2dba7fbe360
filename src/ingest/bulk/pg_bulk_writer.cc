// SPDX-License-Identifier: Apache-2.0
#include "ingest/bulk/pg_bulk_writer.h"

#include <fmt/format.h>

#include "areas/customers/postgres/pg_customer_rows.h"
#include "areas/orders/postgres/pg_order_rows.h"
#include "platform/store/codec.h"

namespace centric::store::postgres {

using customers::postgres::CustomerParams;
using customers::postgres::kCustomerInsertColumns;
using customers::postgres::kCustomerValues;
using orders::postgres::kProductInsert;
using orders::postgres::ProductParams;

Result<std::unique_ptr<PgBulkWriter>> PgBulkWriter::Begin(PostgresConnection& store) {
  if (store.bulk_open()) return Error(FailedPrecondition("a bulk write is already open"));
  auto writer = std::unique_ptr<PgBulkWriter>(new PgBulkWriter(store));
  CENTRIC_RETURN_IF_ERROR(store.conn().Exec("BEGIN"));
  store.set_bulk_open(true);
  writer->open_ = true;
  writer->now_ = internal::NowSeconds();
  return writer;
}

PgBulkWriter::~PgBulkWriter() {
  if (open_) {
    (void)conn_.Exec("ROLLBACK");
    store_.set_bulk_open(false);
  }
}

Result<CustomerId> PgBulkWriter::UpsertCustomer(const Customer& customer) {
  CENTRIC_RETURN_IF_ERROR(ValidateCustomer(customer));
  CENTRIC_ASSIGN_OR_RETURN(
      auto r,
      conn_.Run(fmt::format(
                    "INSERT INTO customers({}) VALUES {} ON CONFLICT (external_id) DO UPDATE SET "
                    "name = excluded.name, emails = excluded.emails, phones = excluded.phones, "
                    "preferred_language = excluded.preferred_language, country = excluded.country, "
                    "time_zone = excluded.time_zone, first_seen = excluded.first_seen, "
                    "consent = excluded.consent, tags = excluded.tags, "
                    "attributes = excluded.attributes, account_owner = excluded.account_owner, "
                    "updated_at = excluded.updated_at RETURNING id",
                    kCustomerInsertColumns, kCustomerValues),
                CustomerParams(customer, now_)));
  return customers_[customer.external_id] = r.Int(0, 0);
}

Result<CustomerId> PgBulkWriter::EnsureCustomer(std::string_view external_id,
                                                const Customer& defaults) {
  std::string key(external_id);
  if (auto it = customers_.find(key); it != customers_.end()) return it->second;
  CENTRIC_ASSIGN_OR_RETURN(auto found, conn_.Run("SELECT id FROM customers WHERE external_id = $1",
                                                 Params().Add(external_id)));
  if (found.rows() > 0) return customers_[key] = found.Int(0, 0);
  Customer c = defaults;
  c.external_id = key;
  CENTRIC_RETURN_IF_ERROR(ValidateCustomer(c));
  CENTRIC_ASSIGN_OR_RETURN(auto r,
                           conn_.Run(fmt::format("INSERT INTO customers({}) VALUES {} RETURNING id",
                                                 kCustomerInsertColumns, kCustomerValues),
                                     CustomerParams(c, now_)));
  return customers_[key] = r.Int(0, 0);
}

Result<ProductId> PgBulkWriter::UpsertProduct(const Product& product) {
  CENTRIC_RETURN_IF_ERROR(ValidateProduct(product));
  CENTRIC_ASSIGN_OR_RETURN(
      auto r, conn_.Run(std::string(kProductInsert) +
                            " ON CONFLICT (sku) DO UPDATE SET name = excluded.name, "
                            "category = excluded.category, currency = excluded.currency, "
                            "price_minor = excluded.price_minor, "
                            "unit_cost_minor = excluded.unit_cost_minor, "
                            "updated_at = excluded.updated_at RETURNING id",
                        ProductParams(product, now_)));
  return products_[product.sku] = r.Int(0, 0);
}

Result<ProductId> PgBulkWriter::EnsureProduct(std::string_view sku, const Product& defaults) {
  std::string key(sku);
  if (auto it = products_.find(key); it != products_.end()) return it->second;
  CENTRIC_ASSIGN_OR_RETURN(auto found,
                           conn_.Run("SELECT id FROM products WHERE sku = $1", Params().Add(sku)));
  if (found.rows() > 0) return products_[key] = found.Int(0, 0);
  Product p = defaults;
  p.sku = key;
  CENTRIC_RETURN_IF_ERROR(ValidateProduct(p));
  CENTRIC_ASSIGN_OR_RETURN(
      auto r, conn_.Run(std::string(kProductInsert) + " RETURNING id", ProductParams(p, now_)));
  return products_[key] = r.Int(0, 0);
}

Status PgBulkWriter::InsertLines(OrderId order_id, CustomerId customer_id, int64_t first_line_no,
                                 const std::vector<OrderLine>& lines) {
  int64_t line_no = first_line_no;
  for (const auto& l : lines) {
    auto r = conn_.Run(
        "INSERT INTO order_lines(customer_id, order_id, line_no, product_id, description, "
        "quantity, unit_price_minor, discount_minor, amount_minor) "
        "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        Params()
            .Add(customer_id)
            .Add(order_id)
            .Add(line_no++)
            .Add(l.product_id)
            .Add(l.description)
            .Add(l.quantity)
            .Add(l.unit_price_minor)
            .Add(l.discount_minor)
            .Add(l.amount_minor));
    if (!r) {
      if (r.error().code() == StatusCode::kFailedPrecondition) {
        return Status(StatusCode::kNotFound, fmt::format("no product {}", l.product_id), "lines");
      }
      return r.error();
    }
  }
  next_line_no_[order_id] = line_no;
  return Status::Ok();
}

Result<OrderId> PgBulkWriter::UpsertOrder(const Order& order) {
  CENTRIC_RETURN_IF_ERROR(ValidateOrder(order));
  Params params;
  params.Add(order.customer_id).Add(order.external_id).Add(ToUnixSeconds(order.ordered_at));
  params.Add(order.currency).Add(OrderStatusName(order.status)).Add(order.total_minor);
  params.Add(order.discount_minor);
  // xmax = 0 tells a fresh insert from an update, so lines are only deleted when needed.
  auto r = conn_.Run(
      "INSERT INTO orders(customer_id, external_id, ordered_at, currency, status, total_minor, "
      "discount_minor) VALUES ($1, $2, to_timestamp($3::bigint), $4, $5, $6, $7) "
      "ON CONFLICT (customer_id, external_id) DO UPDATE SET ordered_at = excluded.ordered_at, "
      "currency = excluded.currency, status = excluded.status, "
      "total_minor = excluded.total_minor, discount_minor = excluded.discount_minor "
      "RETURNING id, (xmax = 0)",
      params);
  if (!r) {
    if (r.error().code() == StatusCode::kFailedPrecondition) {
      return Error(Status(StatusCode::kNotFound, fmt::format("no customer {}", order.customer_id),
                          "customer_id"));
    }
    return Error(r.error());
  }
  OrderId id = r->Int(0, 0);
  bool inserted = r->Bool(0, 1);
  if (!inserted) {
    CENTRIC_ASSIGN_OR_RETURN(
        auto del, conn_.Run("DELETE FROM order_lines WHERE customer_id = $1 AND order_id = $2",
                            Params().Add(order.customer_id).Add(id)));
    (void)del;
  }
  CENTRIC_RETURN_IF_ERROR(InsertLines(id, order.customer_id, 1, order.lines));
  return id;
}

Status PgBulkWriter::AppendOrderLines(OrderId order_id, CustomerId customer_id,
                                      const std::vector<OrderLine>& lines) {
  int64_t total = 0, discount = 0;
  for (const auto& l : lines) {
    total += l.amount_minor;
    discount += l.discount_minor;
  }
  CENTRIC_ASSIGN_OR_RETURN(
      auto r, conn_.Run("UPDATE orders SET total_minor = total_minor + $1, "
                        "discount_minor = discount_minor + $2 WHERE customer_id = $3 AND id = $4",
                        Params().Add(total).Add(discount).Add(customer_id).Add(order_id)));
  if (r.affected() == 0) {
    return NotFound(fmt::format("no order {} of customer {}", order_id, customer_id));
  }
  int64_t first = 0;
  if (auto it = next_line_no_.find(order_id); it != next_line_no_.end()) {
    first = it->second;
  } else {
    CENTRIC_ASSIGN_OR_RETURN(auto max,
                             conn_.Run("SELECT coalesce(max(line_no), 0) FROM order_lines "
                                       "WHERE customer_id = $1 AND order_id = $2",
                                       Params().Add(customer_id).Add(order_id)));
    first = max.Int(0, 0) + 1;
  }
  return InsertLines(order_id, customer_id, first, lines);
}

Result<InteractionId> PgBulkWriter::AddInteraction(const Interaction& interaction) {
  CENTRIC_RETURN_IF_ERROR(ValidateInteraction(interaction));
  auto r = conn_.Run(
      "INSERT INTO interactions(customer_id, kind, channel, occurred_at, summary, details, "
      "author, created_at) VALUES ($1, $2, $3, to_timestamp($4::bigint), $5, $6::jsonb, $7, "
      "to_timestamp($8::bigint)) RETURNING id",
      Params()
          .Add(interaction.customer_id)
          .Add(interaction.kind)
          .Add(interaction.channel)
          .Add(ToUnixSeconds(interaction.occurred_at))
          .Add(interaction.summary)
          .Add(interaction.details.empty() ? std::string_view("{}")
                                           : std::string_view(interaction.details))
          .Add(interaction.author)
          .Add(now_));
  if (!r) {
    if (r.error().code() == StatusCode::kFailedPrecondition) {
      return Error(Status(StatusCode::kNotFound,
                          fmt::format("no customer {}", interaction.customer_id), "customer_id"));
    }
    return Error(r.error());
  }
  return r->Int(0, 0);
}

Status PgBulkWriter::Commit() {
  if (!open_) return FailedPrecondition("the bulk write is no longer open");
  Status s = conn_.Exec("COMMIT");
  if (!s.ok()) (void)conn_.Exec("ROLLBACK");
  open_ = false;
  store_.set_bulk_open(false);
  return s;
}

}  // namespace centric::store::postgres
