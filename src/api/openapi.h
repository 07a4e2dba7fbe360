// SPDX-License-Identifier: Apache-2.0
// The OpenAPI 3 description of the API, served at GET /api/v1/openapi.json. Written by hand in
// src/api/openapi.json and compiled into the executable; tests/api/openapi_test.cc proves its
// paths and methods are exactly the router's.
#pragma once

#include <string_view>

namespace centric::api {

// The document as JSON text; static storage.
std::string_view OpenApiDocument();

}  // namespace centric::api
