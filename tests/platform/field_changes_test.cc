// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "platform/store/change.h"

namespace centric::platform {
namespace {

namespace json = boost::json;

TEST(FieldChangesTest, KeepsOnlyTheFieldsThatDiffer) {
  json::object before{{"name", "Mai"}, {"country", "VN"}, {"tags", json::array{"a"}}};
  json::object after{{"name", "Mai Tran"}, {"country", "VN"}, {"tags", json::array{"a", "b"}}};
  json::object changes = FieldChanges(&before, &after);
  EXPECT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes.at("name").at("before").as_string(), "Mai");
  EXPECT_EQ(changes.at("tags").at("after").as_array().size(), 2u);
  EXPECT_FALSE(changes.contains("country"));
}

TEST(FieldChangesTest, AMissingSideIsNull) {
  json::object only{{"name", "Mai"}};
  json::object created = FieldChanges(nullptr, &only);
  EXPECT_TRUE(created.at("name").at("before").is_null());
  json::object deleted = FieldChanges(&only, nullptr);
  EXPECT_TRUE(deleted.at("name").at("after").is_null());
  json::object added_key{{"name", "Mai"}, {"email", "m@example.vn"}};
  EXPECT_EQ(FieldChanges(&only, &added_key).size(), 1u);
  EXPECT_TRUE(FieldChanges(&only, &only).empty());
}

}  // namespace
}  // namespace centric::platform
