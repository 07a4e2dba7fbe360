// SPDX-License-Identifier: Apache-2.0
// The next best offer for one customer: items (products or categories) the customer has not
// bought, ranked by how strongly the items they kept point to them (the sum of the item-to-item
// similarities, see neighbours.h) and by how well the item's price fits the customer's service
// tier, each with a human reason ("bought Pizza; buys Pasta 3.2x more often than average").
// Items the customer returned are never offered, and are no evidence either. With no evidence
// at all (a new customer) the most popular items are offered. Rules: docs/basket.md.
// Thread-safe: pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace centric::analytics::basket {

// One line of the customer's history at the offer's level.
struct PurchaseEvent {
  std::string item;
  int64_t quantity = 0;  // negative, or any quantity on a returned order, is a return
  bool returned = false;
};

// What the model knows of one item: its neighbours come apart, in `neighbours`.
struct OfferItem {
  std::string item;
  std::string name;
  int64_t customers = 0;  // customers who bought it
  double unit_price_minor = 0;
};

struct OfferNeighbour {
  std::string item;       // an item the customer may have bought
  std::string neighbour;  // a candidate offer
  double similarity = 0;
  double lift = 0;
  double confidence = 0;
};

// The retention engine's view of the customer, when there is one.
struct CustomerValue {
  bool known = false;
  std::string tier;              // low, middle, high
  double expected_spend_minor = 0;  // per purchase
  double p_alive = 1;
};

struct Offer {
  enum class Reason { kBoughtTogether, kPopular };
  std::string item;
  std::string name;
  double score = 0;      // strength x price fit; comparable within one customer and level
  double strength = 0;   // sum of similarities from the items the customer kept
  double price_fit = 1;  // in (0, 1]
  Reason reason = Reason::kBoughtTogether;
  std::string because;       // the kept item behind the offer (kBoughtTogether)
  std::string because_name;
  double lift = 0;        // of because -> item, or of nothing for kPopular
  double confidence = 0;  // share of because's buyers who bought item
  double popularity = 0;  // share of customers who bought item (kPopular)
};

struct OfferContext {
  std::vector<OfferItem> items;  // the candidates and kept items the model knows
  std::vector<OfferNeighbour> neighbours;
  std::vector<std::string> popular;  // most bought first
  int64_t customers = 0;             // customers in the model, for popularity shares
};

// How well a price suits the tier: 1 up to the customer's usual spend per purchase (twice it
// for the middle tier, any price for the high tier), then falling as a log-normal tail.
double PriceFit(double unit_price_minor, const CustomerValue& value);

// The best `limit` offers, best first (ties: higher strength, then item).
std::vector<Offer> RankOffers(const std::vector<PurchaseEvent>& history, const OfferContext& context,
                              const CustomerValue& value, size_t limit);

// The items the customer still holds (bought, not all returned): the evidence for offers.
std::vector<std::string> KeptItems(const std::vector<PurchaseEvent>& history);

}  // namespace centric::analytics::basket
