// SPDX-License-Identifier: Apache-2.0
#include "jobs/crosssell.h"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <set>

#include "analytics/basket/basket.h"

namespace centric::jobs {
namespace {

namespace basket = analytics::basket;
namespace json = boost::json;
using Clock = std::chrono::steady_clock;

double Since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

std::vector<std::string> Names(const basket::Itemsets& sets, size_t i,
                               const basket::ItemDictionary& dictionary) {
  std::vector<std::string> out;
  for (uint32_t item : sets.itemset(i)) out.push_back(dictionary.name(item));
  return out;
}

// Rules and neighbours of one level, appended to the model; returns the level's report.
Result<json::object> AddLevel(const PurchaseData& data, const BasketSpec& spec,
                              const std::string& level, double min_support,
                              const CrossSellOptions& options, crosssell::CrossSellModel& model) {
  json::object report;
  auto started = Clock::now();
  BasketSpec per_order = spec;
  per_order.per = BasketSpec::Per::kOrder;
  CENTRIC_ASSIGN_OR_RETURN(basket::Baskets orders, BuildBaskets(data, per_order));
  size_t rules_kept = 0, itemsets = 0;
  if (orders.size() > 0) {
    CENTRIC_ASSIGN_OR_RETURN(basket::Itemsets frequent,
                             basket::MineItemsets(orders, {.min_support = min_support,
                                                           .max_len = options.max_len,
                                                           .threads = options.threads}));
    itemsets = frequent.size();
    CENTRIC_ASSIGN_OR_RETURN(
        std::vector<basket::Rule> rules,
        basket::GenerateRules(frequent, {.min_confidence = options.min_confidence,
                                         .min_lift = 1.0,
                                         .top_per_antecedent = 20,
                                         .threads = options.threads}));
    std::stable_sort(rules.begin(), rules.end(), [](const basket::Rule& a, const basket::Rule& b) {
      return a.measures.lift > b.measures.lift;
    });
    rules_kept = std::min(rules.size(), options.max_rules);
    for (size_t r = 0; r < rules_kept; ++r) {
      const basket::Rule& rule = rules[r];
      const basket::RuleMeasures& m = rule.measures;
      model.rules.push_back(crosssell::CrossSellRule{
          level, Names(frequent, rule.antecedent, orders.dictionary()),
          Names(frequent, rule.consequent, orders.dictionary()), rule.count, rule.antecedent_count,
          rule.consequent_count, m.support, m.confidence, m.lift, m.leverage, m.conviction});
    }
    report["min_count"] = frequent.min_count;
  }
  const double mining_seconds = Since(started);

  started = Clock::now();
  BasketSpec per_customer = spec;
  per_customer.per = BasketSpec::Per::kCustomer;
  CENTRIC_ASSIGN_OR_RETURN(basket::Baskets customers, BuildBaskets(data, per_customer));
  basket::NeighbourOptions neighbour_options = options.neighbours;
  neighbour_options.threads = options.threads;
  CENTRIC_ASSIGN_OR_RETURN(basket::ItemNeighbours neighbours,
                           basket::ComputeNeighbours(customers, neighbour_options));
  const basket::ItemDictionary& names = customers.dictionary();

  // Mean amount paid per unit, for the price fit of offers.
  std::vector<double> amount(names.size(), 0), units(names.size(), 0);
  std::vector<uint32_t> item_of(data.products.size(), UINT32_MAX);
  std::vector<std::string> display(names.size());
  for (size_t p = 0; p < data.products.size(); ++p) {
    int64_t id = names.Find(ItemOf(data.products[p], spec));
    if (id < 0) continue;
    item_of[p] = static_cast<uint32_t>(id);
    if (spec.level == BasketSpec::Level::kProduct) display[id] = data.products[p].name;
  }
  for (size_t line = 0; line < data.lines(); ++line) {
    const uint32_t item = item_of[data.product[line]];
    if (item == UINT32_MAX || !data.purchase(line) || data.quantity[line] <= 0) continue;
    amount[item] += static_cast<double>(data.amount_minor[line]);
    units[item] += data.quantity[line];
  }
  size_t pairs = 0;
  for (uint32_t i = 0; i < names.size(); ++i) {
    model.items.push_back(crosssell::CrossSellItem{
        level, names.name(i), display[i].empty() ? names.name(i) : display[i],
        neighbours.item_counts[i], units[i] > 0 ? amount[i] / units[i] : 0});
    auto of = neighbours.of(i);
    for (size_t k = 0; k < of.size(); ++k) {
      const uint64_t at = neighbours.offsets[i] + k;
      const uint32_t j = of[k];
      const uint32_t co = neighbours.co_counts[at];
      model.neighbours.push_back(crosssell::CrossSellNeighbour{
          level, names.name(i), static_cast<int>(k + 1), names.name(j), neighbours.similarities[at],
          basket::PairLift(co, neighbours.item_counts[i], neighbours.item_counts[j],
                           neighbours.num_baskets),
          static_cast<double>(co) / neighbours.item_counts[i], co});
      ++pairs;
    }
  }
  report["items"] = names.size();
  report["orders"] = orders.size();
  report["itemsets"] = itemsets;
  report["rules"] = rules_kept;
  report["neighbour_pairs"] = pairs;
  report["min_support"] = min_support;
  report["seconds"] = json::object{{"rules", mining_seconds}, {"neighbours", Since(started)}};
  return report;
}

// Per customer: the behaviour the look-alike model reads. Columns of one row each.
constexpr const char* kFeatureNames[] = {"log_orders",          "log_mean_order_value",
                                         "log_distinct_items",  "log_tenure_days",
                                         "log_days_since_last", "return_share"};
constexpr size_t kFeatures = std::size(kFeatureNames);

std::vector<double> CustomerFeatures(const PurchaseData& data) {
  const size_t customers = data.customer_ids.size();
  std::vector<uint32_t> orders(customers, 0), lines(customers, 0), returns(customers, 0);
  std::vector<uint32_t> last_order(customers, UINT32_MAX);
  std::vector<int32_t> first(customers, INT32_MAX), last(customers, INT32_MIN);
  std::vector<double> spend(customers, 0);
  std::vector<std::pair<uint32_t, uint32_t>> products;  // (customer, product), for distinct
  products.reserve(data.lines());
  for (size_t line = 0; line < data.lines(); ++line) {
    const uint32_t c = data.customer[line];
    if (data.cancelled[line]) continue;
    ++lines[c];
    if (!data.purchase(line) || data.quantity[line] <= 0) {
      ++returns[c];
      continue;
    }
    if (last_order[c] != data.order[line]) {
      last_order[c] = data.order[line];
      ++orders[c];
    }
    spend[c] += static_cast<double>(data.amount_minor[line]);
    first[c] = std::min(first[c], data.day[line]);
    last[c] = std::max(last[c], data.day[line]);
    products.emplace_back(c, data.product[line]);
  }
  std::sort(products.begin(), products.end());
  products.erase(std::unique(products.begin(), products.end()), products.end());
  std::vector<uint32_t> distinct(customers, 0);
  for (const auto& [c, p] : products) ++distinct[c];

  std::vector<double> x(customers * kFeatures, 0);
  for (size_t c = 0; c < customers; ++c) {
    double* row = &x[c * kFeatures];
    const bool bought = orders[c] > 0;
    row[0] = std::log1p(orders[c]);
    row[1] = bought ? std::log1p(std::max(0.0, spend[c] / orders[c]) / 100.0) : 0;
    row[2] = std::log1p(distinct[c]);
    row[3] = bought ? std::log1p(last[c] - first[c]) : 0;
    row[4] = bought ? std::log1p(data.last_day - last[c]) : 0;
    row[5] = lines[c] ? static_cast<double>(returns[c]) / lines[c] : 0;
  }
  return x;
}

// Coverage at the coverage depth, and the look-alike targets among single-category customers.
Result<json::object> CoverageReport(const PurchaseData& data, const CrossSellOptions& options) {
  BasketSpec spec{.level = BasketSpec::Level::kCategory,
                  .depth = options.coverage_depth,
                  .per = BasketSpec::Per::kCustomer};
  CENTRIC_ASSIGN_OR_RETURN(basket::Baskets customers, BuildBaskets(data, spec));
  std::set<std::string> offered;
  for (const auto& p : data.products) {
    std::string item = ItemOf(p, spec);
    if (!item.empty()) offered.insert(std::move(item));
  }
  const basket::CategoryCoverage coverage =
      basket::MeasureCoverage(customers, static_cast<uint32_t>(offered.size()));

  // Categories in name order for the report; dictionary ids follow first appearance.
  const basket::ItemDictionary& dict = customers.dictionary();
  std::vector<uint32_t> order(dict.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(),
            [&](uint32_t a, uint32_t b) { return dict.name(a) < dict.name(b); });
  json::array categories, matrix, lift, histogram;
  for (uint32_t i : order) {
    categories.push_back(json::value(dict.name(i)));
    json::array both_row, lift_row;
    for (uint32_t j : order) {
      both_row.push_back(coverage.pair(i, j));
      lift_row.push_back(coverage.lift(i, j));
    }
    matrix.push_back(std::move(both_row));
    lift.push_back(std::move(lift_row));
  }
  for (size_t k = 1; k < coverage.histogram.size(); ++k) {
    histogram.push_back(json::object{{"categories", k}, {"customers", coverage.histogram[k]}});
  }
  json::object out;
  out["depth"] = options.coverage_depth;
  out["categories"] = std::move(categories);
  out["offered"] = coverage.offered;
  out["customers"] = coverage.customers;
  out["mean_categories"] = coverage.mean_categories;
  out["histogram"] = std::move(histogram);
  out["matrix"] = std::move(matrix);
  out["lift"] = std::move(lift);

  // Look-alike: learn "buys in 2+ categories" from a spread-out sample of customers.
  const std::vector<double> x = CustomerFeatures(data);
  const size_t n = customers.size();
  const size_t stride = std::max<size_t>(
      1, (n + options.training_rows - 1) / std::max<size_t>(options.training_rows, 1));
  std::vector<double> train;
  std::vector<uint8_t> label;
  for (size_t c = 0; c < n; c += stride) {
    if (customers.basket(c).empty()) continue;
    train.insert(train.end(), x.begin() + c * kFeatures, x.begin() + (c + 1) * kFeatures);
    label.push_back(customers.basket(c).size() >= 2);
  }
  json::array targets;
  json::object look_alike;
  auto fitted = basket::FitLogistic(train, kFeatures, label);
  if (!fitted) {
    look_alike["warning"] = fitted.error().message();
  } else {
    struct Target {
      double score;
      size_t customer;
    };
    std::vector<Target> single;
    for (size_t c = 0; c < n; ++c) {
      if (customers.basket(c).size() != 1) continue;
      single.push_back({basket::PredictProbability(
                            *fitted, std::span<const double>(&x[c * kFeatures], kFeatures)),
                        c});
    }
    const size_t keep = std::min(options.targets, single.size());
    std::partial_sort(single.begin(), single.begin() + keep, single.end(),
                      [](const Target& a, const Target& b) {
                        return a.score != b.score ? a.score > b.score : a.customer < b.customer;
                      });
    for (size_t t = 0; t < keep; ++t) {
      const uint32_t category = customers.basket(single[t].customer)[0];
      // The category its buyers most over-index on: the natural next step.
      int64_t next = -1;
      double best = 0;
      for (uint32_t j = 0; j < coverage.num_categories; ++j) {
        if (j != category && coverage.lift(category, j) > best) {
          best = coverage.lift(category, j);
          next = j;
        }
      }
      json::object target{{"customer_id", data.customer_ids[single[t].customer]},
                          {"category", dict.name(category)},
                          {"score", single[t].score}};
      target["suggest"] = next < 0 ? json::value(nullptr) : json::value(dict.name(next));
      targets.push_back(std::move(target));
    }
    json::array features, weights;
    for (size_t f = 0; f < kFeatures; ++f) {
      features.push_back(json::value(kFeatureNames[f]));
      weights.push_back(fitted->scale[f] > 0 ? fitted->weights[f] : 0.0);
    }
    look_alike["features"] = std::move(features);
    look_alike["weights"] = std::move(weights);
    look_alike["intercept"] = fitted->intercept;
    look_alike["converged"] = fitted->converged;
    look_alike["mean_log_loss"] = fitted->mean_log_loss;
    look_alike["rows"] = label.size();
    look_alike["single_category_customers"] = single.size();
  }
  out["look_alike"] = std::move(look_alike);
  out["targets"] = std::move(targets);
  return out;
}

}  // namespace

Result<CrossSellResult> BuildCrossSell(const PurchaseData& data, const CrossSellOptions& options) {
  if (options.coverage_depth < 0) {
    return Error(
        Status(StatusCode::kInvalidArgument, "must be 0 (whole path) or more", "coverage_depth"));
  }
  CrossSellResult result;
  json::object& report = result.report;
  const auto started = Clock::now();
  report["customers"] = data.customer_ids.size();
  report["orders"] = data.orders;
  report["lines"] = data.lines();
  BasketSpec category{.level = BasketSpec::Level::kCategory};
  BasketSpec product{.level = BasketSpec::Level::kProduct};
  json::object levels;
  CENTRIC_ASSIGN_OR_RETURN(
      levels["category"],
      AddLevel(data, category, "category", options.category_min_support, options, result.model));
  CENTRIC_ASSIGN_OR_RETURN(
      levels["product"],
      AddLevel(data, product, "product", options.product_min_support, options, result.model));
  report["levels"] = std::move(levels);
  const auto coverage_started = Clock::now();
  CENTRIC_ASSIGN_OR_RETURN(json::object coverage, CoverageReport(data, options));
  report["targets"] = coverage["targets"];
  coverage.erase("targets");
  report["look_alike"] = coverage["look_alike"];
  coverage.erase("look_alike");
  report["coverage"] = std::move(coverage);
  report["similarity"] = json::object{{"measure", "shrunk cosine"},
                                      {"shrinkage", options.neighbours.shrinkage},
                                      {"top_k", options.neighbours.top_k},
                                      {"min_count", options.neighbours.min_count}};
  report["seconds"] =
      json::object{{"coverage", Since(coverage_started)}, {"total", Since(started)}};
  result.model.report_json = json::serialize(report);
  return result;
}

Result<CrossSellResult> RunCrossSell(orders::OrderStore& catalogue,
                                     crosssell::CrossSellStore& store,
                                     const CrossSellOptions& options) {
  const auto started = Clock::now();
  CENTRIC_ASSIGN_OR_RETURN(PurchaseData data, LoadPurchases(catalogue, store));
  const double load_seconds = Since(started);
  CENTRIC_ASSIGN_OR_RETURN(CrossSellResult result, BuildCrossSell(data, options));
  result.report["seconds"].as_object()["load"] = load_seconds;
  result.model.report_json = json::serialize(result.report);
  CENTRIC_ASSIGN_OR_RETURN(int64_t run_id, store.SaveCrossSell(result.model));
  result.report["run_id"] = run_id;
  return result;
}

Result<std::optional<CrossSellResult>> RefreshCrossSell(orders::OrderStore& catalogue,
                                                        crosssell::CrossSellStore& store,
                                                        retention::RetentionStore& retention) {
  const bool analysed =
      store.LatestCrossSell().has_value() || retention.LatestAnalysis().has_value();
  if (!analysed) return std::optional<CrossSellResult>();
  CENTRIC_ASSIGN_OR_RETURN(CrossSellResult result, RunCrossSell(catalogue, store, {}));
  return std::optional<CrossSellResult>(std::move(result));
}

}  // namespace centric::jobs
