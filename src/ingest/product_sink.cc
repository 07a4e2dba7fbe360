// SPDX-License-Identifier: Apache-2.0
// Products: one row per product, upserted by sku. Prices are decimal text in the product's
// currency, stored as integer minor units rounded once (half away from zero).
#include <fmt/format.h>

#include "core/money.h"
#include "core/product.h"
#include "ingest/id_map.h"
#include "ingest/row_sink.h"
#include "ingest/values.h"

namespace centric::ingest {
namespace {

using namespace product_field;

int SlotOfProductField(std::string_view field) {
  if (field == "sku") return kSku;
  if (field == "name") return kName;
  if (field == "category") return kCategory;
  if (field == "currency") return kCurrency;
  if (field == "price") return kPrice;
  if (field == "unit_cost") return kUnitCost;
  return -1;
}

class ProductSink final : public RowSink {
 public:
  ProductSink(BulkWriter& writer, const Mapping& mapping, const ConvertOptions& options)
      : writer_(writer), mapping_(mapping), options_(options) {}

  Result<RowResult> Add(const Row& row) override {
    auto reject = [&](int slot, std::string reason) {
      return RowResult{
          RowOutcome::kRejected,
          RowError{row.line, std::string(mapping_.ColumnName(slot)), std::move(reason)}};
    };
    std::string_view sku = row.values[kSku];
    if (sku.empty()) return reject(kSku, "is required");
    Product p;
    p.sku = std::string(sku);
    p.name = std::string(row.values[kName]);
    p.category = NormalizeCategory(row.values[kCategory]);
    std::string_view currency = TrimSpaces(row.values[kCurrency]);
    p.currency = std::string(currency.empty() ? std::string_view(options_.currency) : currency);
    if (!IsCurrencyCode(p.currency)) {
      return reject(kCurrency, fmt::format("'{}' is not an ISO 4217 code", p.currency));
    }
    const int exponent = CurrencyExponent(p.currency);
    for (auto [slot, into] :
         {std::pair{kPrice, &p.price_minor}, std::pair{kUnitCost, &p.unit_cost_minor}}) {
      std::string_view text = TrimSpaces(row.values[slot]);
      if (text.empty()) continue;
      auto decimal = ParseDecimal(text);
      if (!decimal) return reject(slot, decimal.error().message());
      auto minor = ToMinorUnits(*decimal, exponent);
      if (!minor) return reject(slot, minor.error().message());
      *into = *minor;
    }
    if (Status s = ValidateProduct(p); !s.ok()) {
      int slot = SlotOfProductField(s.field());
      return reject(slot >= 0 ? slot : kSku, s.message());
    }
    if (const int64_t* first = first_line_.Find(p.sku)) {
      return reject(kSku, fmt::format("duplicate sku '{}' (first on line {})", sku, *first));
    }
    first_line_.Insert(p.sku, row.line);
    if (writing_) {
      auto id = writer_.UpsertProduct(p);
      if (!id) return Error(id.error());
    }
    return RowResult{};
  }

  void StopWriting() override { writing_ = false; }
  Status Finish() override { return Status::Ok(); }

 private:
  BulkWriter& writer_;
  const Mapping& mapping_;
  ConvertOptions options_;
  bool writing_ = true;
  IdMap first_line_;  // id -> line it was first imported from
};

}  // namespace

std::unique_ptr<RowSink> MakeProductSink(BulkWriter& writer, const Mapping& mapping,
                                         const ConvertOptions& options) {
  return std::make_unique<ProductSink>(writer, mapping, options);
}

}  // namespace centric::ingest
