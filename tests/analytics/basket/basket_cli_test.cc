// SPDX-License-Identifier: Apache-2.0
// `centric basket` as a user runs it: help, the files it writes, the JSON summary, exit codes
// (0 ok, 1 failure, 2 usage) and the messages on stderr.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "run_centric.h"

namespace centric::analytics::basket {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::MatchesRegex;
using ingest::testing::Lines;
using ingest::testing::ReadFile;
using ingest::testing::RunCentric;
using ingest::testing::ScratchDir;

// The worked example of rules_test.cc: 8 baskets over items 1..5 (counts derived there).
const char* kWorked = "1 2\n1 2 3\n1 3 5\n1 2 4\n2 3\n1 2 3 5\n4\n1 2\n";

TEST(BasketCliTest, HelpDescribesEveryOption) {
  ScratchDir dir;
  auto r = RunCentric(dir, {"basket", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* option : {"--input", "--format", "--basket", "--item", "--delimiter",
                             "--min-support", "--min-confidence", "--min-lift", "--min-leverage",
                             "--min-conviction", "--db", "--level", "--per", "--window-days",
                             "--max-len",
                             "--max-consequent", "--top", "--closed", "--maximal", "--itemsets",
                             "--rules", "--json", "--threads"}) {
    EXPECT_THAT(r.out, HasSubstr(option));
  }
  EXPECT_THAT(r.out, HasSubstr("Exit codes: 0 ok, 1 failure (unreadable or bad input), 2 usage"));
}

TEST(BasketCliTest, WritesTheItemsetsAndRulesOfAFimiFile) {
  ScratchDir dir;
  const std::string input = dir.Write("worked.dat", kWorked);
  auto r = RunCentric(dir, {"basket", "--input", input, "--min-support", "2", "--itemsets",
                            dir.Path("sets.txt"), "--rules", dir.Path("rules.csv")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_THAT(r.out, HasSubstr("8 baskets, 5 items (5 frequent) read from " + input));
  EXPECT_THAT(r.out, HasSubstr("12 frequent itemsets (min support 2 = 2 baskets, longest 3)"));
  EXPECT_THAT(r.out, HasSubstr("7 rules with confidence >= 0.8"));
  EXPECT_THAT(r.out, HasSubstr("  5 -> 1 3  (support 0.25, confidence 1.000, lift 2.667, "
                               "leverage 0.1562, conviction inf)"));
  EXPECT_THAT(Lines(ReadFile(dir.Path("sets.txt"))),
              ElementsAre("1 (6)", "2 (6)", "3 (4)", "4 (2)", "5 (2)", "1 2 (5)", "1 3 (3)",
                          "1 5 (2)", "2 3 (3)", "3 5 (2)", "1 2 3 (2)", "1 3 5 (2)"));
  EXPECT_THAT(
      Lines(ReadFile(dir.Path("rules.csv"))),
      ElementsAre("antecedent,consequent,antecedent_count,consequent_count,count,support,"
                  "confidence,lift,leverage,conviction",
                  "1,2,6,6,5,0.625,0.8333333333333334,1.1111111111111112,0.0625,1.5",
                  "2,1,6,6,5,0.625,0.8333333333333334,1.1111111111111112,0.0625,1.5",
                  "5,1 3,2,3,2,0.25,1,2.6666666666666665,0.15625,inf",
                  "5,3,2,4,2,0.25,1,2,0.125,inf",
                  "5,1,2,6,2,0.25,1,1.3333333333333333,0.0625,inf",
                  "1 5,3,2,4,2,0.25,1,2,0.125,inf",
                  "3 5,1,2,6,2,0.25,1,1.3333333333333333,0.0625,inf"));
}

TEST(BasketCliTest, PrintsAJsonSummary) {
  ScratchDir dir;
  const std::string input = dir.Write("worked.dat", kWorked);
  auto r = RunCentric(dir, {"basket", "--input", input, "--min-support", "0.25", "--json",
                            "--maximal", "--threads", "2"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // Maximal at 2 of 8 baskets: 4 (only in b4 and b7 with nothing frequent), 1 2 3, 1 3 5.
  EXPECT_THAT(r.out, MatchesRegex(
                         "\\{\"baskets\":8,\"items\":5,\"frequent_items\":5,\"min_count\":2,"
                         "\"kind\":\"maximal\",\"itemsets\":3,\"frequent_itemsets\":12,"
                         "\"longest\":3,\"rules\":7,\"seconds\":[0-9.]+,\"read_seconds\":[0-9.]+,"
                         "\"mine_seconds\":[0-9.]+,\"rules_seconds\":[0-9.]+\\}\n"));
}

TEST(BasketCliTest, ReadsACsvTransactionLogWithItemNames) {
  ScratchDir dir;
  const std::string input = dir.Write(
      "orders.csv",
      "Invoice,StockCode,Description\n"
      "536365,85123A,WHITE HANGING HEART\n"
      "536366,22633,HAND WARMER\n"
      "536365,71053,WHITE METAL LANTERN\n"
      "536367,85123A,WHITE HANGING HEART\n"
      "536367,71053,WHITE METAL LANTERN\n"
      "536366,85123A,WHITE HANGING HEART\n");
  auto r = RunCentric(dir, {"basket", "--input", input, "--basket", "Invoice", "--item",
                            "Description", "--min-support", "0.5", "--min-confidence", "0.9",
                            "--itemsets", dir.Path("sets.txt"), "--rules", dir.Path("r.csv")});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(Lines(ReadFile(dir.Path("sets.txt"))),
              ElementsAre("\"WHITE HANGING HEART\" (3)", "\"WHITE METAL LANTERN\" (2)",
                          "\"WHITE HANGING HEART\" \"WHITE METAL LANTERN\" (2)"));
  EXPECT_THAT(Lines(ReadFile(dir.Path("r.csv"))),
              ElementsAre(HasSubstr("antecedent,"),
                          "\"\"\"WHITE METAL LANTERN\"\"\",\"\"\"WHITE HANGING HEART\"\"\",2,3,2,"
                          "0.6666666666666666,1,1,0,1"));
}

TEST(BasketCliTest, ABadTokenFailsWithFileAndLine) {
  ScratchDir dir;
  const std::string input = dir.Write("bad.dat", "1 2\n3 x4\n");
  auto r = RunCentric(dir, {"basket", "--input", input, "--min-support", "1"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "centric: " + input + ":2: 'x4' is not an item id (a non-negative integer)\n");
}

TEST(BasketCliTest, UsageErrorsExitWithTwo) {
  ScratchDir dir;
  const std::string input = dir.Write("w.dat", kWorked);
  const std::string csv = dir.Write("w.csv", "order,sku\n1,a\n");
  struct Case {
    std::vector<std::string> args;
    std::string err;
  };
  const Case cases[] = {
      {{"basket", "--input", input, "--min-support", "0"},
       "centric: --min-support: minimum support 0 must be above 0: a fraction of the baskets "
       "below 1, or a number of baskets\n"},
      {{"basket", "--input", input, "--min-support", "9"},
       "centric: --min-support: minimum support of 9 baskets is more than the 8 baskets in the "
       "input\n"},
      {{"basket", "--input", csv, "--min-support", "1"},
       "centric: --basket: " + csv + ": no column 'basket' (columns: order, sku)\n"},
      {{"basket", "--input", input, "--min-support", "1", "--delimiter", "::"},
       "centric: --delimiter: give one character or 'tab'\n"},
      {{"basket", "--input", input, "--min-support", "1", "--closed", "--maximal"}, ""},
      {{"basket", "--input", input, "--min-support", "1", "--min-confidence", "2"}, ""},
      {{"basket", "--input", input}, ""},
  };
  for (const auto& c : cases) {
    auto r = RunCentric(dir, c.args);
    EXPECT_EQ(r.exit_code, 2) << c.args.back() << ": " << r.err;
    if (!c.err.empty()) {
      EXPECT_EQ(r.err, c.err);
    }
  }
}

TEST(BasketCliTest, FiltersRulesByLeverageAndConviction) {
  ScratchDir dir;
  const std::string input = dir.Write("worked.dat", kWorked);
  // Of the 7 rules at confidence 0.8, the two 1 <-> 2 rules have leverage 0.0625 and conviction
  // 1.5; the five from 5 never fail (conviction inf) and have leverage 0.0625 to 0.15625.
  auto leverage = RunCentric(dir, {"basket", "--input", input, "--min-support", "2",
                                   "--min-leverage", "0.1", "--json"});
  ASSERT_EQ(leverage.exit_code, 0) << leverage.err;
  EXPECT_THAT(leverage.out, HasSubstr("\"rules\":3,"));
  auto conviction = RunCentric(dir, {"basket", "--input", input, "--min-support", "2",
                                     "--min-conviction", "inf", "--json"});
  ASSERT_EQ(conviction.exit_code, 0) << conviction.err;
  EXPECT_THAT(conviction.out, HasSubstr("\"rules\":5,"));
}

TEST(BasketCliTest, MinesTheOrdersOfAStore) {
  ScratchDir dir;
  const std::string db = dir.Path("shop.db");
  auto demo = RunCentric(dir, {"demo", "--customers", "300", "--db", db});
  ASSERT_EQ(demo.exit_code, 0) << demo.err;
  auto r = RunCentric(dir, {"basket", "--db", db, "--level", "category:1", "--min-support",
                            "0.01", "--min-confidence", "0.1", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, MatchesRegex("\\{\"baskets\":[1-9][0-9]+,\"items\":[1-5],.*\n"));
  auto customers = RunCentric(dir, {"basket", "--db", db, "--level", "product", "--per",
                                    "customer", "--window-days", "90", "--min-support", "3"});
  ASSERT_EQ(customers.exit_code, 0) << customers.err;
  EXPECT_THAT(customers.out, HasSubstr("read from " + db));
  auto bad = RunCentric(dir, {"basket", "--db", db, "--level", "aisle", "--min-support", "0.1"});
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_THAT(bad.err, HasSubstr("centric: --level: 'aisle' is not product, category or "
                                 "category:DEPTH"));
  auto both = RunCentric(dir, {"basket", "--min-support", "0.1"});
  EXPECT_EQ(both.exit_code, 2);
  EXPECT_THAT(both.err, HasSubstr("give --input FILE or --db URL"));
}

TEST(BasketCliTest, AMissingFileIsAFailure) {
  ScratchDir dir;
  auto r = RunCentric(dir, {"basket", "--input", dir.Path("none.dat"), "--min-support", "0.1"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("none.dat: No such file or directory"));
}

}  // namespace
}  // namespace centric::analytics::basket
