// SPDX-License-Identifier: Apache-2.0
#include "analytics/basket/baskets.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "analytics/basket/basket_file.h"
#include "basket_testing.h"
#include "text/input_buffer.h"

namespace centric::analytics::basket {
namespace {

using ::testing::ElementsAre;
using testing::FailsWith;
using ::testing::IsEmpty;

// Each basket as its item names, for comparing with what a file says.
std::vector<std::vector<std::string>> Named(const Baskets& baskets) {
  std::vector<std::vector<std::string>> out;
  for (size_t b = 0; b < baskets.size(); ++b) {
    auto& names = out.emplace_back();
    for (uint32_t item : baskets.basket(b)) names.push_back(baskets.dictionary().name(item));
  }
  return out;
}

using Names = std::vector<std::vector<std::string>>;

Result<Baskets> Fimi(std::string text, size_t chunk = 1 << 20) {
  auto input = text::InputBuffer::FromString(std::move(text), chunk);
  return ReadFimi(*input, "t.dat");
}

Result<Baskets> Csv(std::string text, CsvColumns columns = {}) {
  return ReadCsv(text::InputBuffer::FromString(std::move(text)), "t.csv", columns);
}

TEST(BasketsTest, BuildSortsEachBasketAndDropsRepeats) {
  ItemDictionary dict;
  for (const char* name : {"a", "b", "c"}) dict.Intern(name);
  auto built = Baskets::Build({0, 4, 4, 6}, {2, 0, 2, 2, 1, 1}, std::move(dict));
  ASSERT_TRUE(built) << built.error().ToString();
  EXPECT_EQ(built->size(), 3u);
  EXPECT_THAT(built->basket(0), ElementsAre(0, 2));
  EXPECT_THAT(built->basket(1), IsEmpty());
  EXPECT_THAT(built->basket(2), ElementsAre(1));
  EXPECT_EQ(built->total_items(), 3u);
  EXPECT_THAT(built->offsets(), ElementsAre(0, 2, 2, 3));
}

TEST(BasketsTest, BuildRejectsBrokenArrays) {
  ItemDictionary dict;
  dict.Intern("a");
  EXPECT_THAT(Baskets::Build({0, 2}, {0}, dict),
              FailsWith(StatusCode::kInvalidArgument, "offsets must run from 0"));
  EXPECT_THAT(Baskets::Build({0, 2, 1, 2}, {0, 0}, dict),
              FailsWith(StatusCode::kInvalidArgument, "must not decrease"));
  EXPECT_THAT(Baskets::Build({0, 1}, {1}, dict),
              FailsWith(StatusCode::kInvalidArgument, "item id 1 is not in the dictionary"));
}

TEST(BasketsTest, DictionaryInternsAndSortsByName) {
  ItemDictionary dict;
  EXPECT_EQ(dict.Intern("pear"), 0u);
  EXPECT_EQ(dict.Intern("apple"), 1u);
  EXPECT_EQ(dict.Intern("pear"), 0u);
  EXPECT_EQ(dict.Intern("Zucchini"), 2u);
  EXPECT_THAT(dict.SortByName(), ElementsAre(2, 1, 0));  // byte order: 'Z' < 'a' < 'p'
  EXPECT_EQ(dict.name(0), "Zucchini");
  EXPECT_EQ(dict.Find("pear"), 2);
  EXPECT_EQ(dict.Find("plum"), -1);
}

TEST(BasketsTest, FromListsNamesItemsByNumber) {
  auto baskets = Baskets::FromLists({{3, 1, 3}, {}});
  EXPECT_EQ(baskets.num_items(), 4u);
  EXPECT_THAT(Named(baskets), ElementsAre(ElementsAre("1", "3"), IsEmpty()));
}

struct FimiCase {
  const char* text;
  Names baskets;
};

TEST(FimiTest, ReadsOneBasketPerLine) {
  const FimiCase cases[] = {
      {"", {}},
      {"\n", {{}}},
      {"1 2 3\n", {{"1", "2", "3"}}},
      {"1 2 3", {{"1", "2", "3"}}},             // no final line break
      {"1 2\n\n3\n", {{"1", "2"}, {}, {"3"}}},  // a blank line is an empty basket
      {"1 2\r\n3\r\n", {{"1", "2"}, {"3"}}},    // CRLF
      {"  7\t 5  \n \t\n", {{"5", "7"}, {}}},   // tabs, runs of blanks
      {"10 9 10 0009\n", {{"9", "10"}}},        // repeats and leading zeros
      {"4294967295 0\n", {{"0", "4294967295"}}},
  };
  for (const auto& c : cases) {
    for (size_t chunk : {size_t{1} << 20, size_t{1}, size_t{3}}) {
      auto baskets = Fimi(c.text, chunk);
      ASSERT_TRUE(baskets) << c.text << ": " << baskets.error().ToString();
      EXPECT_EQ(Named(*baskets), c.baskets) << "'" << c.text << "', chunk " << chunk;
    }
  }
}

TEST(FimiTest, DenseIdsFollowTheNumbers) {
  auto baskets = Fimi("100 20\n3 20\n");
  ASSERT_TRUE(baskets);
  EXPECT_EQ(baskets->dictionary().name(0), "3");
  EXPECT_EQ(baskets->dictionary().name(1), "20");
  EXPECT_EQ(baskets->dictionary().name(2), "100");
  EXPECT_THAT(baskets->basket(0), ElementsAre(1, 2));
  EXPECT_THAT(baskets->basket(1), ElementsAre(0, 1));
}

TEST(FimiTest, ABadTokenNamesTheFileLineAndReason) {
  const std::pair<const char*, const char*> cases[] = {
      {"1 2\n3 x\n", "t.dat:2: 'x' is not an item id (a non-negative integer)"},
      {"1\n\n\n-4\n", "t.dat:4: '-4' is not an item id (a non-negative integer)"},
      {"1.5\n", "t.dat:1: '1.5' is not an item id (a non-negative integer)"},
      {"1,2\n", "t.dat:1: '1,2' is not an item id (a non-negative integer)"},
      {"+3\n", "t.dat:1: '+3' is not an item id (a non-negative integer)"},
      {"1\n2 4294967296", "t.dat:2: item id '4294967296' is out of range (0 to 4294967295)"},
  };
  for (const auto& [text, message] : cases) {
    auto baskets = Fimi(text, 2);
    ASSERT_FALSE(baskets) << text;
    EXPECT_EQ(baskets.error().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(baskets.error().message(), message);
  }
}

TEST(FimiTest, AMissingFileIsNotFound) {
  EXPECT_THAT(ReadFimiFile("/nonexistent/baskets.dat"),
              FailsWith(StatusCode::kNotFound, "/nonexistent/baskets.dat"));
}

TEST(CsvBasketsTest, GroupsRowsOfABasketWhereverTheyAre) {
  auto baskets =
      Csv("invoice,sku,qty\n"
          "A1,bread,1\n"
          "B2,milk,2\n"
          "A1,butter,1\n"
          "C3,milk,1\n"
          "B2,bread,1\n"
          "A1,bread,3\n",
          {.basket = "invoice", .item = "sku"});
  ASSERT_TRUE(baskets) << baskets.error().ToString();
  EXPECT_EQ(Named(*baskets), (Names{{"bread", "butter"}, {"bread", "milk"}, {"milk"}}));
  EXPECT_EQ(baskets->num_items(), 3u);
}

TEST(CsvBasketsTest, ReadsQuotedCellsAndMatchesHeadersIgnoringCase) {
  auto baskets =
      Csv("Basket,Item\r\n"
          "1,\"Mug, blue\"\r\n"
          "1,\"Say \"\"hi\"\" card\"\r\n"
          "2,  Mug, blue  \r\n",
          {.basket = "basket", .item = "item"});
  ASSERT_FALSE(baskets);  // the unquoted comma makes three cells in line 4
  EXPECT_EQ(baskets.error().message(), "t.csv:4: expected 2 columns, found 3");

  baskets = Csv("BASKET;ITEM\n1;Mug, blue\n1;\"Say \"\"hi\"\" card\"\n2; Mug, blue \n",
                {.delimiter = ';'});
  ASSERT_TRUE(baskets) << baskets.error().ToString();
  EXPECT_EQ(Named(*baskets), (Names{{"Mug, blue", "Say \"hi\" card"}, {"Mug, blue"}}));
}

TEST(CsvBasketsTest, ReportsMissingColumnsAndBadRows) {
  auto missing = Csv("order,product\n1,a\n");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message(), "t.csv: no column 'basket' (columns: order, product)");
  EXPECT_EQ(missing.error().field(), "basket");

  EXPECT_THAT(Csv("basket,item\n1,a\n2,\n"),
              FailsWith(StatusCode::kInvalidArgument, "t.csv:3: empty item in column 'item'"));
  EXPECT_THAT(
      Csv("basket,item\n1,a\n  ,b\n"),
      FailsWith(StatusCode::kInvalidArgument, "t.csv:3: empty basket id in column 'basket'"));
  EXPECT_THAT(Csv(""), FailsWith(StatusCode::kInvalidArgument, "t.csv: the file is empty"));
  EXPECT_THAT(Csv("basket,item\n1,\"a\n"), FailsWith(StatusCode::kInvalidArgument, "t.csv:2: "));
}

TEST(CsvBasketsTest, AHeaderAloneIsNoBaskets) {
  auto baskets = Csv("basket,item\n");
  ASSERT_TRUE(baskets);
  EXPECT_EQ(baskets->size(), 0u);
}

TEST(BasketFormatTest, ParsesAndGuessesFormats) {
  EXPECT_EQ(*ParseBasketFormat("csv"), BasketFormat::kCsv);
  EXPECT_EQ(*ParseBasketFormat("fimi"), BasketFormat::kFimi);
  EXPECT_THAT(ParseBasketFormat("tsv"), FailsWith(StatusCode::kInvalidArgument, "unknown format"));
  EXPECT_EQ(GuessBasketFormat("orders.CSV"), BasketFormat::kCsv);
  EXPECT_EQ(GuessBasketFormat("retail.dat"), BasketFormat::kFimi);
  EXPECT_EQ(GuessBasketFormat("-"), BasketFormat::kFimi);
}

}  // namespace
}  // namespace centric::analytics::basket
