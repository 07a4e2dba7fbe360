// SPDX-License-Identifier: Apache-2.0
// Orders from a transaction log: one row per order line. Rows of one invoice usually follow
// each other, so the sink holds one order and writes it when the (invoice, customer) pair
// changes; UpsertOrder replaces an order left by an earlier import, which makes re-imports
// idempotent. An order seen again later in the same file gets its new lines appended. Missing
// customers and products are created on first sight. The store writes happen on the
// OrderWriter's thread; this side only converts and assembles. Rows without a customer id are guest
// orders: skipped, not rejected, since real exports are full of them.
#include <fmt/format.h>

#include "core/money.h"
#include "core/order.h"
#include "ingest/id_map.h"
#include "ingest/order_writer.h"
#include "ingest/row_sink.h"
#include "ingest/values.h"

namespace centric::ingest {
namespace {

using namespace order_field;

// The limits ValidateOrder/ValidateProduct/ValidateCustomer apply, checked per row so the
// error names the row and column instead of failing a whole order.
constexpr size_t kMaxIdBytes = 256;
constexpr size_t kMaxTextBytes = 4096;
constexpr size_t kMaxCountryBytes = 64;

class OrderSink final : public RowSink {
 public:
  OrderSink(BulkWriter& writer, const Mapping& mapping, const ConvertOptions& options)
      : mapping_(mapping), options_(options), writer_(writer) {}

  Result<RowResult> Add(const Row& row) override {
    auto reject = [&](int slot, std::string reason) {
      return RowResult{
          RowOutcome::kRejected,
          RowError{row.line, std::string(mapping_.ColumnName(slot)), std::move(reason)}};
    };
    auto too_long = [&](int slot, size_t limit) {
      return reject(slot, fmt::format("longer than {} bytes", limit));
    };
    const auto& v = row.values;
    std::string_view customer = TrimSpaces(v[kCustomer]);
    if (customer.empty()) {
      return RowResult{
          RowOutcome::kSkipped,
          RowError{row.line, std::string(mapping_.ColumnName(kCustomer)), "no customer id"}};
    }
    if (customer.size() > kMaxIdBytes) return too_long(kCustomer, kMaxIdBytes);
    std::string_view invoice = v[kInvoice];
    if (invoice.empty()) return reject(kInvoice, "is required");
    if (invoice.size() > kMaxIdBytes) return too_long(kInvoice, kMaxIdBytes);
    auto ordered_at = options_.date_format.Parse(TrimSpaces(v[kTimestamp]));
    if (!ordered_at) return reject(kTimestamp, ordered_at.error().message());

    std::string_view currency = TrimSpaces(v[kCurrency]);
    if (currency.empty()) currency = options_.currency;
    if (currency != exponent_currency_) {
      if (!IsCurrencyCode(currency)) {
        return reject(kCurrency, fmt::format("'{}' is not an ISO 4217 code", currency));
      }
      exponent_currency_ = std::string(currency);
      exponent_ = CurrencyExponent(currency);
    }
    OrderStatus status =
        invoice.starts_with(options_.cancel_prefix) && !options_.cancel_prefix.empty()
            ? OrderStatus::kCancelled
            : OrderStatus::kPlaced;
    if (std::string_view s = TrimSpaces(v[kStatus]); !s.empty()) {
      auto parsed = ParseOrderStatus(s);
      if (!parsed) return reject(kStatus, parsed.error().message());
      status = *parsed;
    }
    std::string_view country = TrimSpaces(v[kCountry]);
    if (country.size() > kMaxCountryBytes) return too_long(kCountry, kMaxCountryBytes);

    std::string_view sku = v[kProduct];
    std::string_view quantity_text = TrimSpaces(v[kQuantity]);
    std::string_view price_text = TrimSpaces(v[kPrice]);
    // What `centric export` writes for an order without lines.
    const bool header_only = sku.empty() && quantity_text.empty() && price_text.empty();
    OrderLine line;
    if (!header_only) {
      if (sku.empty()) return reject(kProduct, "is required");
      if (sku.size() > kMaxIdBytes) return too_long(kProduct, kMaxIdBytes);
      if (v[kDescription].size() > kMaxTextBytes) return too_long(kDescription, kMaxTextBytes);
      auto quantity = ParseWholeNumber(quantity_text);
      if (!quantity) return reject(kQuantity, quantity.error().message());
      if (*quantity == 0) return reject(kQuantity, "must not be 0");
      auto price = ParseDecimal(price_text);
      if (!price) return reject(kPrice, price.error().message());
      if (price->mantissa < 0) return reject(kPrice, "must not be negative");
      auto unit = ToMinorUnits(*price, exponent_);
      if (!unit) return reject(kPrice, unit.error().message());
      int64_t discount = 0;
      if (std::string_view d = TrimSpaces(v[kDiscount]); !d.empty()) {
        auto parsed = ParseDecimal(d);
        if (!parsed) return reject(kDiscount, parsed.error().message());
        auto minor = ToMinorUnits(*parsed, exponent_);
        if (!minor) return reject(kDiscount, minor.error().message());
        discount = *minor;
      }
      int64_t amount = 0;
      if (std::string_view a = TrimSpaces(v[kAmount]); !a.empty()) {
        auto parsed = ParseDecimal(a);
        if (!parsed) return reject(kAmount, parsed.error().message());
        auto minor = ToMinorUnits(*parsed, exponent_);
        if (!minor) return reject(kAmount, minor.error().message());
        amount = *minor;
      } else {
        auto gross = MultiplyToMinorUnits(*price, *quantity, exponent_);
        if (!gross) return reject(kPrice, gross.error().message());
        amount = *gross - discount;
      }
      line.quantity = *quantity;
      line.unit_price_minor = *unit;
      line.discount_minor = discount;
      line.amount_minor = amount;
    }
    std::string category;
    if (!header_only && !v[kCategory].empty()) {
      category = NormalizeCategory(v[kCategory]);
      if (category.size() > kMaxIdBytes) return too_long(kCategory, kMaxIdBytes);
    }

    const bool same_order =
        open_ && current_.order.external_id == invoice && current_.customer == customer;
    if (same_order && currency != current_.order.currency) {
      return reject(kCurrency, fmt::format("'{}' differs from the currency of invoice {} ({})",
                                           currency, invoice, current_.order.currency));
    }
    if (!same_order) {
      CENTRIC_RETURN_IF_ERROR(Flush());
      open_ = true;
      current_ = PendingOrder{};
      current_.customer.assign(customer);
      Order& order = current_.order;
      order.external_id.assign(invoice);
      order.ordered_at = *ordered_at;
      order.currency.assign(currency);
      order.status = status;
      if (writing_ && seen_customers_.Find(customer) == nullptr) {
        seen_customers_.Insert(customer, 0);
        Customer& c = batch_.new_customers.emplace_back();
        c.external_id.assign(customer);
        c.country.assign(country);
      }
    }
    if (!header_only) {
      if (writing_ && seen_products_.Find(sku) == nullptr) {
        // A product first seen in an order takes its name, category and price from that line.
        seen_products_.Insert(sku, 0);
        Product& p = batch_.new_products.emplace_back();
        p.sku.assign(sku);
        p.name.assign(v[kDescription]);
        p.category = std::move(category);
        p.currency.assign(currency);
        p.price_minor = line.unit_price_minor;
      }
      line.sku.assign(sku);
      line.description.assign(v[kDescription]);
      current_.order.lines.push_back(std::move(line));
    }
    return RowResult{};
  }

  void StopWriting() override {
    writing_ = false;
    open_ = false;
    batch_ = WriteBatch{};
  }

  Status Finish() override {
    CENTRIC_RETURN_IF_ERROR(Flush());
    if (!writing_) return Status::Ok();
    if (!batch_.orders.empty() || !batch_.new_customers.empty()) {
      CENTRIC_RETURN_IF_ERROR(writer_.Push(std::move(batch_)));
      batch_ = WriteBatch{};
    }
    return writer_.Finish();
  }

  int64_t orders() const override { return orders_; }
  int64_t cancelled_orders() const override { return cancelled_; }

 private:
  // Hands the current order to the writer thread, in batches of about kBatchLines lines.
  Status Flush() {
    if (!open_) return Status::Ok();
    open_ = false;
    if (!writing_) return Status::Ok();
    current_.key.assign(current_.order.external_id);
    current_.key += '\x1f';
    current_.key += current_.customer;
    current_.append = written_.Find(current_.key) != nullptr;
    if (current_.append && current_.order.lines.empty()) return Status::Ok();
    if (!current_.append) {
      written_.Insert(current_.key, 0);
      ++orders_;
      if (current_.order.status == OrderStatus::kCancelled) ++cancelled_;
    }
    RecomputeTotals(current_.order);
    batch_.lines += current_.order.lines.size() + 1;
    batch_.orders.push_back(std::move(current_));
    if (batch_.lines >= kBatchLines) {
      CENTRIC_RETURN_IF_ERROR(writer_.Push(std::move(batch_)));
      batch_ = WriteBatch{};
    }
    return Status::Ok();
  }

  static constexpr size_t kBatchLines = 4096;

  const Mapping& mapping_;
  ConvertOptions options_;
  OrderWriter writer_;
  bool writing_ = true;
  bool open_ = false;
  PendingOrder current_;
  WriteBatch batch_;
  std::string exponent_currency_;
  int exponent_ = 2;
  IdMap seen_customers_;  // external ids handed to the writer
  IdMap seen_products_;   // skus handed to the writer
  IdMap written_;         // keys of orders handed to the writer
  int64_t orders_ = 0;
  int64_t cancelled_ = 0;
};

}  // namespace

std::unique_ptr<RowSink> MakeOrderSink(BulkWriter& writer, const Mapping& mapping,
                                       const ConvertOptions& options) {
  return std::make_unique<OrderSink>(writer, mapping, options);
}

}  // namespace centric::ingest
