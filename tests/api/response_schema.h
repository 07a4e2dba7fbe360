// SPDX-License-Identifier: Apache-2.0
// Checks a JSON response against its schema in openapi.json, so the document and the server
// say the same: every member a response carries is described (unless the schema leaves its
// object open), every required member is there, null only where the schema says nullable, and
// kinds (integer, number, string, boolean, array, object) and closed value lists agree. $ref
// is followed and allOf merged, as clients read the document.
#pragma once

#include <boost/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace centric::api::openapi_check {

// The problems of `value` against the 200 response schema of `method` `path` (as written in
// the document, "/api/v1/customers/{id}"), one line each naming the member; empty when it
// matches.
std::vector<std::string> ResponseProblems(std::string_view method, std::string_view path,
                                          const boost::json::value& value);

}  // namespace centric::api::openapi_check
