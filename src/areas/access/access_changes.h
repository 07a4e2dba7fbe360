// SPDX-License-Identifier: Apache-2.0
// The audit rows of the access area's writes, built once for both backends. None of them
// holds a secret: a new password is recorded as changed, never as what it is.
#pragma once

#include <cstdint>
#include <string>

#include "areas/access/access_types.h"
#include "platform/store/change.h"

namespace centric::access {

platform::Change UserCreated(const User& user);
// `password_changed` and `sessions_ended` (how many) say what else the write did.
platform::Change UserUpdated(const User& before, const User& after, bool password_changed,
                             int64_t sessions_ended);
platform::Change SignedIn(int64_t user_id);
platform::Change SignedOut(const std::string& user_id);
platform::Change SignedOutEverywhere(int64_t user_id, int64_t sessions_ended);
platform::Change ViewCreated(const SavedView& view);
platform::Change ViewDeleted(int64_t id);
platform::Change TokenCreated(const ApiToken& token);
platform::Change TokenRevoked(int64_t id);

}  // namespace centric::access
