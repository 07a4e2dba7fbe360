// SPDX-License-Identifier: Apache-2.0
// The JSON form of an API token record: {"id","name","role","created_at","revoked"}. The secret
// is never part of it; only the response that creates a token adds "token".
#pragma once

#include <boost/json/object.hpp>

#include "store/store.h"

namespace centric::api {

boost::json::object ApiTokenJson(const store::ApiToken& token);

}  // namespace centric::api
