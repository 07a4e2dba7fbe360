// SPDX-License-Identifier: Apache-2.0
// Result<T>: a T or the Status saying why there is none. An alias of tl::expected so the move
// to std::expected (C++23) is one line.
#pragma once

#include <tl/expected.hpp>

#include "core/status.h"

namespace centric {

template <typename T>
using Result = tl::expected<T, Status>;

// Wraps a failed Status for returning from a function that returns Result<T>.
inline tl::unexpected<Status> Error(Status status) { return tl::unexpected<Status>(std::move(status)); }

}  // namespace centric

#define CENTRIC_CONCAT_INNER_(a, b) a##b
#define CENTRIC_CONCAT_(a, b) CENTRIC_CONCAT_INNER_(a, b)
#define CENTRIC_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                   \
  if (!tmp) return ::centric::Error(std::move(tmp).error()); \
  lhs = std::move(*tmp)
// CENTRIC_ASSIGN_OR_RETURN(auto x, F()); declares x from F()'s value or returns its error.
#define CENTRIC_ASSIGN_OR_RETURN(lhs, expr) \
  CENTRIC_ASSIGN_OR_RETURN_IMPL_(CENTRIC_CONCAT_(centric_result_, __LINE__), lhs, expr)
