// SPDX-License-Identifier: Apache-2.0
// One JSON encoder and one decoder for typed documents that Centric stores and serves (an
// analysis report, a model's report): plain structs described with BOOST_DESCRIBE_STRUCT, so a
// document's shape is written once, as its C++ type, and never assembled by hand.
//
// Why not Boost.JSON's own value_from/value_to for described structs: a stored document must
// stay readable after the type grows, and Boost's decoder rejects an object with a missing or
// an extra member. This decoder leaves a missing member at its default (a run saved before
// the field existed) and ignores members it does not know (a run saved by a newer version).
//
// Mapping: bool, integers, double (a non-finite value is written as null, and null reads back
// as NaN), std::string, std::optional<T> (null when empty), std::vector<T> (array),
// NamedValues<T> (an object whose members keep their order), described structs (an object in
// member order; a trailing underscore is dropped from a member's name, so `new_` is "new").
#pragma once

#include <boost/describe.hpp>
#include <boost/json.hpp>
#include <boost/mp11.hpp>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "core/result.h"

namespace centric::json_doc {

// Named figures in a fixed order (model parameters, counts per segment, timings): an object in
// JSON, a list of pairs in C++ so the order is the one the document was built in.
template <class T>
using NamedValues = std::vector<std::pair<std::string, T>>;

namespace detail {

template <class T>
struct IsOptional : std::false_type {};
template <class T>
struct IsOptional<std::optional<T>> : std::true_type {};

template <class T>
struct IsVector : std::false_type {};
template <class T>
struct IsVector<std::vector<T>> : std::true_type {};

template <class T>
struct IsNamedValues : std::false_type {};
template <class T>
struct IsNamedValues<std::vector<std::pair<std::string, T>>> : std::true_type {};

template <class T>
constexpr bool kDescribed = boost::describe::has_describe_members<T>::value;

inline std::string_view MemberKey(std::string_view name) {
  if (!name.empty() && name.back() == '_') name.remove_suffix(1);
  return name;
}

}  // namespace detail

template <class T>
boost::json::value Encode(const T& value);

template <class T>
boost::json::value Encode(const T& value) {
  namespace json = boost::json;
  if constexpr (std::is_same_v<T, bool>) {
    return json::value(value);
  } else if constexpr (std::is_integral_v<T>) {
    return json::value(static_cast<int64_t>(value));
  } else if constexpr (std::is_floating_point_v<T>) {
    return std::isfinite(value) ? json::value(static_cast<double>(value)) : json::value(nullptr);
  } else if constexpr (std::is_same_v<T, std::string>) {
    return json::value(json::string_view(value));
  } else if constexpr (detail::IsOptional<T>::value) {
    return value ? Encode(*value) : json::value(nullptr);
  } else if constexpr (detail::IsNamedValues<T>::value) {
    json::object out;
    out.reserve(value.size());
    for (const auto& [name, v] : value) out[name] = Encode(v);
    return out;
  } else if constexpr (detail::IsVector<T>::value) {
    json::array out;
    out.reserve(value.size());
    for (const auto& v : value) out.push_back(Encode(v));
    return out;
  } else {
    static_assert(detail::kDescribed<T>, "describe the struct with BOOST_DESCRIBE_STRUCT");
    json::object out;
    boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>(
        [&](auto member) { out[detail::MemberKey(member.name)] = Encode(value.*member.pointer); });
    return out;
  }
}

// Reads `in` into `out`, which holds the defaults of members the document lacks.
// InvalidArgument naming the path of the first value of the wrong kind ("clv.histogram[3].
// customers: expected an integer").
template <class T>
Status Decode(const boost::json::value& in, T& out, const std::string& path);

template <class T>
Status Decode(const boost::json::value& in, T& out, const std::string& path) {
  namespace json = boost::json;
  auto wrong = [&](std::string_view expected) {
    return InvalidArgument(path + ": expected " + std::string(expected), path);
  };
  if constexpr (std::is_same_v<T, bool>) {
    if (!in.is_bool()) return wrong("true or false");
    out = in.get_bool();
  } else if constexpr (std::is_integral_v<T>) {
    if (in.is_int64()) {
      out = static_cast<T>(in.get_int64());
    } else if (in.is_uint64()) {
      out = static_cast<T>(in.get_uint64());
    } else if (in.is_double() && std::trunc(in.get_double()) == in.get_double()) {
      out = static_cast<T>(in.get_double());
    } else {
      return wrong("an integer");
    }
  } else if constexpr (std::is_floating_point_v<T>) {
    if (in.is_null()) {
      out = std::numeric_limits<T>::quiet_NaN();
    } else if (in.is_number()) {
      out = in.to_number<T>();
    } else {
      return wrong("a number");
    }
  } else if constexpr (std::is_same_v<T, std::string>) {
    if (!in.is_string()) return wrong("a string");
    out.assign(in.get_string().data(), in.get_string().size());
  } else if constexpr (detail::IsOptional<T>::value) {
    if (in.is_null()) {
      out.reset();
    } else {
      typename T::value_type v{};
      if (Status s = Decode(in, v, path); !s.ok()) return s;
      out = std::move(v);
    }
  } else if constexpr (detail::IsNamedValues<T>::value) {
    if (!in.is_object()) return wrong("an object");
    out.clear();
    for (const auto& member : in.get_object()) {
      std::string name(member.key());
      typename T::value_type::second_type v{};
      if (Status s = Decode(member.value(), v, path + "." + name); !s.ok()) return s;
      out.emplace_back(std::move(name), std::move(v));
    }
  } else if constexpr (detail::IsVector<T>::value) {
    if (!in.is_array()) return wrong("an array");
    out.clear();
    out.reserve(in.get_array().size());
    for (const auto& item : in.get_array()) {
      typename T::value_type v{};
      if (Status s = Decode(item, v, path + "[" + std::to_string(out.size()) + "]"); !s.ok()) {
        return s;
      }
      out.push_back(std::move(v));
    }
  } else {
    static_assert(detail::kDescribed<T>, "describe the struct with BOOST_DESCRIBE_STRUCT");
    if (!in.is_object()) return wrong("an object");
    const json::object& object = in.get_object();
    Status status;
    boost::mp11::mp_for_each<boost::describe::describe_members<T, boost::describe::mod_public>>(
        [&](auto member) {
          if (!status.ok()) return;
          const std::string_view key = detail::MemberKey(member.name);
          const json::value* found = object.if_contains(key);
          if (!found) return;  // written before the member existed: keep the default
          std::string child = path.empty() ? std::string(key) : path + "." + std::string(key);
          status = Decode(*found, out.*member.pointer, child);
        });
    return status;
  }
  return Status();
}

// Decodes a whole document from its text; InvalidArgument when it is not JSON or a value has
// the wrong kind.
template <class T>
Result<T> DecodeText(std::string_view text) {
  boost::system::error_code ec;
  boost::json::value parsed = boost::json::parse(text, ec);
  if (ec) return Error(InvalidArgument("not valid JSON: " + ec.message()));
  T out{};
  if (Status s = Decode(parsed, out, ""); !s.ok()) return Error(s);
  return out;
}

}  // namespace centric::json_doc
