// SPDX-License-Identifier: Apache-2.0
// The Gauss hypergeometric function in the one form the BG/NBD conditional expectation needs.
#pragma once

namespace centric::analytics::clv {

// (1 - z)^a * 2F1(a, b; c; z) for 0 <= z < 1. Computed through Euler's transformation
// 2F1(a, b; c; z) = (1 - z)^(c - a - b) 2F1(c - a, c - b; c; z), so the result is
// (1 - z)^(c - b) 2F1(c - a, c - b; c; z): in the BG/NBD a = r + x and b = b + x grow with the
// purchase count while c - a and c - b stay small, and that series converges fast and never
// overflows. Returns NaN if it has not converged after 200,000 terms.
double ScaledHyp2f1(double a, double b, double c, double z);

}  // namespace centric::analytics::clv
