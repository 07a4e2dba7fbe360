// SPDX-License-Identifier: Apache-2.0
#include "retail_generator.h"

#include <array>
#include <chrono>
#include <vector>

#include <fmt/format.h>

namespace centric::bench {
namespace {

// splitmix64: tiny, fast and identical on every platform, unlike std:: distributions.
struct Rng {
  uint64_t state;
  uint64_t Next() {
    uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int Below(int n) { return static_cast<int>(Next() % static_cast<uint64_t>(n)); }
};

constexpr std::array<const char*, 24> kWords = {
    "WHITE", "HANGING", "HEART", "T-LIGHT", "HOLDER", "METAL", "LANTERN", "CREAM", "CUPID",
    "HEARTS", "COAT", "HANGER", "KNITTED", "UNION", "FLAG", "HOT", "WATER", "BOTTLE", "RED",
    "WOOLLY", "HOTTIE", "SET", "OF", "TEA"};
constexpr std::array<const char*, 8> kCountries = {
    "United Kingdom", "United Kingdom", "United Kingdom", "France", "Germany", "EIRE", "Spain",
    "Netherlands"};

constexpr int kCustomers = 50'000;
constexpr int kProducts = 5'000;

struct Catalogue {
  std::vector<std::string> skus, descriptions;
  std::vector<int> prices;  // in pence
};

Catalogue MakeCatalogue(Rng& rng) {
  Catalogue c;
  for (int i = 0; i < kProducts; ++i) {
    // Stock codes mix digits and letters, as in the real export: 85123A, 71053.
    std::string sku = std::to_string(10000 + i);
    if (rng.Below(3) == 0) sku += static_cast<char>('A' + rng.Below(6));
    std::string d;
    int words = 2 + rng.Below(4);
    for (int w = 0; w < words; ++w) {
      if (w) d += ' ';
      d += kWords[rng.Below(static_cast<int>(kWords.size()))];
    }
    // Some descriptions need CSV quoting.
    if (rng.Below(20) == 0) d = "\"" + d + ", ASSORTED\"";
    c.skus.push_back(std::move(sku));
    c.descriptions.push_back(std::move(d));
    c.prices.push_back(10 + rng.Below(5000));
  }
  return c;
}

// Generates into `emit(text)` in pieces of about 1 MiB.
template <typename Emit>
bool Generate(int64_t lines, uint64_t seed, Emit emit) {
  Rng rng{seed};
  Catalogue cat = MakeCatalogue(rng);
  fmt::memory_buffer buf;
  fmt::format_to(std::back_inserter(buf),
                 "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n");
  using namespace std::chrono;
  sys_seconds when = sys_days(year(2010) / 12 / 1) + hours(8);
  int64_t invoice = 500000;
  int64_t written = 0;
  while (written < lines) {
    ++invoice;
    when += minutes(rng.Below(30));
    const bool cancelled = rng.Below(50) == 0;
    const bool guest = rng.Below(100) == 0;
    const int customer = 12346 + rng.Below(kCustomers);
    const char* country = kCountries[static_cast<size_t>(customer) % kCountries.size()];
    const int n = 1 + rng.Below(40);
    const year_month_day ymd{floor<days>(when)};
    const auto tod = when - floor<days>(when);
    const auto h = duration_cast<hours>(tod).count();
    const auto m = duration_cast<minutes>(tod).count() % 60;
    for (int i = 0; i < n && written < lines; ++i, ++written) {
      int p = rng.Below(kProducts);
      int quantity = 1 + rng.Below(24);
      if (cancelled) quantity = -quantity;
      int pence = cat.prices[static_cast<size_t>(p)];
      fmt::format_to(std::back_inserter(buf), "{}{},{},{},{},{}/{}/{} {:02}:{:02},{}.{:02},", cancelled ? "C" : "",
                     invoice, cat.skus[static_cast<size_t>(p)], cat.descriptions[static_cast<size_t>(p)], quantity,
                     static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                     static_cast<int>(ymd.year()), h, m, pence / 100, pence % 100);
      if (!guest) fmt::format_to(std::back_inserter(buf), "{}", customer);
      fmt::format_to(std::back_inserter(buf), ",{}\n", country);
      if (buf.size() >= (1u << 20)) {
        if (!emit(std::string_view(buf.data(), buf.size()))) return false;
        buf.clear();
      }
    }
  }
  return emit(std::string_view(buf.data(), buf.size()));
}

}  // namespace

bool WriteRetailCsv(std::FILE* out, int64_t lines, uint64_t seed) {
  return Generate(lines, seed, [out](std::string_view s) {
    return std::fwrite(s.data(), 1, s.size(), out) == s.size();
  });
}

std::string RetailCsv(int64_t lines, uint64_t seed) {
  std::string text;
  Generate(lines, seed, [&text](std::string_view s) {
    text.append(s);
    return true;
  });
  return text;
}

}  // namespace centric::bench
