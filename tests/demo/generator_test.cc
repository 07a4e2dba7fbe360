// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <cmath>
#include <set>
#include <string>

#include "core/json_codec.h"
#include "demo/demo.h"
#include "sample.h"

namespace centric::demo {
namespace {

using sample::SampleCustomers;
using sample::SampleGenerator;
using sample::SampleOptions;

// Everything generated for customers [0, n) as JSON text, the way an export would write it.
std::string Dump(const Generator& generator, int64_t n) {
  std::string out;
  for (const auto& product : generator.products()) {
    out += boost::json::serialize(ToJson(product));
    out += '\n';
  }
  for (int64_t i = 0; i < n; ++i) {
    GeneratedCustomer g = generator.Customer(i);
    out += boost::json::serialize(ToJson(g.customer));
    out += '\n';
    for (const auto& order : g.orders) {
      out += boost::json::serialize(ToJson(order));
      out += '\n';
    }
    for (const auto& interaction : g.interactions) {
      out += boost::json::serialize(ToJson(interaction));
      out += '\n';
    }
  }
  return out;
}

TEST(GeneratorTest, SameSeedGivesIdenticalEntities) {
  DemoOptions options = SampleOptions();
  Generator a(options), b(options);
  EXPECT_EQ(Dump(a, 500), Dump(b, 500));
  // Customer i depends on (seed, i) only, not on how many customers are asked for.
  options.customers = 3;
  Generator small(options);
  EXPECT_EQ(Dump(small, 3), Dump(a, 3));
}

TEST(GeneratorTest, DifferentSeedGivesDifferentEntities) {
  DemoOptions options = SampleOptions();
  Generator a(options);
  options.seed += 1;
  Generator b(options);
  EXPECT_NE(Dump(a, 50), Dump(b, 50));
  int same_names = 0;
  for (int64_t i = 0; i < 200; ++i)
    same_names += a.Customer(i).customer.name == b.Customer(i).customer.name;
  EXPECT_LT(same_names, 20);  // about 1 in 256 by chance within a locale, less across locales
}

TEST(GeneratorTest, ExternalIdsAreStableAndPadded) {
  EXPECT_EQ(CustomerExternalId(0), "D0000001");
  EXPECT_EQ(CustomerExternalId(999999), "D1000000");
  EXPECT_EQ(SampleCustomers()[41].customer.external_id, "D0000042");
  EXPECT_EQ(SampleCustomers()[41].orders.front().external_id.substr(0, 12), "D0000042-001");
}

TEST(GeneratorTest, RejectsBadOptions) {
  DemoOptions options;
  options.customers = -1;
  EXPECT_EQ(ValidateOptions(options).field(), "customers");
  options = DemoOptions{};
  options.income_shares = {0.5, 0.5, 0.5};
  EXPECT_EQ(ValidateOptions(options).field(), "income_shares");
  options = DemoOptions{};
  options.spend.q = 1.0;
  EXPECT_EQ(ValidateOptions(options).field(), "spend");
  EXPECT_TRUE(ValidateOptions(DemoOptions{}).ok());
}

TEST(GeneratorTest, CatalogCoversTheFiveDepartmentsWithDifferentMargins) {
  const auto& products = SampleGenerator().products();
  EXPECT_GE(products.size(), 200u);
  std::set<std::string> skus;
  std::map<std::string, std::pair<double, int>> cost_ratio;  // department -> (sum, count)
  for (const auto& p : products) {
    ASSERT_TRUE(ValidateProduct(p).ok()) << p.sku;
    EXPECT_TRUE(skus.insert(p.sku).second) << "duplicate sku " << p.sku;
    EXPECT_EQ(p.currency, "EUR");
    EXPECT_GT(p.price_minor, p.unit_cost_minor);
    auto& [sum, count] = cost_ratio[std::string(CategoryPrefix(p.category, 1))];
    sum += static_cast<double>(p.unit_cost_minor) / static_cast<double>(p.price_minor);
    ++count;
  }
  ASSERT_EQ(cost_ratio.size(), 5u);
  auto ratio = [&](const char* d) { return cost_ratio[d].first / cost_ratio[d].second; };
  // Thin margins on electronics, fat ones on services and clothing.
  EXPECT_GT(ratio("Electronics"), 0.6);
  EXPECT_LT(ratio("Clothing"), 0.5);
  EXPECT_LT(ratio("Services"), ratio("Furniture"));
}

TEST(GeneratorTest, EveryEntityIsValidAndOrdersAddUp) {
  for (const auto& g : SampleCustomers()) {
    ASSERT_TRUE(ValidateCustomer(g.customer).ok()) << g.customer.external_id;
    ASSERT_FALSE(g.orders.empty());
    std::set<std::string> invoices;
    for (const auto& order : g.orders) {
      Order o = order;
      o.customer_id = 1;  // the writer fills it in
      ASSERT_TRUE(ValidateOrder(o).ok()) << order.external_id << ValidateOrder(o).ToString();
      ASSERT_TRUE(invoices.insert(order.external_id).second) << order.external_id;
      EXPECT_GE(order.ordered_at, g.truth.acquired);
      EXPECT_LT(order.ordered_at, g.truth.observed_until);
      int64_t sum = 0;
      for (const auto& line : order.lines) {
        EXPECT_EQ(line.amount_minor, line.quantity * line.unit_price_minor - line.discount_minor);
        EXPECT_EQ(line.quantity > 0, order.status == OrderStatus::kPlaced);
        sum += line.amount_minor;
      }
      EXPECT_EQ(order.total_minor, sum);
    }
    for (const auto& interaction : g.interactions) {
      Interaction i = interaction;
      i.customer_id = 1;
      ASSERT_TRUE(ValidateInteraction(i).ok()) << ValidateInteraction(i).ToString();
      EXPECT_TRUE(ParseJsonObject(i.details).has_value()) << i.details;
    }
  }
}

TEST(GeneratorTest, IncomeGroupsHaveTheirSharesAndMiddleIsLargest) {
  int counts[3] = {};
  for (const auto& g : SampleCustomers()) {
    ++counts[static_cast<int>(g.truth.income)];
    EXPECT_EQ(g.customer.attributes.at("income_group"), IncomeGroupName(g.truth.income));
  }
  const double n = static_cast<double>(SampleCustomers().size());
  const auto shares = SampleOptions().income_shares;
  for (int i = 0; i < 3; ++i) {
    // Binomial standard error sqrt(s(1-s)/n) is at most 0.0035 for n = 20,000; allow 5 of them.
    EXPECT_NEAR(counts[i] / n, shares[i], 5 * std::sqrt(shares[i] * (1 - shares[i]) / n)) << i;
  }
  EXPECT_GT(counts[1], counts[0]);
  EXPECT_GT(counts[1], counts[2]);
}

TEST(GeneratorTest, HigherIncomeSpendsMore) {
  double sum[3] = {}, count[3] = {};
  for (const auto& g : SampleCustomers()) {
    for (const auto* order : sample::PlacedOrders(g)) {
      sum[static_cast<int>(g.truth.income)] += static_cast<double>(order->total_minor);
      ++count[static_cast<int>(g.truth.income)];
    }
  }
  EXPECT_LT(sum[0] / count[0], sum[1] / count[1]);
  EXPECT_LT(sum[1] / count[1], sum[2] / count[2]);
}

// Decodes UTF-8 strictly: no overlong forms, no surrogates, nothing above U+10FFFF.
bool DecodeUtf8(std::string_view s, std::vector<char32_t>* out = nullptr) {
  size_t i = 0;
  while (i < s.size()) {
    auto b = static_cast<unsigned char>(s[i]);
    int len = b < 0x80 ? 1 : (b >> 5) == 6 ? 2 : (b >> 4) == 14 ? 3 : (b >> 3) == 30 ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1F) : len == 3 ? (b & 0x0F) : (b & 0x07);
    for (int k = 1; k < len; ++k) {
      auto c = static_cast<unsigned char>(s[i + k]);
      if ((c >> 6) != 2) return false;
      cp = (cp << 6) | (c & 0x3F);
    }
    static constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    if (out) out->push_back(cp);
    i += len;
  }
  return true;
}

TEST(GeneratorTest, Utf8DecoderRejectsBrokenText) {
  EXPECT_TRUE(DecodeUtf8("Nguyễn محمد Núria"));
  EXPECT_FALSE(DecodeUtf8("\xC3"));          // truncated
  EXPECT_FALSE(DecodeUtf8("\xC0\xAF"));      // overlong '/'
  EXPECT_FALSE(DecodeUtf8("\xED\xA0\x80"));  // surrogate
}

TEST(GeneratorTest, AllTextIsValidUtf8) {
  for (const auto& p : SampleGenerator().products()) ASSERT_TRUE(DecodeUtf8(p.name)) << p.sku;
  for (const auto& g : SampleCustomers()) {
    const auto& c = g.customer;
    ASSERT_TRUE(DecodeUtf8(c.name)) << c.external_id;
    ASSERT_TRUE(DecodeUtf8(c.account_owner)) << c.external_id;
    for (const auto& e : c.emails) ASSERT_TRUE(DecodeUtf8(e));
    for (const auto& [k, v] : c.attributes) ASSERT_TRUE(DecodeUtf8(k) && DecodeUtf8(v));
    for (const auto& t : c.tags) ASSERT_TRUE(DecodeUtf8(t));
    for (const auto& i : g.interactions) {
      ASSERT_TRUE(DecodeUtf8(i.summary)) << i.summary;
      ASSERT_TRUE(DecodeUtf8(i.author));
    }
  }
}

bool IsArabicLetter(char32_t cp) { return cp >= 0x0600 && cp <= 0x06FF; }

TEST(GeneratorTest, FiveLanguagesWithTheirScriptsCountriesAndZones) {
  std::map<std::string, int> languages;
  int vi_with_diacritics = 0;
  const std::map<std::string, std::set<std::string>> countries = {{"en", {"GB", "IE", "MT"}},
                                                                  {"fr", {"FR", "BE", "LU"}},
                                                                  {"ca", {"ES", "AD"}},
                                                                  {"vi", {"VN", "FR", "DE"}},
                                                                  {"ar", {"MA", "FR", "AE", "EG"}}};
  for (const auto& g : SampleCustomers()) {
    const auto& c = g.customer;
    ++languages[c.preferred_language];
    ASSERT_TRUE(countries.at(c.preferred_language).contains(c.country)) << c.country;
    ASSERT_NE(c.time_zone.find('/'), std::string::npos);
    std::vector<char32_t> name;
    ASSERT_TRUE(DecodeUtf8(c.name, &name));
    if (c.preferred_language == "ar") {
      for (char32_t cp : name) ASSERT_TRUE(cp == U' ' || IsArabicLetter(cp)) << c.name;
      for (const auto& i : g.interactions) {
        std::vector<char32_t> text;
        ASSERT_TRUE(DecodeUtf8(i.summary, &text));
        EXPECT_GT(std::count_if(text.begin(), text.end(), IsArabicLetter), 5) << i.summary;
      }
    }
    if (c.preferred_language == "vi") {
      // Vietnamese letters beyond ASCII: Latin-1 (à, â), Latin Extended-A/B (đ, ơ, ư) and
      // Latin Extended Additional (ễ, ộ).
      bool marked = std::any_of(name.begin(), name.end(), [](char32_t cp) {
        return (cp >= 0xC0 && cp <= 0x1B0) || (cp >= 0x1EA0 && cp <= 0x1EF9);
      });
      vi_with_diacritics += marked;
      if (c.country == "VN") {
        EXPECT_EQ(c.time_zone, "Asia/Ho_Chi_Minh");
      }
    }
    for (const auto& e : c.emails) {
      for (char ch : e) ASSERT_TRUE(static_cast<unsigned char>(ch) < 0x80) << e;
    }
  }
  for (const char* language : {"en", "fr", "ca", "vi", "ar"}) {
    EXPECT_GT(languages[language], 1000) << language;
  }
  EXPECT_EQ(languages.size(), 5u);
  // Only a few given names ("Minh Anh", "Gia Huy") with a plain family name ("Phan") have none.
  EXPECT_GT(vi_with_diacritics, 0.9 * languages["vi"]);
}

TEST(GeneratorTest, SummariesAreWrittenInTheCustomersLanguage) {
  int checked = 0;
  for (const auto& g : SampleCustomers()) {
    const auto& lang = g.customer.preferred_language;
    for (const auto& i : g.interactions) {
      std::vector<char32_t> text;
      ASSERT_TRUE(DecodeUtf8(i.summary, &text));
      if (lang == "fr") {
        EXPECT_TRUE(i.summary.find("commande") != std::string::npos ||
                    i.summary.find("é") != std::string::npos ||
                    i.summary.find("è") != std::string::npos)
            << i.summary;
      }
      if (lang == "vi") {
        EXPECT_TRUE(std::any_of(text.begin(), text.end(), [](char32_t cp) {
          return cp >= 0x1EA0 && cp <= 0x1EF9;
        })) << i.summary;
      }
      ++checked;
    }
  }
  EXPECT_GT(checked, 5000);
}

}  // namespace
}  // namespace centric::demo
