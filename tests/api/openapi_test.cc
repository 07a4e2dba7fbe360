// SPDX-License-Identifier: Apache-2.0
// The OpenAPI document is written by hand; these tests keep it honest against the router.
#include "api/openapi.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cctype>
#include <functional>
#include <regex>
#include <set>
#include <string>

#include "api/handle_request.h"

namespace centric::api {
namespace {

namespace json = boost::json;

const char* const kHttpMethods[] = {"get",     "put",  "post",  "delete",
                                    "options", "head", "patch", "trace"};

json::object Document() {
  boost::system::error_code ec;
  json::value v = json::parse(OpenApiDocument(), ec);
  EXPECT_FALSE(ec) << ec.message();
  EXPECT_TRUE(v.is_object());
  return v.is_object() ? v.as_object() : json::object{};
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Follows a local "$ref" ("#/components/parameters/Id") to what it names; throws when it
// names nothing.
const json::value& Resolve(const json::object& doc, const json::value& v) {
  if (!v.is_object() || !v.as_object().contains("$ref")) return v;
  std::string ref(v.as_object().at("$ref").as_string());
  const json::object* object = &doc;
  const json::value* at = &v;
  for (size_t start = 2; start <= ref.size();) {
    size_t slash = std::min(ref.find('/', start), ref.size());
    at = &object->at(ref.substr(start, slash - start));
    if (slash == ref.size()) break;
    object = &at->as_object();
    start = slash + 1;
  }
  return *at;
}

TEST(OpenApiTest, IsOpenApi3) {
  json::object doc = Document();
  ASSERT_TRUE(doc.contains("openapi"));
  EXPECT_EQ(std::string(doc["openapi"].as_string()).substr(0, 2), "3.");
  EXPECT_TRUE(doc.contains("info"));
  EXPECT_TRUE(doc.contains("paths"));
}

TEST(OpenApiTest, DocumentsExactlyTheRoutesServed) {
  std::set<std::pair<std::string, std::string>> served;
  for (const Route& r : ApiRouter().routes())
    served.emplace(r.pattern, Lower(MethodName(r.method)));

  std::set<std::pair<std::string, std::string>> documented;
  json::object doc = Document();
  for (const auto& [path, item] : doc["paths"].as_object()) {
    for (const auto& [key, op] : item.as_object()) {
      if (std::find(std::begin(kHttpMethods), std::end(kHttpMethods), key) !=
          std::end(kHttpMethods)) {
        documented.emplace(std::string(path), std::string(key));
      }
    }
  }
  EXPECT_EQ(documented, served);
  for (const auto& [path, method] : served) {
    EXPECT_TRUE(documented.count({path, method}))
        << "served, not documented: " << method << " " << path;
  }
  for (const auto& [path, method] : documented) {
    EXPECT_TRUE(served.count({path, method}))
        << "documented, not served: " << method << " " << path;
  }
}

TEST(OpenApiTest, SecurityMatchesRouteAccess) {
  json::object doc = Document();
  ASSERT_TRUE(doc.contains("security"));  // bearer by default
  for (const Route& r : ApiRouter().routes()) {
    const auto& op = doc["paths"]
                         .as_object()
                         .at(r.pattern)
                         .as_object()
                         .at(Lower(MethodName(r.method)))
                         .as_object();
    bool open = op.contains("security") && op.at("security").as_array().empty();
    EXPECT_EQ(open, r.access == Access::kPublic) << r.pattern;
    if (r.access != Access::kPublic) {
      EXPECT_TRUE(op.at("responses").as_object().contains("401")) << r.pattern;
    }
    if (r.access == Access::kWrite || r.access == Access::kAdmin) {
      EXPECT_TRUE(op.at("responses").as_object().contains("403"))
          << MethodName(r.method) << " " << r.pattern;
    }
  }
}

TEST(OpenApiTest, DeclaresEveryPathParameter) {
  json::object doc = Document();
  std::regex param(R"(\{([a-z_]+)\})");
  for (const auto& [path, item_value] : doc["paths"].as_object()) {
    std::string p(path);
    std::set<std::string> in_path;
    for (std::sregex_iterator it(p.begin(), p.end(), param), end; it != end; ++it) {
      in_path.insert((*it)[1]);
    }
    const auto& item = item_value.as_object();
    for (const auto& [key, op] : item) {
      if (key == "parameters") continue;
      std::set<std::string> declared;
      auto collect = [&](const json::value& params) {
        for (const auto& p : params.as_array()) {
          const auto& resolved = Resolve(doc, p).as_object();
          if (resolved.at("in") == "path")
            declared.insert(std::string(resolved.at("name").as_string()));
        }
      };
      if (item.contains("parameters")) collect(item.at("parameters"));
      if (op.as_object().contains("parameters")) collect(op.as_object().at("parameters"));
      EXPECT_EQ(declared, in_path) << key << " " << p;
    }
  }
}

TEST(OpenApiTest, EveryReferenceResolves) {
  json::object doc = Document();
  std::function<void(const json::value&)> walk = [&](const json::value& v) {
    if (v.is_object()) {
      for (const auto& [k, child] : v.as_object()) {
        if (k == "$ref") {
          std::string ref(child.as_string());
          EXPECT_EQ(ref.rfind("#/components/", 0), 0u) << ref;
          EXPECT_NO_THROW(Resolve(doc, v)) << ref;
        } else {
          walk(child);
        }
      }
    } else if (v.is_array()) {
      for (const auto& child : v.as_array()) walk(child);
    }
  };
  walk(doc);
}

}  // namespace
}  // namespace centric::api
