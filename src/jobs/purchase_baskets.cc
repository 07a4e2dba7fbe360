// SPDX-License-Identifier: Apache-2.0
#include "jobs/purchase_baskets.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <limits>

#include "jobs/transactions_source.h"

namespace centric::jobs {

Result<BasketSpec> ParseBasketLevel(std::string_view text) {
  BasketSpec spec;
  if (text == "product") {
    spec.level = BasketSpec::Level::kProduct;
    return spec;
  }
  if (text == "category") return spec;
  constexpr std::string_view kCategory = "category:";
  if (text.starts_with(kCategory)) {
    std::string_view digits = text.substr(kCategory.size());
    int depth = 0;
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), depth);
    if (ec == std::errc() && end == digits.data() + digits.size() && depth >= 1) {
      spec.depth = depth;
      return spec;
    }
  }
  return Error(Status(
      StatusCode::kInvalidArgument,
      fmt::format("'{}' is not product, category or category:DEPTH (DEPTH >= 1)", text), "level"));
}

Result<BasketSpec::Per> ParseBasketPer(std::string_view text) {
  if (text == "order") return BasketSpec::Per::kOrder;
  if (text == "customer") return BasketSpec::Per::kCustomer;
  return Error(Status(StatusCode::kInvalidArgument,
                      fmt::format("'{}' is not order or customer", text), "per"));
}

std::string LevelName(const BasketSpec& spec) {
  if (spec.level == BasketSpec::Level::kProduct) return "product";
  return spec.depth == 0 ? "category" : fmt::format("category:{}", spec.depth);
}

std::string ItemOf(const Product& product, const BasketSpec& spec) {
  if (spec.level == BasketSpec::Level::kProduct) return product.sku;
  if (spec.depth == 0) return product.category;
  return std::string(CategoryPrefix(product.category, spec.depth));
}

Result<PurchaseData> LoadPurchases(orders::OrderStore& catalogue,
                                   crosssell::CrossSellStore& store) {
  PurchaseData data;
  // Store ids are dense from 1, so vectors map them to dense indexes without hashing.
  constexpr uint32_t kUnset = std::numeric_limits<uint32_t>::max();
  std::vector<uint32_t> product_index;
  CENTRIC_RETURN_IF_ERROR(catalogue.ScanProducts([&](const Product& p) {
    if (p.id >= static_cast<int64_t>(product_index.size())) {
      product_index.resize(p.id + 1, kUnset);
    }
    product_index[p.id] = static_cast<uint32_t>(data.products.size());
    data.products.push_back(p);
    return Status::Ok();
  }));
  std::vector<uint32_t> customer_index;
  int64_t previous_order = -1;
  int32_t last = std::numeric_limits<int32_t>::min();
  CENTRIC_RETURN_IF_ERROR(store.ScanPurchases([&](const crosssell::PurchaseLine& line) {
    if (line.product_id >= static_cast<int64_t>(product_index.size()) ||
        product_index[line.product_id] == kUnset) {
      return;  // a product created after the product scan: its lines wait for the next run
    }
    if (line.customer_id >= static_cast<int64_t>(customer_index.size())) {
      customer_index.resize(std::max<size_t>(line.customer_id + 1, customer_index.size() * 2),
                            kUnset);
    }
    uint32_t& customer = customer_index[line.customer_id];
    if (customer == kUnset) {
      customer = static_cast<uint32_t>(data.customer_ids.size());
      data.customer_ids.push_back(line.customer_id);
    }
    if (line.order_id != previous_order) {
      ++data.orders;
      previous_order = line.order_id;
    }
    const int32_t day = DayOf(line.ordered_at);
    last = std::max(last, day);
    data.customer.push_back(customer);
    data.order.push_back(data.orders - 1);
    data.day.push_back(day);
    data.product.push_back(product_index[line.product_id]);
    data.quantity.push_back(static_cast<int32_t>(std::clamp<int64_t>(
        line.quantity, std::numeric_limits<int32_t>::min(), std::numeric_limits<int32_t>::max())));
    data.amount_minor.push_back(line.amount_minor);
    data.returned.push_back(line.status == OrderStatus::kReturned || line.quantity < 0);
    data.cancelled.push_back(line.status == OrderStatus::kCancelled);
  }));
  data.last_day = data.lines() ? last : 0;
  return data;
}

Result<analytics::basket::Baskets> BuildBaskets(const PurchaseData& data, const BasketSpec& spec) {
  analytics::basket::ItemDictionary dictionary;
  constexpr uint32_t kNone = std::numeric_limits<uint32_t>::max();
  std::vector<uint32_t> item_of(data.products.size(), kNone);
  for (size_t p = 0; p < data.products.size(); ++p) {
    std::string name = ItemOf(data.products[p], spec);
    if (!name.empty()) item_of[p] = dictionary.Intern(name);
  }
  std::vector<uint64_t> offsets{0};
  std::vector<uint32_t> items;
  const int32_t first_day = spec.window_days > 0 ? data.last_day - spec.window_days + 1
                                                 : std::numeric_limits<int32_t>::min();
  auto usable = [&](size_t line) {
    return data.purchase(line) && data.quantity[line] > 0 && item_of[data.product[line]] != kNone;
  };
  if (spec.per == BasketSpec::Per::kOrder) {
    uint32_t current = kNone;
    for (size_t line = 0; line < data.lines(); ++line) {
      if (data.order[line] != current) {
        if (current != kNone) offsets.push_back(items.size());
        current = data.order[line];
      }
      if (usable(line)) items.push_back(item_of[data.product[line]]);
    }
    if (current != kNone) offsets.push_back(items.size());
  } else {
    // A counting sort of the lines by customer, returns as negative quantities. An item is in
    // the customer's basket when they kept some product of it: returns net out per product, so
    // a returned pasta does not cancel a kept pizza in Food.
    auto counted = [&](size_t line) {
      return !data.cancelled[line] && item_of[data.product[line]] != kNone &&
             data.day[line] >= first_day;
    };
    const size_t customers = data.customer_ids.size();
    std::vector<uint64_t> start(customers + 1, 0);
    for (size_t line = 0; line < data.lines(); ++line) {
      if (counted(line)) ++start[data.customer[line] + 1];
    }
    for (size_t c = 1; c <= customers; ++c) start[c] += start[c - 1];
    std::vector<std::pair<uint32_t, int64_t>> held(start[customers]);
    std::vector<uint64_t> next(start.begin(), start.end() - 1);
    for (size_t line = 0; line < data.lines(); ++line) {
      if (!counted(line)) continue;
      const int64_t units = std::abs(static_cast<int64_t>(data.quantity[line]));
      held[next[data.customer[line]]++] = {data.product[line], usable(line) ? units : -units};
    }
    offsets.assign(1, 0);
    for (size_t c = 0; c < customers; ++c) {
      auto first = held.begin() + static_cast<ptrdiff_t>(start[c]);
      auto last = held.begin() + static_cast<ptrdiff_t>(start[c + 1]);
      std::sort(first, last);
      for (auto it = first; it != last;) {
        const uint32_t product = it->first;
        int64_t net = 0;
        for (; it != last && it->first == product; ++it) net += it->second;
        if (net > 0) items.push_back(item_of[product]);  // repeats are dropped by Build
      }
      offsets.push_back(items.size());
    }
  }
  return analytics::basket::Baskets::Build(std::move(offsets), std::move(items),
                                           std::move(dictionary));
}

}  // namespace centric::jobs
