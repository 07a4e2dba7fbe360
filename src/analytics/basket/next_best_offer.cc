// SPDX-License-Identifier: Apache-2.0
#include "analytics/basket/next_best_offer.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

namespace centric::analytics::basket {
namespace {

struct Holding {
  int64_t net = 0;
  bool returned = false;
};

std::map<std::string, Holding> Holdings(const std::vector<PurchaseEvent>& history) {
  std::map<std::string, Holding> out;
  for (const auto& e : history) {
    Holding& h = out[e.item];
    if (e.returned || e.quantity < 0) {
      h.returned = true;
      h.net -= std::abs(e.quantity);
    } else {
      h.net += e.quantity;
    }
  }
  return out;
}

bool Better(const Offer& a, const Offer& b) {
  if (a.score != b.score) return a.score > b.score;
  if (a.strength != b.strength) return a.strength > b.strength;
  return a.item < b.item;
}

}  // namespace

double PriceFit(double unit_price_minor, const CustomerValue& value) {
  if (!value.known || value.tier == "high" || value.expected_spend_minor <= 0 ||
      unit_price_minor <= 0) {
    return 1;
  }
  const double budget = value.expected_spend_minor * (value.tier == "middle" ? 2.0 : 1.0);
  if (unit_price_minor <= budget) return 1;
  const double over = std::log(unit_price_minor / budget);
  return std::exp(-0.5 * over * over);
}

std::vector<std::string> KeptItems(const std::vector<PurchaseEvent>& history) {
  std::vector<std::string> kept;
  for (const auto& [item, h] : Holdings(history)) {
    if (h.net > 0) kept.push_back(item);
  }
  return kept;
}

std::vector<Offer> RankOffers(const std::vector<PurchaseEvent>& history, const OfferContext& context,
                              const CustomerValue& value, size_t limit) {
  const auto holdings = Holdings(history);
  std::unordered_map<std::string, const OfferItem*> known;
  for (const auto& i : context.items) known.emplace(i.item, &i);
  auto name_of = [&](const std::string& item) {
    auto it = known.find(item);
    return it == known.end() || it->second->name.empty() ? item : it->second->name;
  };
  auto price_of = [&](const std::string& item) {
    auto it = known.find(item);
    return it == known.end() ? 0.0 : it->second->unit_price_minor;
  };
  // Everything the customer ever bought or returned is out; only kept items are evidence.
  auto excluded = [&](const std::string& item) { return holdings.count(item) > 0; };
  auto kept = [&](const std::string& item) {
    auto it = holdings.find(item);
    return it != holdings.end() && it->second.net > 0;
  };

  std::map<std::string, Offer> offers;
  for (const auto& n : context.neighbours) {
    if (!kept(n.item) || excluded(n.neighbour)) continue;
    Offer& o = offers[n.neighbour];
    o.item = n.neighbour;
    o.strength += n.similarity;
    // The reason names the kept item with the highest lift: the most telling association.
    if (o.because.empty() || n.lift > o.lift || (n.lift == o.lift && n.item < o.because)) {
      o.because = n.item;
      o.lift = n.lift;
      o.confidence = n.confidence;
    }
  }
  std::vector<Offer> ranked;
  for (auto& [item, o] : offers) {
    o.name = name_of(item);
    o.because_name = name_of(o.because);
    o.price_fit = PriceFit(price_of(item), value);
    o.score = o.strength * o.price_fit;
    ranked.push_back(std::move(o));
  }
  std::sort(ranked.begin(), ranked.end(), Better);
  if (ranked.size() > limit) ranked.resize(limit);

  // Too little evidence: fill up with what most customers buy.
  std::set<std::string> chosen;
  for (const auto& o : ranked) chosen.insert(o.item);
  for (const auto& item : context.popular) {
    if (ranked.size() >= limit) break;
    if (excluded(item) || chosen.count(item)) continue;
    Offer o;
    o.item = item;
    o.name = name_of(item);
    o.reason = Offer::Reason::kPopular;
    auto it = known.find(item);
    o.popularity = it == known.end() || context.customers <= 0
                       ? 0
                       : static_cast<double>(it->second->customers) /
                             static_cast<double>(context.customers);
    o.price_fit = PriceFit(price_of(item), value);
    o.score = 0;  // below every offer backed by the customer's own purchases
    ranked.push_back(std::move(o));
    chosen.insert(item);
  }
  return ranked;
}

}  // namespace centric::analytics::basket
