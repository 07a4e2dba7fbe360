// SPDX-License-Identifier: Apache-2.0
#include "demo/buying.h"

#include <algorithm>
#include <cassert>

namespace centric::demo {
namespace {

constexpr size_t kMaxLines = 12;
constexpr int kMaxAnchors = 6;
// Chances of a second and a third unrelated anchor (a one-stop shop's basket often serves
// more than one errand), before the budget forces more.
constexpr double kSecondAnchorChance = 0.15;
constexpr double kThirdAnchorChance = 0.03;
// Another errand starts only while this share of the budget is unspent; smaller remainders
// go to quantities, so the cheapest category does not end up in every basket as filler.
constexpr double kNewErrandShare = 0.4;

class BasketBuilder {
 public:
  BasketBuilder(const Generator::Catalog& catalog, std::span<const double> anchor_weights,
                int64_t budget, Rng& rng)
      : catalog_(catalog),
        anchor_weights_(anchor_weights),
        budget_(budget),
        remaining_(budget),
        rng_(rng) {
    weights_.resize(catalog.anchors.size());
  }

  Basket Build() {
    for (auto [category, probability] : catalog_.impulses) {
      if (rng_.Bernoulli(probability)) AddFrom(category);
    }
    bool anchored = AddAnchor();
    assert(anchored && "budget below MinimumBudget");
    (void)anchored;
    int extra = rng_.Bernoulli(kSecondAnchorChance) + rng_.Bernoulli(kThirdAnchorChance);
    for (int i = 0; i < extra; ++i) {
      if (!AddAnchor()) break;
    }
    for (;;) {
      if (Bump()) continue;
      // A large remainder calls for another errand; a small one for more of what is already
      // in the basket, so the cheapest category does not become everyone's filler.
      bool large = static_cast<double>(remaining_) > kNewErrandShare * static_cast<double>(budget_);
      if (large && AddAnchor()) continue;
      if (!AnyGrowable() && AddAnchor()) continue;
      break;
    }
    if (remaining_ > 0) Overshoot();
    basket_.shortfall_minor = remaining_;
    return std::move(basket_);
  }

 private:
  int64_t Price(int product) const { return catalog_.products[product].price_minor; }

  int MaxQuantity(const BasketLine& line) const {
    return catalog_.categories[catalog_.product_category[line.product]].max_quantity;
  }

  bool AnyGrowable() const {
    for (const auto& line : basket_.lines) {
      if (line.quantity < MaxQuantity(line)) return true;
    }
    return false;
  }

  // Adds one unit of a product of `category` the remaining budget affords, chosen uniformly;
  // false when none is affordable, the product's line is full, or the basket has no room.
  bool AddFrom(int category) {
    const auto& products = catalog_.categories[category].products;  // by ascending price
    size_t affordable = 0;
    while (affordable < products.size() && Price(products[affordable]) <= remaining_) {
      ++affordable;
    }
    if (affordable == 0) return false;
    int product = products[rng_.Below(affordable)];
    for (auto& line : basket_.lines) {
      if (line.product != product) continue;
      if (line.quantity >= MaxQuantity(line)) return false;
      ++line.quantity;
      remaining_ -= Price(product);
      return true;
    }
    if (basket_.lines.size() >= kMaxLines) return false;
    basket_.lines.push_back({product, 1, 0});
    remaining_ -= Price(product);
    return true;
  }

  // Draws an anchor category among those the remainder affords, by the customer's taste
  // times how much of the remainder the category can absorb (a big budget goes to sofas and
  // laptops rather than forty pizzas), then adds its complements.
  bool AddAnchor() {
    if (anchors_ >= kMaxAnchors || basket_.lines.size() >= kMaxLines) return false;
    bool any = false;
    for (size_t i = 0; i < catalog_.anchors.size(); ++i) {
      const auto& category = catalog_.categories[catalog_.anchors[i]];
      double fit = std::min(
          1.0, static_cast<double>(category.capacity_minor) / static_cast<double>(remaining_));
      weights_[i] = category.min_price_minor <= remaining_ ? anchor_weights_[i] * fit : 0.0;
      any = any || weights_[i] > 0;
    }
    if (!any) return false;
    int category = catalog_.anchors[rng_.Pick(weights_)];
    ++anchors_;
    if (!AddFrom(category)) return true;
    for (auto [complement, probability] : catalog_.categories[category].complements) {
      if (rng_.Bernoulli(probability)) AddFrom(complement);
    }
    return true;
  }

  // One more unit of a line the budget affords, chosen uniformly; false when none.
  bool Bump() {
    candidates_.clear();
    for (size_t i = 0; i < basket_.lines.size(); ++i) {
      const auto& line = basket_.lines[i];
      if (line.quantity < MaxQuantity(line) && Price(line.product) <= remaining_) {
        candidates_.push_back(i);
      }
    }
    if (candidates_.empty()) return false;
    auto& line = basket_.lines[candidates_[rng_.Below(candidates_.size())]];
    ++line.quantity;
    remaining_ -= Price(line.product);
    return true;
  }

  // Visits the products not yet in the basket of categories that are, and allow more than
  // one unit: candidates for rounding the basket up without adding a category.
  template <typename F>
  void ForEachSibling(F visit) const {
    if (basket_.lines.size() >= kMaxLines) return;
    for (size_t i = 0; i < basket_.lines.size(); ++i) {
      int category = catalog_.product_category[basket_.lines[i].product];
      const auto& info = catalog_.categories[category];
      if (info.max_quantity <= 1) continue;
      bool seen = false;
      for (size_t j = 0; j < i && !seen; ++j) {
        seen = catalog_.product_category[basket_.lines[j].product] == category;
      }
      if (seen) continue;
      for (int product : info.products) {
        bool in_basket = false;
        for (const auto& line : basket_.lines) in_basket = in_basket || line.product == product;
        if (!in_basket) visit(product);
      }
    }
  }

  // Nothing more fits: one more unit, discounted down to the remainder as a shop's "round-up"
  // promotion would. Every line that may grow costs more than the remainder here. That line
  // is preferred while the discount stays under half its price; otherwise the cheapest unit
  // at or above the remainder, of a line or a sibling product, keeps the discount small.
  void Overshoot() {
    int line_index = -1;
    for (size_t i = 0; i < basket_.lines.size(); ++i) {
      const auto& line = basket_.lines[i];
      if (line.quantity >= MaxQuantity(line)) continue;
      if (line_index < 0 || Price(line.product) < Price(basket_.lines[line_index].product)) {
        line_index = static_cast<int>(i);
      }
    }
    int64_t line_price = line_index >= 0 ? Price(basket_.lines[line_index].product) : INT64_MAX;
    int sibling = -1;
    if (line_index < 0 || 2 * remaining_ < line_price) {
      ForEachSibling([&](int product) {
        if (Price(product) >= remaining_ && Price(product) < line_price &&
            (sibling < 0 || Price(product) < Price(sibling))) {
          sibling = product;
        }
      });
    }
    if (sibling >= 0) {
      basket_.lines.push_back({sibling, 1, Price(sibling) - remaining_});
    } else if (line_index >= 0) {
      ++basket_.lines[line_index].quantity;
      basket_.lines[line_index].discount_minor += line_price - remaining_;
    } else {
      return;
    }
    remaining_ = 0;
  }

  const Generator::Catalog& catalog_;
  std::span<const double> anchor_weights_;
  const int64_t budget_;
  int64_t remaining_;
  Rng& rng_;
  Basket basket_;
  int anchors_ = 0;
  std::vector<double> weights_;
  std::vector<size_t> candidates_;
};

}  // namespace

PurchaseHistory SimulatePurchases(Rng& rng, double lambda, double p, double acquired_week,
                                  double end_week) {
  PurchaseHistory history;
  double t = acquired_week;
  history.weeks.push_back(t);
  for (;;) {
    t += rng.Exponential(lambda);
    if (t >= end_week) break;
    history.weeks.push_back(t);
    if (rng.Bernoulli(p)) {
      history.dropped_out = true;
      break;
    }
  }
  return history;
}

int64_t MinimumBudget(const Generator::Catalog& catalog) {
  return catalog.min_anchor_price_minor + catalog.max_impulse_price_minor;
}

Basket BuildBasket(const Generator::Catalog& catalog, std::span<const double> anchor_weights,
                   int64_t budget_minor, Rng& rng) {
  assert(budget_minor >= MinimumBudget(catalog) && "budget below MinimumBudget");
  return BasketBuilder(catalog, anchor_weights, budget_minor, rng).Build();
}

}  // namespace centric::demo
