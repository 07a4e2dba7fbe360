// SPDX-License-Identifier: Apache-2.0
// centric basket: frequent itemsets and association rules of a FIMI or CSV basket file, for
// cross-selling. Prints a summary (or one JSON object) and optionally writes the itemsets and
// the rules.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <numeric>

#include "analytics/basket/basket.h"
#include "analytics/basket/basket_file.h"
#include "areas/crosssell/cli/crosssell_commands.h"
#include "jobs/purchase_baskets.h"
#include "text/csv_writer.h"

namespace centric::crosssell {
namespace {

using cli::AddDbOption;
using cli::CliContext;
using cli::kExitFailure;
using cli::kExitOk;
using cli::kExitUsage;
using cli::OpenStoresOrReport;
using cli::RefuseStoreAsOutput;
using cli::ReportError;

namespace basket = analytics::basket;

struct BasketArgs {
  std::string input, format, basket_column = "basket", item_column = "item", delimiter = ",";
  bool from_store = false;  // --db given: baskets from the store's orders
  std::string level = "product", per = "order";
  int window_days = 0;
  double min_support = 0;
  double min_confidence = 0.8;
  double min_lift = 0;
  double min_leverage = -1;
  double min_conviction = 0;
  uint32_t max_len = 0;
  uint32_t max_consequent = 0;
  uint32_t top = 0;
  bool closed = false, maximal = false, json = false;
  std::string rules_path, itemsets_path;
  int threads = 0;
};

using Clock = std::chrono::steady_clock;
double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// Options are InvalidArgument with a field; they are usage errors, named as on the command
// line. Anything else is a failure.
int Report(const Status& status) {
  if (status.code() == StatusCode::kInvalidArgument && !status.field().empty()) {
    std::string option = status.field();
    std::replace(option.begin(), option.end(), '_', '-');
    fmt::print(stderr, "centric: --{}: {}\n", option, status.message());
    return kExitUsage;
  }
  fmt::print(stderr, "centric: {}\n", status.message());
  return kExitFailure;
}

// An item name as written in itemset and rule lists: as is, or in double quotes (doubled
// inside) when it is empty or holds a blank, a quote or a parenthesis, so lists stay readable.
void AppendName(std::string& out, const std::string& name) {
  const bool plain = !name.empty() && name.find_first_of(" \t\r\n\"()") == std::string::npos;
  if (plain) {
    out += name;
    return;
  }
  out += '"';
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

std::string ItemList(const basket::Itemsets& sets, size_t i, const basket::ItemDictionary& dict) {
  std::string out;
  for (uint32_t item : sets.itemset(i)) {
    if (!out.empty()) out += ' ';
    AppendName(out, dict.name(item));
  }
  return out;
}

Status WriteItemsets(const std::string& path, const basket::Itemsets& sets,
                     const basket::ItemDictionary& dict) {
  CENTRIC_ASSIGN_OR_RETURN(auto out, text::Output::Open(path));
  std::string line;
  for (size_t i = 0; i < sets.size(); ++i) {
    line = ItemList(sets, i, dict);
    fmt::format_to(std::back_inserter(line), " ({})\n", sets.counts[i]);
    out->Write(line);
  }
  return out->Close();
}

Status WriteRules(const std::string& path, const std::vector<basket::Rule>& rules,
                  const basket::Itemsets& sets, const basket::ItemDictionary& dict) {
  CENTRIC_ASSIGN_OR_RETURN(auto out, text::Output::Open(path));
  text::CsvWriter csv(*out);
  for (std::string_view name :
       {"antecedent", "consequent", "antecedent_count", "consequent_count", "count", "support",
        "confidence", "lift", "leverage", "conviction"}) {
    csv.Field(name);
  }
  csv.EndRecord();
  // Each antecedent or consequent is one of the itemsets, usually on many rules: format once.
  std::vector<std::string> lists(sets.size());
  auto list = [&](uint32_t i) -> std::string_view {
    if (lists[i].empty()) lists[i] = ItemList(sets, i, dict);
    return lists[i];
  };
  char buffer[64];
  auto number = [&](auto value) {
    csv.Field(std::string_view(buffer, fmt::format_to_n(buffer, sizeof buffer, "{}", value).out));
  };
  for (const basket::Rule& r : rules) {
    const basket::RuleMeasures& m = r.measures;
    csv.Field(list(r.antecedent));
    csv.Field(list(r.consequent));
    number(r.antecedent_count);
    number(r.consequent_count);
    number(r.count);
    number(m.support);
    number(m.confidence);
    number(m.lift);
    number(m.leverage);
    number(m.conviction);
    csv.EndRecord();
  }
  return out->Close();
}

std::string Conviction(double conviction) {
  return std::isinf(conviction) ? std::string("inf") : fmt::format("{:.3g}", conviction);
}

void PrintTopRules(const std::vector<basket::Rule>& rules, const basket::Itemsets& sets,
                   const basket::ItemDictionary& dict) {
  constexpr size_t kShown = 10;
  std::vector<size_t> order(rules.size());
  std::iota(order.begin(), order.end(), size_t{0});
  const size_t shown = std::min(kShown, order.size());
  std::partial_sort(order.begin(), order.begin() + shown, order.end(), [&](size_t a, size_t b) {
    const auto &x = rules[a].measures, &y = rules[b].measures;
    if (x.lift != y.lift) return x.lift > y.lift;
    if (x.confidence != y.confidence) return x.confidence > y.confidence;
    return a < b;
  });
  if (shown > 0) fmt::print("top rules by lift:\n");
  for (size_t k = 0; k < shown; ++k) {
    const basket::Rule& r = rules[order[k]];
    const auto& m = r.measures;
    fmt::print(
        "  {} -> {}  (support {:.4g}, confidence {:.3f}, lift {:.3f}, leverage {:.4g}, "
        "conviction {})\n",
        ItemList(sets, r.antecedent, dict), ItemList(sets, r.consequent, dict), m.support,
        m.confidence, m.lift, m.leverage, Conviction(m.conviction));
  }
}

// The baskets of the store's orders at a.level, per a.per.
Result<basket::Baskets> StoreBaskets(CliContext& ctx, const BasketArgs& a) {
  CENTRIC_ASSIGN_OR_RETURN(jobs::BasketSpec spec, jobs::ParseBasketLevel(a.level));
  CENTRIC_ASSIGN_OR_RETURN(spec.per, jobs::ParseBasketPer(a.per));
  if (a.window_days < 0) {
    return Error(InvalidArgument("must be 0 (all orders) or more", "window_days"));
  }
  spec.window_days = a.window_days;
  auto stores = OpenStoresOrReport(ctx);
  if (!stores) return Error(Unavailable("cannot open the store"));
  CENTRIC_ASSIGN_OR_RETURN(jobs::PurchaseData data,
                           jobs::LoadPurchases(stores->orders(), stores->crosssell()));
  return jobs::BuildBaskets(data, spec);
}

Result<basket::Baskets> FileBaskets(const BasketArgs& a) {
  basket::CsvColumns columns{.basket = a.basket_column, .item = a.item_column};
  if (a.delimiter == "tab") {
    columns.delimiter = '\t';
  } else if (a.delimiter.size() == 1) {
    columns.delimiter = a.delimiter[0];
  } else {
    return Error(InvalidArgument("give one character or 'tab'", "delimiter"));
  }
  basket::BasketFormat format = basket::GuessBasketFormat(a.input);
  if (!a.format.empty()) {
    CENTRIC_ASSIGN_OR_RETURN(format, basket::ParseBasketFormat(a.format));
  }
  return basket::ReadBasketFile(a.input, format, columns);
}

int Run(CliContext& ctx, const BasketArgs& a) {
  const auto start = Clock::now();
  if (a.from_store == !a.input.empty()) {
    fmt::print(stderr, "centric: give --input FILE or --db URL (the store's orders)\n");
    return kExitUsage;
  }
  // Everything about the support but its bound by the number of baskets, before reading.
  if (auto valid = basket::MinCount(a.min_support, basket::kMaxBaskets); !valid) {
    return Report(valid.error());
  }

  auto baskets = a.from_store ? StoreBaskets(ctx, a) : FileBaskets(a);
  if (!baskets) {
    if (ctx.exit_code != kExitOk) return ctx.exit_code;  // the store could not be opened
    return Report(baskets.error());
  }
  const std::string source = a.from_store ? ctx.db : a.input;
  const double read_seconds = Seconds(start);

  const auto mine_start = Clock::now();
  basket::MiningOptions mining;
  mining.min_support = a.min_support;
  mining.max_len = a.max_len;
  mining.threads = a.threads;
  auto frequent = basket::MineItemsets(*baskets, mining);
  if (!frequent) return Report(frequent.error());
  basket::Itemsets selected;
  const basket::ItemsetKind kind = a.closed    ? basket::ItemsetKind::kClosed
                                   : a.maximal ? basket::ItemsetKind::kMaximal
                                               : basket::ItemsetKind::kAll;
  if (kind == basket::ItemsetKind::kClosed) selected = basket::SelectClosed(*frequent, a.threads);
  if (kind == basket::ItemsetKind::kMaximal) selected = basket::SelectMaximal(*frequent, a.threads);
  const basket::Itemsets& reported = kind == basket::ItemsetKind::kAll ? *frequent : selected;
  const double mine_seconds = Seconds(mine_start);

  const auto rules_start = Clock::now();
  basket::RuleOptions rule_options;
  rule_options.min_confidence = a.min_confidence;
  rule_options.min_lift = a.min_lift;
  rule_options.min_leverage = a.min_leverage;
  rule_options.min_conviction = a.min_conviction;
  rule_options.max_consequent_len = a.max_consequent;
  rule_options.top_per_antecedent = a.top;
  rule_options.threads = a.threads;
  auto rules = basket::GenerateRules(*frequent, rule_options);
  if (!rules) return Report(rules.error());
  const double rules_seconds = Seconds(rules_start);

  const auto& dict = baskets->dictionary();
  if (!a.itemsets_path.empty()) {
    if (Status s = WriteItemsets(a.itemsets_path, reported, dict); !s.ok()) return Report(s);
  }
  if (!a.rules_path.empty()) {
    if (Status s = WriteRules(a.rules_path, *rules, *frequent, dict); !s.ok()) return Report(s);
  }
  size_t frequent_items = 0;
  while (frequent_items < frequent->size() && frequent->length(frequent_items) == 1) {
    ++frequent_items;
  }
  const double seconds = Seconds(start);

  if (a.json) {
    fmt::print(
        "{{\"baskets\":{},\"items\":{},\"frequent_items\":{},\"min_count\":{},\"kind\":\"{}\","
        "\"itemsets\":{},\"frequent_itemsets\":{},\"longest\":{},\"rules\":{},\"seconds\":{:.6f},"
        "\"read_seconds\":{:.6f},\"mine_seconds\":{:.6f},\"rules_seconds\":{:.6f}}}\n",
        baskets->size(), baskets->num_items(), frequent_items, frequent->min_count,
        basket::ItemsetKindName(kind), reported.size(), frequent->size(), reported.longest(),
        rules->size(), seconds, read_seconds, mine_seconds, rules_seconds);
    return kExitOk;
  }
  fmt::print("{} baskets, {} items ({} frequent) read from {} in {:.2f} s\n", baskets->size(),
             baskets->num_items(), frequent_items, source, read_seconds);
  fmt::print("{} {} itemsets (min support {} = {} baskets, longest {}) in {:.2f} s\n",
             reported.size(),
             kind == basket::ItemsetKind::kAll ? "frequent" : basket::ItemsetKindName(kind),
             a.min_support, frequent->min_count, reported.longest(), mine_seconds);
  if (kind != basket::ItemsetKind::kAll) {
    fmt::print("  {} of the {} frequent itemsets are {}\n", reported.size(), frequent->size(),
               basket::ItemsetKindName(kind));
  }
  fmt::print("{} rules with confidence >= {} in {:.2f} s\n", rules->size(), a.min_confidence,
             rules_seconds);
  PrintTopRules(*rules, *frequent, dict);
  if (!a.itemsets_path.empty()) fmt::print("itemsets written to {}\n", a.itemsets_path);
  if (!a.rules_path.empty()) fmt::print("rules written to {}\n", a.rules_path);
  return kExitOk;
}

}  // namespace

void RegisterCrossSellCommands(CLI::App& app, CliContext& ctx) {
  auto args = std::make_shared<BasketArgs>();
  auto* cmd = app.add_subcommand(
      "basket",
      "Market-basket analysis of a file or of the store's orders: frequent itemsets and "
      "association rules for cross-selling (see docs/basket.md)");
  auto* input = cmd->add_option(
      "--input", args->input,
      "Basket file: FIMI (one basket per line, item ids separated by spaces) or CSV "
      "(one row per basket and item); - reads standard input");
  auto* db = cmd->add_option("--db", ctx.db,
                             "Mine the orders of this store instead of a file: a SQLite path or "
                             "postgresql://...");
  db->excludes(input);
  cmd->add_option("--level", args->level,
                  "With --db: items are products (skus), or categories: 'category' for the "
                  "whole path, 'category:N' for its first N parts (Food/Pizza at 1 is Food)")
      ->capture_default_str();
  cmd->add_option("--per", args->per,
                  "With --db: one basket per order, or per customer (everything they bought)")
      ->capture_default_str()
      ->check(CLI::IsMember({"order", "customer"}));
  cmd->add_option("--window-days", args->window_days,
                  "With --db --per customer: only orders of the last N days (0: all)")
      ->capture_default_str();
  cmd->add_option("--format", args->format, "fimi or csv (default: csv for .csv files, else fimi)")
      ->check(CLI::IsMember({"fimi", "csv"}));
  cmd->add_option("--basket", args->basket_column,
                  "CSV: header of the basket id column (e.g. an invoice number)")
      ->capture_default_str();
  cmd->add_option("--item", args->item_column, "CSV: header of the item column (e.g. a SKU)")
      ->capture_default_str();
  cmd->add_option("--delimiter", args->delimiter, "CSV: field delimiter, one character or 'tab'")
      ->capture_default_str();
  cmd->add_option("--min-support", args->min_support,
                  "Minimum support: a fraction of the baskets when below 1 (0.01 = 1 %), else a "
                  "whole number of baskets")
      ->required();
  cmd->add_option("--min-confidence", args->min_confidence,
                  "Keep rules A -> C with confidence n(A u C) / n(A) at least this, in [0, 1]")
      ->capture_default_str()
      ->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--min-lift", args->min_lift,
                  "Keep rules with lift at least this (1: independence)")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--min-leverage", args->min_leverage,
                  "Keep rules with leverage (support minus support under independence) at least "
                  "this, in [-1, 1]")
      ->capture_default_str()
      ->check(CLI::Range(-1.0, 1.0));
  cmd->add_option("--min-conviction", args->min_conviction,
                  "Keep rules with conviction at least this ('inf': only rules that never fail)")
      ->capture_default_str()
      ->check(CLI::Validator(
          [](std::string& text) -> std::string {
            char* end = nullptr;
            const double value = std::strtod(text.c_str(), &end);
            if (text.empty() || *end != '\0' || !(value >= 0)) {
              return "must be a number >= 0, or inf";
            }
            return {};
          },
          "NUMBER >= 0 or inf"));
  cmd->add_option("--max-len", args->max_len, "Longest itemset, in items (0: no limit)")
      ->capture_default_str();
  cmd->add_option("--max-consequent", args->max_consequent,
                  "Most items on the right-hand side of a rule (0: no limit)")
      ->capture_default_str();
  cmd->add_option("--top", args->top,
                  "Keep the best N rules of each antecedent, by confidence then lift (0: all)")
      ->capture_default_str();
  auto* closed = cmd->add_flag("--closed", args->closed,
                               "Report only closed itemsets: no superset has the same count");
  auto* maximal = cmd->add_flag("--maximal", args->maximal,
                                "Report only maximal itemsets: no superset is frequent");
  closed->excludes(maximal);
  cmd->add_option("--itemsets", args->itemsets_path,
                  "Write the itemsets here, one per line: items ascending, then the count in "
                  "parentheses, e.g. '12 38 41 (118)'");
  cmd->add_option("--rules", args->rules_path,
                  "Write the rules here as CSV: antecedent, consequent, counts, support, "
                  "confidence, lift, leverage, conviction ('inf' when confidence is 1)");
  cmd->add_flag("--json", args->json,
                "Print one JSON object (baskets, items, itemsets, rules, seconds...) instead of "
                "the readable summary");
  cmd->add_option("--threads", args->threads, "Mining threads (0: one per core)")
      ->capture_default_str()
      ->check(CLI::Range(0, 256));
  cmd->footer(
      "Rules are made from every frequent itemset, also with --closed or --maximal (which\n"
      "select the itemsets written and counted). With --max-len, closed and maximal are judged\n"
      "among the itemsets of at most that many items.\n"
      "Examples: centric basket --input orders.csv --basket InvoiceNo --item StockCode \\\n"
      "            --min-support 0.01 --min-confidence 0.5 --rules rules.csv\n"
      "          centric basket --db ./centric.db --level category:1 --min-support 0.01\n"
      "Returned and cancelled orders, and lines with a negative quantity, are not purchases and\n"
      "are left out of store baskets.\n"
      "Exit codes: 0 ok, 1 failure (unreadable or bad input), 2 usage error.");
  cmd->callback([&ctx, args, db] {
    args->from_store = db->count() > 0;
    ctx.exit_code = Run(ctx, *args);
  });
}

}  // namespace centric::crosssell
