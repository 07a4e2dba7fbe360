// SPDX-License-Identifier: Apache-2.0
#include "synthetic_data.h"

#include <fmt/format.h>

#include <random>
#include <vector>

#include "ingest/bulk/bulk_writer.h"

namespace centric::bench {
namespace {

const char* const kCountries[] = {"FR", "ES", "VN", "DE", "MA", "IT"};
const char* const kLanguages[] = {"fr", "ca", "vi", "de", "ar", "it"};
const char* const kFirst[] = {"Amélie",  "Jordi",  "Mai",  "Lukas",
                              "Yasmine", "Giulia", "Paul", "Núria"};
const char* const kLast[] = {"Durand",    "Puig",  "Nguyễn", "Schmidt",
                             "El Amrani", "Rossi", "Martin", "Vidal"};
const char* const kKinds[] = {"call", "email", "meeting", "note"};

}  // namespace

Result<SyntheticSummary> WriteSynthetic(store::Connection& connection,
                                        const SyntheticOptions& options,
                                        const std::function<void(int64_t)>& progress) {
  std::mt19937_64 rng(options.seed);
  auto uniform = [&rng](int64_t lo, int64_t hi) {
    return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
  };
  SyntheticSummary summary;
  std::vector<ProductId> products;
  const int64_t start = ToUnixSeconds(*ParseIso8601("2023-01-01"));
  const int64_t span = 3 * 365 * 86400;

  for (int64_t first = 0; first < options.customers; first += options.batch) {
    CENTRIC_ASSIGN_OR_RETURN(auto writer, ingest::BeginBulk(connection));
    if (products.empty()) {
      for (int i = 0; i < options.products; ++i) {
        Product p;
        p.sku = fmt::format("SYN-{:04}", i);
        p.name = fmt::format("Product {}", i);
        p.category = fmt::format("Cat{}/Sub{}", i % 10, i % 7);
        p.price_minor = 100 + (i * 37) % 5000;
        CENTRIC_ASSIGN_OR_RETURN(ProductId id, writer->UpsertProduct(p));
        products.push_back(id);
      }
    }
    int64_t last = std::min(options.customers, first + options.batch);
    for (int64_t i = first; i < last; ++i) {
      Customer c;
      c.external_id = fmt::format("S{:08}", i);
      c.name = fmt::format("{} {}", kFirst[uniform(0, 7)], kLast[uniform(0, 7)]);
      c.emails = {fmt::format("customer{}@example.com", i)};
      size_t locale = static_cast<size_t>(uniform(0, 5));
      c.country = kCountries[locale];
      c.preferred_language = kLanguages[locale];
      if (i % 10 == 0) c.tags = {"vip"};
      CENTRIC_ASSIGN_OR_RETURN(CustomerId customer_id, writer->UpsertCustomer(c));
      ++summary.customers;

      // Lines 1-3 per order (mean 2), and as many orders as give the wanted mean per customer,
      // varied from 1 to twice the mean.
      int64_t lines_left = uniform(1, 2 * options.lines_per_customer - 1);
      int64_t invoice = 0;
      while (lines_left > 0) {
        Order o;
        o.customer_id = customer_id;
        o.external_id = fmt::format("INV-{}-{}", i, ++invoice);
        o.ordered_at = FromUnixSeconds(start + uniform(0, span));
        int64_t n = std::min<int64_t>(lines_left, uniform(1, 3));
        lines_left -= n;
        for (int64_t l = 0; l < n; ++l) {
          OrderLine line;
          line.product_id = products[static_cast<size_t>(uniform(0, options.products - 1))];
          line.quantity = uniform(1, 4);
          line.unit_price_minor = uniform(100, 5000);
          line.amount_minor = line.quantity * line.unit_price_minor;
          o.lines.push_back(line);
        }
        RecomputeTotals(o);
        if (auto written = writer->UpsertOrder(o); !written) return Error(written.error());
        ++summary.orders;
        summary.order_lines += n;
      }
      for (int k = 0; k < options.interactions_per_customer; ++k) {
        Interaction x;
        x.customer_id = customer_id;
        x.kind = kKinds[uniform(0, 3)];
        x.channel = "phone";
        x.occurred_at = FromUnixSeconds(start + uniform(0, span));
        x.summary = "Synthetic interaction";
        x.details = "{}";
        if (auto added = writer->AddInteraction(x); !added) return Error(added.error());
        ++summary.interactions;
      }
    }
    CENTRIC_RETURN_IF_ERROR(writer->Commit());
    if (progress) progress(last);
  }
  return summary;
}

}  // namespace centric::bench
