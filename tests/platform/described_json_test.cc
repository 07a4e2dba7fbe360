// SPDX-License-Identifier: Apache-2.0
// The one encoder and decoder of typed documents: shape from the type, order kept, older and
// newer documents read, wrong kinds named by path.
#include "platform/json/described_json.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace centric::json_doc {
namespace {

struct Inner {
  int64_t count = 0;
  std::vector<double> values;
};
BOOST_DESCRIBE_STRUCT(Inner, (), (count, values))

struct Doc {
  std::string name;
  double ratio = 0;
  std::optional<double> fitted;
  bool done = false;
  NamedValues<int64_t> counts;
  std::vector<Inner> rows;
  std::optional<Inner> extra;
  Inner new_;
  std::string added_later = "default";
};
BOOST_DESCRIBE_STRUCT(Doc, (), (name, ratio, fitted, done, counts, rows, extra, new_, added_later))

TEST(DescribedJsonTest, EncodesTheTypeInMemberOrderAndReadsItBack) {
  Doc doc{.name = "run",
          .ratio = 0.5,
          .fitted = std::nullopt,
          .done = true,
          .counts = {{"zeta", 3}, {"alpha", 1}},
          .rows = {{.count = 2, .values = {1.5, 2.5}}},
          .extra = Inner{.count = 7},
          .new_ = {.count = 9}};
  const std::string text = boost::json::serialize(Encode(doc));
  EXPECT_EQ(text,
            R"({"name":"run","ratio":5E-1,"fitted":null,"done":true,"counts":{"zeta":3,"alpha":1},)"
            R"("rows":[{"count":2,"values":[1.5E0,2.5E0]}],"extra":{"count":7,"values":[]},)"
            R"("new":{"count":9,"values":[]},"added_later":"default"})");
  auto back = DecodeText<Doc>(text);
  ASSERT_TRUE(back) << back.error().ToString();
  EXPECT_EQ(back->name, "run");
  EXPECT_FALSE(back->fitted);
  ASSERT_EQ(back->counts.size(), 2u);
  EXPECT_EQ(back->counts[0].first, "zeta");  // the order written, not sorted
  EXPECT_EQ(back->rows.at(0).values.at(1), 2.5);
  EXPECT_EQ(back->extra->count, 7);
  EXPECT_EQ(back->new_.count, 9);
}

TEST(DescribedJsonTest, ANonFiniteNumberIsNullAndReadsBackAsNaN) {
  Doc doc;
  doc.ratio = std::numeric_limits<double>::infinity();
  boost::json::value v = Encode(doc);
  EXPECT_TRUE(v.at("ratio").is_null());
  auto back = DecodeText<Doc>(boost::json::serialize(v));
  ASSERT_TRUE(back);
  EXPECT_TRUE(std::isnan(back->ratio));
}

TEST(DescribedJsonTest, AnOlderDocumentKeepsDefaultsAndANewerOneIsReadAsFarAsKnown) {
  auto older = DecodeText<Doc>(R"({"name":"old","counts":{"a":1}})");
  ASSERT_TRUE(older) << older.error().ToString();
  EXPECT_EQ(older->name, "old");
  EXPECT_EQ(older->added_later, "default");
  EXPECT_FALSE(older->extra);
  auto newer = DecodeText<Doc>(R"({"name":"new","unknown":{"x":[1,2]},"ratio":2})");
  ASSERT_TRUE(newer) << newer.error().ToString();
  EXPECT_EQ(newer->ratio, 2.0);  // an integer where a number goes
}

TEST(DescribedJsonTest, AValueOfTheWrongKindIsNamedByItsPath) {
  auto bad = DecodeText<Doc>(R"({"rows":[{"count":1},{"count":"two"}]})");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.error().field(), "rows[1].count");
  EXPECT_NE(bad.error().message().find("expected an integer"), std::string::npos);
  EXPECT_EQ(DecodeText<Doc>(R"({"done":"yes"})").error().field(), "done");
  EXPECT_EQ(DecodeText<Doc>(R"({"counts":{"a":1.5}})").error().field(), "counts.a");
  EXPECT_EQ(DecodeText<Doc>("[1, 2]").error().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(DecodeText<Doc>("{not json").error().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace centric::json_doc
