// SPDX-License-Identifier: Apache-2.0
// The JSON form of a web app user: {"id","email","name","role","disabled","created_at",
// "updated_at"}; never the password hash.
#pragma once

#include <boost/json/object.hpp>

#include "areas/access/access_types.h"

namespace centric::access {

boost::json::object UserJson(const User& user);

}  // namespace centric::access
