// SPDX-License-Identifier: Apache-2.0
#include "analytics/basket/rules.h"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cassert>
#include <cmath>
#include <limits>

#include "analytics/basket/itemset_index.h"
#include "analytics/basket/threads.h"

namespace centric::analytics::basket {
namespace {

Status CheckRange(double value, double low, double high, const char* field) {
  if (std::isnan(value) || value < low || value > high) {
    return InvalidArgument(fmt::format("{} is outside [{}, {}]", value, low, high), field);
  }
  return Status::Ok();
}

Status CheckOptions(const RuleOptions& o) {
  const double inf = std::numeric_limits<double>::infinity();
  for (Status s : {CheckRange(o.min_confidence, 0, 1, "min_confidence"),
                   CheckRange(o.min_lift, 0, std::numeric_limits<double>::max(), "min_lift"),
                   CheckRange(o.min_leverage, -1, 1, "min_leverage"),
                   CheckRange(o.min_conviction, 0, inf, "min_conviction")}) {
    if (!s.ok()) return s;
  }
  if (o.threads < 0) return InvalidArgument("threads must be 0 (one per core) or more", "threads");
  return Status::Ok();
}

// Makes the rules of one itemset. Consequents are bit masks over the itemset's positions.
class RuleMaker {
 public:
  RuleMaker(const Itemsets& sets, const internal::ItemsetIndex& index, const RuleOptions& options)
      : sets_(sets), index_(index), options_(options) {}

  void Make(size_t z, std::vector<Rule>& out) {
    const auto items = sets_.itemset(z);
    const size_t k = items.size();
    if (k < 2) return;
    // An itemset of 64 items would come with 2^64 frequent subsets: never listed in full.
    assert(k < 64);
    level_.clear();
    for (size_t p = 0; p < k; ++p) {
      if (Try(z, uint64_t{1} << p, out)) level_.push_back(uint64_t{1} << p);
    }
    const size_t max_consequent = options_.max_consequent_len ? options_.max_consequent_len : k;
    for (size_t m = 1; !level_.empty() && m + 1 < k && m + 1 <= max_consequent; ++m) {
      // Candidates of m + 1 items, each made once from the subset without its highest item, and
      // tried only when every subset of m items passed (confidence only falls as C grows).
      std::sort(level_.begin(), level_.end());
      next_.clear();
      for (uint64_t h : level_) {
        for (size_t p = std::bit_width(h); p < k; ++p) {
          const uint64_t candidate = h | (uint64_t{1} << p);
          bool all_passed = true;
          for (uint64_t rest = candidate; rest && all_passed; rest &= rest - 1) {
            const uint64_t subset = candidate & ~(rest & -rest);
            all_passed = std::binary_search(level_.begin(), level_.end(), subset);
          }
          if (all_passed && Try(z, candidate, out)) next_.push_back(candidate);
        }
      }
      level_.swap(next_);
    }
  }

 private:
  // Adds the rule with consequent `mask` when it meets the options; returns whether its
  // confidence passed, i.e. whether larger consequents may still pass.
  bool Try(size_t z, uint64_t mask, std::vector<Rule>& out) {
    const auto items = sets_.itemset(z);
    antecedent_.clear();
    consequent_.clear();
    for (size_t p = 0; p < items.size(); ++p) {
      ((mask >> p) & 1 ? consequent_ : antecedent_).push_back(items[p]);
    }
    const int64_t a = index_.Find(antecedent_);
    assert(a >= 0);  // subsets of a frequent itemset are frequent and listed
    const uint32_t count = sets_.counts[z];
    const uint32_t antecedent_count = sets_.counts[a];
    if (static_cast<double>(count) / antecedent_count < options_.min_confidence) return false;
    const int64_t c = index_.Find(consequent_);
    assert(c >= 0);
    Rule rule;
    rule.antecedent = static_cast<uint32_t>(a);
    rule.consequent = static_cast<uint32_t>(c);
    rule.itemset = static_cast<uint32_t>(z);
    rule.count = count;
    rule.antecedent_count = antecedent_count;
    rule.consequent_count = sets_.counts[c];
    rule.measures = MeasureRule(count, antecedent_count, rule.consequent_count, sets_.num_baskets);
    const RuleMeasures& m = rule.measures;
    if (m.lift >= options_.min_lift && m.leverage >= options_.min_leverage &&
        m.conviction >= options_.min_conviction) {
      out.push_back(rule);
    }
    return true;
  }

  const Itemsets& sets_;
  const internal::ItemsetIndex& index_;
  const RuleOptions& options_;
  std::vector<uint64_t> level_, next_;
  std::vector<uint32_t> antecedent_, consequent_;
};

}  // namespace

RuleMeasures MeasureRule(uint32_t count, uint32_t antecedent_count, uint32_t consequent_count,
                         uint64_t num_baskets) {
  const auto n = static_cast<double>(num_baskets);
  const auto both = static_cast<double>(count);
  const auto a = static_cast<double>(antecedent_count);
  const auto c = static_cast<double>(consequent_count);
  RuleMeasures m;
  m.support = both / n;
  m.confidence = both / a;
  m.lift = both * n / (a * c);
  m.leverage = (both * n - a * c) / (n * n);
  if (count == antecedent_count) {
    m.conviction = consequent_count == num_baskets ? 1.0 : std::numeric_limits<double>::infinity();
  } else {
    m.conviction = (n - c) * a / (n * (a - both));
  }
  return m;
}

Result<std::vector<Rule>> GenerateRules(const Itemsets& frequent, const RuleOptions& options) {
  if (frequent.kind != ItemsetKind::kAll) {
    return Error(FailedPrecondition(fmt::format(
        "rules need the counts of every frequent itemset, not only the {} ones",
        ItemsetKindName(frequent.kind))));
  }
  CENTRIC_RETURN_IF_ERROR(CheckOptions(options));
  const internal::ItemsetIndex index(frequent);
  const size_t n = frequent.size();
  // Singletons make no rules; share out the rest by position, which mixes sizes evenly enough.
  size_t first = 0;
  while (first < n && frequent.length(first) < 2) ++first;
  const size_t workers = std::clamp<size_t>(internal::ResolveThreads(options.threads), 1,
                                            std::max<size_t>((n - first) / 1024, 1));
  std::vector<std::vector<Rule>> parts(workers);
  internal::RunWorkers(workers, [&](size_t w) {
    RuleMaker maker(frequent, index, options);
    for (size_t z = first + w; z < n; z += workers) maker.Make(z, parts[w]);
  });
  // Group by antecedent with a counting sort, then order each group, best first. Within a
  // group n(A) is fixed: higher confidence is a higher count, and at equal confidence higher
  // lift is a smaller n(C). Comparing counts keeps the order exact.
  std::vector<uint64_t> group(n + 1, 0);
  for (const auto& part : parts) {
    for (const Rule& r : part) ++group[r.antecedent + 1];
  }
  for (size_t a = 0; a < n; ++a) group[a + 1] += group[a];
  std::vector<Rule> rules(group[n]);
  {
    std::vector<uint64_t> cursor(group.begin(), group.end() - 1);
    for (auto& part : parts) {
      for (const Rule& r : part) rules[cursor[r.antecedent]++] = r;
      part = {};
    }
  }
  auto better = [](const Rule& x, const Rule& y) {
    if (x.count != y.count) return x.count > y.count;
    if (x.consequent_count != y.consequent_count) return x.consequent_count < y.consequent_count;
    return x.consequent < y.consequent;
  };
  const uint64_t top = options.top_per_antecedent;
  std::vector<uint64_t> kept(n, 0);  // rules kept at the front of each group
  internal::RunWorkers(workers, [&](size_t w) {
    for (size_t a = w; a < n; a += workers) {
      auto begin = rules.begin() + group[a], end = rules.begin() + group[a + 1];
      if (top > 0 && static_cast<uint64_t>(end - begin) > top) {
        std::partial_sort(begin, begin + top, end, better);
        kept[a] = top;
      } else {
        std::sort(begin, end, better);
        kept[a] = end - begin;
      }
    }
  });
  if (top > 0) {
    size_t write = 0;
    for (size_t a = 0; a < n; ++a) {
      for (uint64_t i = group[a]; i < group[a] + kept[a]; ++i) rules[write++] = rules[i];
    }
    rules.resize(write);
  }
  return rules;
}

}  // namespace centric::analytics::basket
