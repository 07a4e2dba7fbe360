// SPDX-License-Identifier: Apache-2.0
// The JSON form of a web app user: {"id","email","name","role","disabled","created_at",
// "updated_at"}; never the password hash.
#pragma once

#include <boost/json/object.hpp>

#include "store/store.h"

namespace centric::api {

boost::json::object UserJson(const store::User& user);

}  // namespace centric::api
