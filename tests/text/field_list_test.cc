// SPDX-License-Identifier: Apache-2.0
#include "text/field_list.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace centric::text {
namespace {

using ::testing::ElementsAre;

// Every value of `list`, or the first problem.
std::vector<std::string> ReadAll(std::string_view list, RecordProblem* problem = nullptr) {
  std::vector<std::string> values;
  std::string value;
  for (size_t pos = 0; pos <= list.size(); ++pos) {
    RecordProblem p = ReadListValue(list, pos, value);
    if (p != RecordProblem::kNone) {
      if (problem != nullptr) *problem = p;
      break;
    }
    values.push_back(value);
  }
  return values;
}

TEST(FieldListTest, ReadsPlainAndQuotedValues) {
  EXPECT_THAT(ReadAll("a, Customer ID ,\t\"x, \"\"y\"\"\" ,"),
              ElementsAre("a", "Customer ID", "x, \"y\"", ""));
  EXPECT_THAT(ReadAll("5\" pipe"), ElementsAre("5\" pipe"));
  EXPECT_THAT(ReadAll("\"\""), ElementsAre(""));
}

TEST(FieldListTest, ReportsABrokenQuote) {
  RecordProblem problem = RecordProblem::kNone;
  EXPECT_THAT(ReadAll("a,\"open, never closed", &problem), ElementsAre("a"));
  EXPECT_EQ(problem, RecordProblem::kUnterminatedQuote);
  EXPECT_THAT(ReadAll("\"x\"y,z", &problem), ElementsAre());
  EXPECT_EQ(problem, RecordProblem::kTextAfterQuote);
}

TEST(FieldListTest, StopsAtTheDelimiterForTheCallersOwnSyntax) {
  std::string value;
  size_t pos = 9;
  EXPECT_EQ(ReadListValue("customer=\"Id; main\";date=When", pos, value, ';'),
            RecordProblem::kNone);
  EXPECT_EQ(value, "Id; main");
  EXPECT_EQ(pos, 19u);
}

}  // namespace
}  // namespace centric::text
