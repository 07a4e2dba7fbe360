// SPDX-License-Identifier: Apache-2.0
// analytics_generate_transactions CUSTOMERS FILE [SEED]: writes a transaction log
// "customer,date,amount" whose buying follows the BG/NBD story (Fader, Hardie & Lee 2005),
// the input of the retention benchmark. Each customer's first purchase is uniform over
// 2023-01-01..2024-12-31; purchases then arrive as a Poisson process with a rate drawn from
// Gamma(r = 0.9, alpha = 14 days) until the customer drops out, with probability p drawn from
// Beta(a = 0.6, b = 1.8) after each purchase; observation ends on 2025-12-31. Spend per
// purchase follows Gamma-Gamma (p = 6, q = 4, gamma = 15): a mean of about 30.00.
// Rows are written per customer in time order; about 10 transactions per customer.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>

namespace {

constexpr int kFirstDay = 19358;  // 2023-01-01 as days since 1970-01-01
constexpr int kFirstSpan = 731;   // first purchases through 2024-12-31
constexpr int kLastDay = 20453;   // 2025-12-31

// Civil date of a day number (H. Hinnant's algorithm).
void WriteDate(char* out, int z) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  std::snprintf(out, 11, "%04d-%02u-%02u", y + (m <= 2), m, d);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s CUSTOMERS FILE [SEED]\n", argv[0]);
    return 2;
  }
  const long long customers = std::atoll(argv[1]);
  const std::string path = argv[2];
  const unsigned long long seed = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 1;
  std::FILE* out = path == "-" ? stdout : std::fopen(path.c_str(), "wb");
  if (out == nullptr || customers < 0) {
    std::perror(path.c_str());
    return 1;
  }
  static char buffer[1 << 20];
  std::setvbuf(out, buffer, _IOFBF, sizeof buffer);
  std::mt19937_64 rng(seed);
  std::gamma_distribution<double> rate(0.9, 1.0 / 14.0);
  std::gamma_distribution<double> beta_a(0.6, 1.0), beta_b(1.8, 1.0);
  std::gamma_distribution<double> spend_scale(4.0, 1.0 / 15.0);  // nu ~ Gamma(q, gamma)
  std::uniform_int_distribution<int> first_day(0, kFirstSpan - 1);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::fputs("customer,date,amount\n", out);
  char date[11];
  for (long long c = 0; c < customers; ++c) {
    const double lambda = rate(rng);
    const double ga = beta_a(rng), gb = beta_b(rng);
    const double p = ga / (ga + gb);
    std::gamma_distribution<double> spend(6.0, 1.0 / spend_scale(rng));
    double t = kFirstDay + first_day(rng);
    while (true) {
      WriteDate(date, static_cast<int>(t));
      long long cents = std::llround(spend(rng) * 100.0);
      std::fprintf(out, "c%lld,%s,%lld.%02lld\n", c, date, cents / 100, cents % 100);
      if (unit(rng) < p) break;  // dropped out after this purchase
      t += -std::log(1.0 - unit(rng)) / lambda;
      if (t > kLastDay + 1) break;
    }
  }
  bool ok = std::fflush(out) == 0;
  if (out != stdout) ok = std::fclose(out) == 0 && ok;
  if (!ok) {
    std::perror(path.c_str());
    return 1;
  }
  return 0;
}
