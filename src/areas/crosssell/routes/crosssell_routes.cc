// SPDX-License-Identifier: Apache-2.0
// Cross-selling: /api/v1/customers/{id}/recommendations (the next best offers, computed per
// request from the customer's orders and the saved item neighbours), and the saved model's
// /api/v1/analytics/basket/rules and /api/v1/analytics/categories. Reads only.
#include "areas/crosssell/routes/crosssell_routes.h"

#include <fmt/format.h>

#include <boost/json.hpp>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

#include "analytics/basket/next_best_offer.h"
#include "api/routes/route_util.h"

namespace centric::crosssell {
namespace {

using namespace ::centric::api;  // NOLINT: these handlers are written against the HTTP layer

namespace json = boost::json;
namespace basket = analytics::basket;

constexpr const char* kNoModel =
    "no cross-sell model yet: run `centric analyze` (or import orders into an analysed store)";

Status NoModelIsNotFound(const Status& status) {
  return status.code() == StatusCode::kNotFound ? NotFound(kNoModel) : status;
}

// JSON has no infinity: a rule that never fails has conviction null.
json::value Finite(double x) { return std::isfinite(x) ? json::value(x) : json::value(nullptr); }

// The last part of a category path reads best in a sentence: "Food/Pizza" -> "Pizza".
std::string ShortName(const std::string& level, const std::string& name) {
  if (level != "category") return name;
  const size_t slash = name.rfind('/');
  return slash == std::string::npos ? name : name.substr(slash + 1);
}

json::object OfferJson(const std::string& level, const basket::Offer& o) {
  json::object reason;
  std::string text;
  if (o.reason == basket::Offer::Reason::kBoughtTogether) {
    reason = {{"kind", "bought_together"},
              {"because", o.because},
              {"because_name", o.because_name},
              {"lift", o.lift},
              {"confidence", o.confidence}};
    text = fmt::format("bought {}; buys {} {:.1f}\u00d7 more often than average",
                       ShortName(level, o.because_name), ShortName(level, o.name), o.lift);
  } else {
    reason = {{"kind", "popular"}};
    text = fmt::format("{} is among the most bought", ShortName(level, o.name));
  }
  return {{"level", level},
          {"item", o.item},
          {"name", o.name},
          {"score", o.score},
          {"strength", o.strength},
          {"price_fit", o.price_fit},
          {"lift", o.lift},
          {"confidence", o.confidence},
          {"reason", std::move(reason)},
          {"text", std::move(text)}};
}

// The customer's history at one level: skus, or whole category paths. Cancelled orders are
// not purchases; a returned order or a negative quantity is a return. Returns net out per
// product first, so a returned pasta does not cancel a kept pizza of the same category.
std::vector<basket::PurchaseEvent> History(const std::vector<PurchaseLine>& lines,
                                           const std::string& level) {
  struct Held {
    std::string item;
    int64_t net = 0;
    bool returned = false;
  };
  std::map<ProductId, Held> products;
  for (const auto& l : lines) {
    if (l.status == OrderStatus::kCancelled) continue;
    Held& held = products[l.product_id];
    held.item = level == "product" ? l.sku : l.category;
    if (l.status == OrderStatus::kReturned || l.quantity < 0) {
      held.net -= std::abs(l.quantity);
      held.returned = true;
    } else {
      held.net += l.quantity;
    }
  }
  std::vector<basket::PurchaseEvent> out;
  for (const auto& [id, held] : products) {
    if (held.item.empty()) continue;
    out.push_back({held.item, std::max<int64_t>(held.net, 0), false});
    if (held.returned) out.push_back({held.item, 0, true});
  }
  return out;
}

struct LevelOffers {
  std::vector<basket::Offer> offers;
  int64_t run_id = 0;
  int64_t offered = 0;
  std::vector<std::string> kept;
};

Result<LevelOffers> OffersAt(Services& services, const std::string& level,
                             const std::vector<PurchaseLine>& lines,
                             const basket::CustomerValue& value, size_t limit) {
  LevelOffers out;
  const auto history = History(lines, level);
  out.kept = basket::KeptItems(history);
  // Popular items fill up when the evidence is thin; ask for enough to skip the bought ones.
  std::set<std::string> touched;
  for (const auto& e : history) touched.insert(e.item);
  auto slice = services.stores.crosssell().CrossSellNeighbours(
      level, out.kept, static_cast<int>(limit + touched.size()));
  if (!slice) return Error(NoModelIsNotFound(slice.error()));
  basket::OfferContext context;
  for (auto& item : slice->items) {
    context.items.push_back({item.item, item.name, item.customers, item.unit_price_minor});
  }
  for (auto& n : slice->neighbours) {
    context.neighbours.push_back({n.item, n.neighbour, n.similarity, n.lift, n.confidence});
  }
  context.popular = std::move(slice->popular);
  out.offers = basket::RankOffers(history, context, value, limit);
  out.run_id = slice->run_id;
  out.offered = slice->offered;
  return out;
}

Response Recommendations(const Request& request, Services& services) {
  auto id = IdParam(request);
  if (!id) return ErrorResponse(id.error());
  QueryReader query(request.query);
  const size_t limit = static_cast<size_t>(query.Int("limit", 5, 1, 50));
  const std::string level = query.String("level", "all");
  if (Status s = query.Finish(); !s.ok()) return ErrorResponse(s);
  if (level != "all" && level != "category" && level != "product") {
    return ErrorResponse(InvalidArgument("must be all, category or product", "level"));
  }
  auto customer = services.stores.customers().GetCustomer(*id);
  if (!customer) return ErrorResponse(customer.error());
  auto lines = services.stores.crosssell().CustomerPurchases(*id);
  if (!lines) return ErrorResponse(lines.error());

  basket::CustomerValue value;
  json::value tier = nullptr, service_level = nullptr;
  if (auto prediction = services.stores.retention().GetPrediction(*id)) {
    value = {.known = true,
             .tier = prediction->tier,
             .expected_spend_minor = prediction->expected_spend,
             .p_alive = prediction->p_alive};
    tier = json::value(prediction->tier);
    service_level = json::value(prediction->service_level);
  } else if (prediction.error().code() != StatusCode::kNotFound) {
    return ErrorResponse(prediction.error());
  }

  json::array offers;
  json::object coverage;
  int64_t run_id = 0;
  for (const char* at : {"category", "product"}) {
    const bool wanted = level == "all" || level == at;
    // The category level is read for coverage even when only products are asked for.
    if (!wanted && std::string_view(at) != "category") continue;
    auto got = OffersAt(services, at, *lines, value, limit);
    if (!got) return ErrorResponse(got.error());
    run_id = got->run_id;
    if (std::string_view(at) == "category") {
      json::array bought;
      for (const auto& item : got->kept) bought.push_back(json::value(item));
      coverage = {{"bought", std::move(bought)}, {"offered", got->offered}};
    }
    if (!wanted) continue;
    for (const auto& o : got->offers) offers.push_back(OfferJson(at, o));
  }
  return JsonResponse(200, json::object{{"customer_id", *id},
                                        {"run_id", run_id},
                                        {"tier", tier},
                                        {"service_level", service_level},
                                        {"offers", std::move(offers)},
                                        {"coverage", std::move(coverage)}});
}

Response Rules(const Request& request, Services& services) {
  QueryReader query(request.query);
  RuleQuery rules_query;
  rules_query.level = query.String("level", "category");
  rules_query.min_confidence = query.Double("min_confidence", 0, 0, 1);
  rules_query.min_lift = query.Double("min_lift", 0, 0, 1e12);
  rules_query.antecedent = query.String("antecedent");
  rules_query.limit = static_cast<int>(query.Int("limit", 50, 1, store::kMaxPageSize));
  if (Status s = query.Finish(); !s.ok()) return ErrorResponse(s);
  if (rules_query.level != "category" && rules_query.level != "product") {
    return ErrorResponse(InvalidArgument("must be category or product", "level"));
  }
  auto run = services.stores.crosssell().LatestCrossSell();
  if (!run) return ErrorResponse(NoModelIsNotFound(run.error()));
  auto rules = services.stores.crosssell().ListCrossSellRules(rules_query);
  if (!rules) return ErrorResponse(NoModelIsNotFound(rules.error()));
  json::array out;
  for (const auto& r : *rules) {
    json::array antecedent, consequent;
    for (const auto& item : r.antecedent) antecedent.push_back(json::value(item));
    for (const auto& item : r.consequent) consequent.push_back(json::value(item));
    out.push_back(json::object{{"antecedent", std::move(antecedent)},
                               {"consequent", std::move(consequent)},
                               {"count", r.count},
                               {"antecedent_count", r.antecedent_count},
                               {"consequent_count", r.consequent_count},
                               {"support", r.support},
                               {"confidence", r.confidence},
                               {"lift", r.lift},
                               {"leverage", r.leverage},
                               {"conviction", Finite(r.conviction)}});
  }
  return JsonResponse(200, json::object{{"run_id", run->id},
                                        {"created_at", FormatIso8601(run->created_at)},
                                        {"level", rules_query.level},
                                        {"rules", std::move(out)}});
}

Response Categories(const Request& request, Services& services) {
  QueryReader query(request.query);
  const size_t targets_wanted = static_cast<size_t>(query.Int("targets", 50, 0, 500));
  if (Status s = query.Finish(); !s.ok()) return ErrorResponse(s);
  auto run = services.stores.crosssell().LatestCrossSell();
  if (!run) return ErrorResponse(NoModelIsNotFound(run.error()));
  json::object report;
  try {
    report = json::parse(run->report_json).as_object();
  } catch (const std::exception&) {
    return ErrorResponse(Internal("the saved cross-sell model is not a JSON object"));
  }
  json::object out;
  out["run_id"] = run->id;
  out["created_at"] = FormatIso8601(run->created_at);
  if (const auto* coverage = report.if_contains("coverage"); coverage && coverage->is_object()) {
    for (const auto& [key, value] : coverage->as_object()) out[key] = value;
  }
  if (const auto* look_alike = report.if_contains("look_alike")) out["look_alike"] = *look_alike;
  // Targets with the customer's current name; a customer deleted since the run is left out.
  json::array targets;
  if (const auto* saved = report.if_contains("targets"); saved && saved->is_array()) {
    for (const auto& t : saved->as_array()) {
      if (targets.size() >= targets_wanted) break;
      if (!t.is_object() || !t.as_object().contains("customer_id")) continue;
      json::object target = t.as_object();
      auto customer =
          services.stores.customers().GetCustomer(target["customer_id"].to_number<int64_t>());
      if (!customer) {
        if (customer.error().code() == StatusCode::kNotFound) continue;
        return ErrorResponse(customer.error());
      }
      target["name"] = customer->name;
      targets.push_back(std::move(target));
    }
  }
  out["targets"] = std::move(targets);
  return JsonResponse(200, out);
}

}  // namespace

void AddCrossSellRoutes(api::Router& router) {
  using api::Access;
  using api::Method;
  router.Add(Method::kGet, "/api/v1/customers/{id}/recommendations", Access::kRead,
             Recommendations);
  router.Add(Method::kGet, "/api/v1/analytics/basket/rules", Access::kRead, Rules);
  router.Add(Method::kGet, "/api/v1/analytics/categories", Access::kRead, Categories);
}

}  // namespace centric::crosssell
