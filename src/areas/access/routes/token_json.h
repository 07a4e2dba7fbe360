// SPDX-License-Identifier: Apache-2.0
// The JSON form of an API token record: {"id","name","role","created_at","revoked"}. The secret
// is never part of it; only the response that creates a token adds "token".
#pragma once

#include <boost/json/object.hpp>

#include "areas/access/access_types.h"

namespace centric::access {

boost::json::object ApiTokenJson(const ApiToken& token);

}  // namespace centric::access
