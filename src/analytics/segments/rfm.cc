// SPDX-License-Identifier: Apache-2.0
#include "analytics/segments/rfm.h"

#include <fmt/format.h>

#include "analytics/segments/input_checks.h"

namespace centric::analytics::segments {
namespace {

Status CheckSummaries(const clv::CustomerSummaries& s, int32_t as_of_day) {
  const size_t n = s.customer.size();
  CENTRIC_RETURN_IF_ERROR(CheckSize(s.frequency.size(), n, "frequency"));
  CENTRIC_RETURN_IF_ERROR(CheckSize(s.last_day.size(), n, "last_day"));
  CENTRIC_RETURN_IF_ERROR(CheckSize(s.total_spend.size(), n, "total_spend"));
  for (size_t i = 0; i < n; ++i) {
    if (s.frequency[i] < 0) {
      return InvalidArgument(fmt::format("frequency[{}] = {} is negative", i, s.frequency[i]),
                             "frequency");
    }
    if (s.last_day[i] > as_of_day) {
      return InvalidArgument(fmt::format("last_day[{}] = {} is after as_of_day {}", i,
                                         s.last_day[i], as_of_day),
                             "as_of_day");
    }
  }
  return Status::Ok();
}

double Monetary(const clv::CustomerSummaries& s, size_t i, RfmMonetary kind) {
  const double total = static_cast<double>(s.total_spend[i]);
  return kind == RfmMonetary::kTotalSpend ? total : total / (s.frequency[i] + 1.0);
}

}  // namespace

Result<RfmScores> ScoreRfm(const clv::CustomerSummaries& s, const RfmOptions& options) {
  CENTRIC_RETURN_IF_ERROR(CheckSummaries(s, options.as_of_day));
  const size_t n = s.customer.size();
  RfmScores out;
  if (n == 0) return out;

  // R ranks the last purchase day itself: a later day is a more recent purchase, and the
  // as-of date is the same for everyone, so ranks equal those of -(days since).
  std::vector<double> r_key(n), f_key(n), m_key(n);
  for (size_t i = 0; i < n; ++i) {
    r_key[i] = s.last_day[i];
    f_key[i] = s.frequency[i] + 1.0;
    m_key[i] = Monetary(s, i, options.monetary);
  }
  const QuintileCuts r_above = ComputeQuintileCuts(r_key);
  const QuintileCuts f_above = ComputeQuintileCuts(f_key);
  const QuintileCuts m_above = ComputeQuintileCuts(m_key);
  for (size_t k = 0; k < 4; ++k) {
    out.cuts.recency_days_below[k] = options.as_of_day - static_cast<int32_t>(r_above[k]);
    out.cuts.periods_above[k] = static_cast<int32_t>(f_above[k]);
    out.cuts.monetary_above[k] = m_above[k];
  }

  out.r.resize(n);
  out.f.resize(n);
  out.m.resize(n);
  out.fm.resize(n);
  out.segment.resize(n);
  for (size_t i = 0; i < n; ++i) {
    const uint8_t r = QuintileScore(r_key[i], r_above);
    const uint8_t f = QuintileScore(f_key[i], f_above);
    const uint8_t m = QuintileScore(m_key[i], m_above);
    const int fm = FrequencyMonetaryScore(f, m);
    const RfmSegment segment = SegmentOf(r, fm);
    out.r[i] = r;
    out.f[i] = f;
    out.m[i] = m;
    out.fm[i] = static_cast<uint8_t>(fm);
    out.segment[i] = segment;
    ++out.grid.counts[r - 1][fm - 1];
    ++out.segment_counts[static_cast<size_t>(segment)];
  }
  return out;
}

}  // namespace centric::analytics::segments
