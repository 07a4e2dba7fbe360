// SPDX-License-Identifier: Apache-2.0
// Each purpose (profile, buying, baskets, returns, interactions) draws from its own stream of
// (seed, customer index), so changing how names are drawn does not change who buys what.
#include <fmt/format.h>

#include <algorithm>
#include <cassert>
#include <cmath>
#include <string>

#include "demo/buying.h"
#include "demo/catalog.h"
#include "demo/demo.h"
#include "demo/locales.h"
#include "demo/random.h"

namespace centric::demo {
namespace {

enum Stream : uint64_t { kProfile = 1, kBuying = 2, kBaskets = 3, kReturns = 4, kInteractions = 5 };

constexpr double kSecondsPerWeek = 7 * 86400.0;
constexpr double kInteractionFactor[3] = {0.5, 1.0, 2.0};
constexpr double kKindWeights[] = {0.30, 0.30, 0.25, 0.15};  // note, call, email, meeting
constexpr std::string_view kKindChannel[] = {"", "phone", "email", "in_person"};
// Customers whose expected order value is above this are tagged "vip".
constexpr double kVipMeanOrderEur = 200.0;

template <typename T, typename F>
const T& PickWeighted(Rng& rng, std::span<const T> items, F weight) {
  double w[16];
  assert(items.size() <= 16 && "PickWeighted is for short tables");
  for (size_t i = 0; i < items.size(); ++i) w[i] = weight(items[i]);
  return items[rng.Pick(std::span<const double>(w, items.size()))];
}

template <typename T>
const T& PickUniform(Rng& rng, std::span<const T> items) {
  return items[rng.Below(items.size())];
}

std::string PhoneNumber(Rng& rng, const Country& country) {
  std::string phone(country.phone_prefix);
  for (int i = 0; i < country.phone_digits; ++i)
    phone.push_back(static_cast<char>('0' + rng.Below(10)));
  return phone;
}

// Fills name, contact details, locale, consent and tags; returns the customer's locale.
const Locale& DrawProfile(Rng& rng, int64_t index, IncomeGroup income, double mean_order_eur,
                          Customer& c) {
  const Locale& locale = PickWeighted(rng, Locales(), [](const Locale& l) { return l.share; });
  const Country& country =
      PickWeighted(rng, locale.countries, [](const Country& k) { return k.weight; });
  const NamePart& given = PickUniform(rng, locale.given);
  const NamePart& family = PickUniform(rng, locale.family);
  switch (locale.order) {
    case NameOrder::kGivenFamily:
      c.name = fmt::format("{} {}", given.native, family.native);
      break;
    case NameOrder::kGivenTwoFamilies:
      c.name = fmt::format("{} {} {}", given.native, family.native,
                           PickUniform(rng, locale.family).native);
      break;
    case NameOrder::kFamilyGiven:
      c.name = fmt::format("{} {}", family.native, given.native);
      break;
  }
  static constexpr std::string_view kDomains[] = {"example.com", "example.net", "example.org"};
  // The customer number keeps addresses unique however many customers share a name.
  bool has_email = rng.Bernoulli(0.9);
  if (has_email) {
    c.emails.push_back(fmt::format("{}.{}.{}@{}", given.ascii, family.ascii, index + 1,
                                   PickUniform(rng, std::span<const std::string_view>(kDomains))));
  }
  bool has_phone = rng.Bernoulli(0.7);
  if (has_phone) c.phones.push_back(PhoneNumber(rng, country));
  c.preferred_language = std::string(locale.language);
  c.country = std::string(country.code);
  c.time_zone = std::string(country.time_zone);
  c.consent["email"] = has_email && rng.Bernoulli(0.7);
  c.consent["sms"] = has_phone && rng.Bernoulli(0.35);
  c.consent["phone"] = has_phone && rng.Bernoulli(0.2);
  c.consent["post"] = rng.Bernoulli(0.3);
  c.tags.push_back("demo");
  if (c.consent["email"]) c.tags.push_back("newsletter");
  if (rng.Bernoulli(0.3)) c.tags.push_back("loyalty");
  if (mean_order_eur > kVipMeanOrderEur) c.tags.push_back("vip");
  if (income == IncomeGroup::kHigh) c.account_owner = std::string(PickUniform(rng, StaffNames()));
  return locale;
}

Timestamp AtWeek(Timestamp start, double week, Timestamp end) {
  auto t = start + std::chrono::seconds(std::llround(week * kSecondsPerWeek));
  return std::min(t, end - std::chrono::seconds(1));
}

OrderLine MakeLine(const Product& product, int64_t quantity, int64_t discount_minor) {
  OrderLine line;
  line.sku = product.sku;
  line.description = product.name;
  line.quantity = quantity;
  line.unit_price_minor = product.price_minor;
  line.discount_minor = discount_minor;
  line.amount_minor = quantity * product.price_minor - discount_minor;
  return line;
}

// A later cancellation (every line back) or return (part of one line), as its own order with
// negative quantities; nullopt when it would fall after the window or nothing happens.
std::optional<Order> MaybeReverse(Rng& rng, const DemoOptions& options, const Order& placed,
                                  Timestamp end) {
  double u = rng.Uniform();
  Order reverse;
  reverse.customer_id = placed.customer_id;
  reverse.currency = placed.currency;
  if (u < options.cancel_rate) {
    reverse.status = OrderStatus::kCancelled;
    reverse.external_id = placed.external_id + "-C";
    reverse.ordered_at =
        placed.ordered_at + std::chrono::seconds(static_cast<int64_t>(rng.Between(3600, 172800)));
    for (const auto& line : placed.lines) {
      OrderLine back = line;
      back.quantity = -line.quantity;
      back.discount_minor = -line.discount_minor;
      back.amount_minor = -line.amount_minor;
      reverse.lines.push_back(std::move(back));
    }
  } else if (u < options.cancel_rate + options.return_rate) {
    reverse.status = OrderStatus::kReturned;
    reverse.external_id = placed.external_id + "-R";
    reverse.ordered_at =
        placed.ordered_at +
        std::chrono::seconds(static_cast<int64_t>(rng.Between(2 * 86400.0, 30 * 86400.0)));
    const auto& line = placed.lines[rng.Below(placed.lines.size())];
    OrderLine back = line;
    back.quantity = -(1 + static_cast<int64_t>(rng.Below(line.quantity)));
    back.discount_minor = back.quantity == -line.quantity ? -line.discount_minor : 0;
    back.amount_minor = back.quantity * line.unit_price_minor - back.discount_minor;
    reverse.lines.push_back(std::move(back));
  } else {
    return std::nullopt;
  }
  if (reverse.ordered_at >= end) return std::nullopt;
  RecomputeTotals(reverse);
  return reverse;
}

}  // namespace

std::string_view IncomeGroupName(IncomeGroup group) {
  switch (group) {
    case IncomeGroup::kLow:
      return "low";
    case IncomeGroup::kMiddle:
      return "middle";
    case IncomeGroup::kHigh:
      return "high";
  }
  return "middle";
}

std::string CustomerExternalId(int64_t index) { return fmt::format("D{:07}", index + 1); }

Status ValidateOptions(const DemoOptions& o) {
  if (o.customers < 0 || o.customers > 100'000'000) {
    return InvalidArgument("must be between 0 and 100000000", "customers");
  }
  if (o.window_end <= o.window_start)
    return InvalidArgument("must be after the start", "window_end");
  double window_weeks = (o.window_end - o.window_start).count() / 7.0;
  if (!(o.acquisition_weeks > 0 && o.acquisition_weeks <= window_weeks)) {
    return InvalidArgument("must be positive and within the window", "acquisition_weeks");
  }
  const auto& b = o.buying;
  if (!(b.r > 0 && b.alpha > 0 && b.a > 0 && b.b > 0)) {
    return InvalidArgument("r, alpha, a and b must be positive", "buying");
  }
  const auto& s = o.spend;
  if (!(s.p > 0 && s.q > 1 && s.gamma > 0)) {
    // q > 1 so that the mean order value p * gamma / (q - 1) exists.
    return InvalidArgument("p and gamma must be positive and q above 1", "spend");
  }
  double share_sum = 0;
  for (size_t g = 0; g < 3; ++g) {
    if (!(o.income_shares[g] >= 0)) return InvalidArgument("must not be negative", "income_shares");
    if (!(o.income_spend_factors[g] > 0)) {
      return InvalidArgument("must be positive", "income_spend_factors");
    }
    share_sum += o.income_shares[g];
  }
  if (std::abs(share_sum - 1.0) > 1e-9) return InvalidArgument("must sum to 1", "income_shares");
  if (!(o.cancel_rate >= 0 && o.return_rate >= 0 && o.cancel_rate + o.return_rate <= 1)) {
    return InvalidArgument("must be probabilities summing to at most 1", "cancel_rate");
  }
  if (!(o.interactions_per_customer >= 0 && o.interactions_per_customer <= 100)) {
    return InvalidArgument("must be between 0 and 100", "interactions_per_customer");
  }
  if (o.threads < 0 || o.threads > 256)
    return InvalidArgument("must be between 0 and 256", "threads");
  return Status::Ok();
}

Generator::Generator(const DemoOptions& options)
    : options_(options),
      catalog_(std::make_unique<const Catalog>(
          BuildCatalog(options.seed, Timestamp(options.window_start)))) {}

Generator::~Generator() = default;

const std::vector<Product>& Generator::products() const { return catalog_->products; }

GeneratedCustomer Generator::Customer(int64_t index) const {
  const DemoOptions& o = options_;
  const Catalog& catalog = *catalog_;
  const Timestamp start(o.window_start);
  const Timestamp end(o.window_end);
  const double end_week = (o.window_end - o.window_start).count() / 7.0;

  GeneratedCustomer g;
  g.index = index;
  auto& truth = g.truth;
  auto& c = g.customer;

  Rng buying = Rng::ForStream(o.seed, index, kBuying);
  double acquired_week = buying.Uniform() * o.acquisition_weeks;
  truth.lambda = buying.Gamma(o.buying.r, o.buying.alpha);
  truth.p = buying.Beta(o.buying.a, o.buying.b);
  truth.nu = buying.Gamma(o.spend.q, o.spend.gamma);
  PurchaseHistory history =
      SimulatePurchases(buying, truth.lambda, truth.p, acquired_week, end_week);
  truth.acquired = AtWeek(start, acquired_week, end);
  truth.observed_until = end;
  if (history.dropped_out) truth.dropped = AtWeek(start, history.weeks.back(), end);

  Rng profile = Rng::ForStream(o.seed, index, kProfile);
  truth.income = static_cast<IncomeGroup>(profile.Pick(o.income_shares));
  const int income = static_cast<int>(truth.income);
  const double spend_factor = o.income_spend_factors[income];
  c.external_id = CustomerExternalId(index);
  const Locale& locale =
      DrawProfile(profile, index, truth.income, spend_factor * o.spend.p / truth.nu, c);
  c.first_seen = truth.acquired;
  c.attributes["income_group"] = std::string(IncomeGroupName(truth.income));
  c.attributes["demo_seed"] = std::to_string(o.seed);
  c.created_at = truth.acquired;
  c.updated_at = truth.acquired;
  // The customer's taste: category appeal shifted by income, times a personal factor with
  // mean 1 so no two customers like exactly the same things.
  std::vector<double> anchor_weights(catalog.anchors.size());
  for (size_t i = 0; i < catalog.anchors.size(); ++i) {
    const auto& category = catalog.categories[catalog.anchors[i]];
    anchor_weights[i] = category.appeal *
                        kIncomeAppeal[income][static_cast<int>(category.department)] *
                        profile.Gamma(2.0, 2.0);
  }

  Rng baskets = Rng::ForStream(o.seed, index, kBaskets);
  const int64_t min_budget = MinimumBudget(catalog);
  g.orders.reserve(history.weeks.size() + 1);
  for (size_t n = 0; n < history.weeks.size(); ++n) {
    Order order;
    order.external_id = fmt::format("{}-{:03}", c.external_id, n + 1);
    order.ordered_at = AtWeek(start, history.weeks[n], end);
    order.currency = "EUR";
    double value_eur = baskets.Gamma(o.spend.p, truth.nu) * spend_factor;
    int64_t budget = std::max(min_budget, static_cast<int64_t>(std::llround(value_eur * 100)));
    Basket basket = BuildBasket(catalog, anchor_weights, budget, baskets);
    for (const auto& line : basket.lines) {
      order.lines.push_back(
          MakeLine(catalog.products[line.product], line.quantity, line.discount_minor));
    }
    RecomputeTotals(order);
    g.orders.push_back(std::move(order));
  }

  Rng returns = Rng::ForStream(o.seed, index, kReturns);
  const size_t placed = g.orders.size();
  for (size_t n = 0; n < placed; ++n) {
    if (auto reverse = MaybeReverse(returns, o, g.orders[n], end)) {
      g.orders.push_back(std::move(*reverse));
    }
  }
  std::stable_sort(g.orders.begin(), g.orders.end(),
                   [](const Order& a, const Order& b) { return a.ordered_at < b.ordered_at; });

  Rng talk = Rng::ForStream(o.seed, index, kInteractions);
  int64_t count = talk.Poisson(o.interactions_per_customer * kInteractionFactor[income]);
  // Staff talk to customers while they buy and for a couple of months after.
  Timestamp last_seen =
      std::min(end - std::chrono::seconds(1), g.orders.back().ordered_at + std::chrono::weeks(8));
  double span = static_cast<double>((last_seen - truth.acquired).count());
  std::vector<Timestamp> times;
  for (int64_t i = 0; i < count; ++i) {
    times.push_back(truth.acquired +
                    std::chrono::seconds(static_cast<int64_t>(talk.Uniform() * span)));
  }
  std::sort(times.begin(), times.end());
  for (Timestamp at : times) {
    Interaction interaction;
    size_t kind = talk.Pick(kKindWeights);
    interaction.kind = std::string(kInteractionKinds[kind]);
    interaction.channel = std::string(kKindChannel[kind]);
    interaction.occurred_at = at;
    interaction.created_at = at;
    interaction.author = std::string(PickUniform(talk, StaffNames()));
    std::string summary(locale.summaries[kind][talk.Below(kSummariesPerKind)]);
    interaction.details = "{}";
    if (auto pos = summary.find("{order}"); pos != std::string::npos) {
      // The latest placed order at that time; there is one, as talk starts at acquisition.
      const Order* about = &g.orders.front();
      for (const auto& order : g.orders) {
        if (order.ordered_at > at) break;
        if (order.status == OrderStatus::kPlaced) about = &order;
      }
      summary.replace(pos, 7, about->external_id);
      interaction.details = fmt::format(R"({{"order":"{}"}})", about->external_id);
    }
    interaction.summary = std::move(summary);
    g.interactions.push_back(std::move(interaction));
  }
  return g;
}

}  // namespace centric::demo
