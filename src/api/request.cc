// SPDX-License-Identifier: Apache-2.0
#include "api/request.h"

#include <array>

namespace centric::api {
namespace {

constexpr std::array<std::pair<Method, std::string_view>, 7> kMethodNames = {{
    {Method::kGet, "GET"},
    {Method::kHead, "HEAD"},
    {Method::kPost, "POST"},
    {Method::kPut, "PUT"},
    {Method::kPatch, "PATCH"},
    {Method::kDelete, "DELETE"},
    {Method::kOptions, "OPTIONS"},
}};

}  // namespace

std::string_view MethodName(Method method) {
  for (const auto& [m, name] : kMethodNames) {
    if (m == method) return name;
  }
  return "OTHER";
}

Method ParseMethod(std::string_view name) {
  // Methods are case-sensitive (RFC 9110 9.1), so "get" is not GET.
  for (const auto& [m, n] : kMethodNames) {
    if (n == name) return m;
  }
  return Method::kOther;
}

std::string_view Request::PathParam(std::string_view name) const {
  for (const auto& [k, v] : path_params) {
    if (k == name) return v;
  }
  return {};
}

}  // namespace centric::api
