// SPDX-License-Identifier: Apache-2.0
// A gMock matcher for the segment tests: a Result<T> that failed with InvalidArgument about a
// given input field.
#pragma once

#include <gmock/gmock.h>

#include <string>

#include "core/status.h"

namespace centric::analytics::segments {

MATCHER_P(FailsOnField, field, "fails with invalid_argument about field " + std::string(field)) {
  if (arg.has_value()) {
    *result_listener << "which succeeded";
    return false;
  }
  *result_listener << "which is " << arg.error().ToString();
  return arg.error().code() == StatusCode::kInvalidArgument && arg.error().field() == field;
}

}  // namespace centric::analytics::segments
