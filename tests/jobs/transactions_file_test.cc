// SPDX-License-Identifier: Apache-2.0
#include "jobs/transactions_file.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

namespace centric::jobs {
namespace {

std::string WriteFile(const std::string& name, const std::string& text) {
  auto path = std::filesystem::temp_directory_path() / ("centric-jobs-" + name);
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

TEST(TransactionsFileTest, LoadsMappedColumnsWithADateFormat) {
  std::string path = WriteFile("ok.csv",
                               "\xEF\xBB\xBFInvoice,Customer ID,When,Total\n"
                               "1,17850,12/1/2010 08:26,15.30\n"
                               "2,,12/1/2010 08:27,3.00\n"  // guest: skipped
                               "3,13047,12/2/2010 09:00,\"1,000\"\n");
  auto bad_amount = LoadTransactionsFile(
      path, {.map = "customer=Customer ID,date=When,amount=Total", .date_format = "%m/%d/%Y %H:%M"});
  ASSERT_FALSE(bad_amount);
  EXPECT_NE(bad_amount.error().message().find(path + ":4: Total: '1,000' is not a number"),
            std::string::npos)
      << bad_amount.error().message();

  path = WriteFile("ok2.csv",
                   "Invoice,Customer ID,When,Total\n"
                   "1,17850,12/1/2010 08:26,15.30\n"
                   "2,,12/1/2010 08:27,3.00\n"
                   "3,13047,12/2/2010 09:00,-2.50\n"
                   "4,17850,12/9/2010 10:00,7\n");
  auto loaded = LoadTransactionsFile(
      path, {.map = "customer=\"Customer ID\",date=When,amount=Total",
             .date_format = "%m/%d/%Y %H:%M", .currency = "GBP"});
  ASSERT_TRUE(loaded) << loaded.error().ToString();
  const auto& t = loaded->transactions;
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(loaded->customer_keys, (std::vector<std::string>{"17850", "13047"}));
  EXPECT_EQ(t.customer, (Column<uint32_t>{0, 1, 0}));
  EXPECT_EQ(t.amount_minor, (Column<int64_t>{1530, -250, 700}));
  EXPECT_EQ(t.day[2] - t.day[0], 8);
  EXPECT_EQ(loaded->last_day, t.day[2]);
}

TEST(TransactionsFileTest, NamesFileLineColumnAndReason) {
  std::string path = WriteFile("bad.csv",
                               "customer,date,amount\n"
                               "a,2024-01-01,1.00\n"
                               "b,2024-13-01,1.00\n"
                               "c,2024-01-02\n"
                               "d,2024-01-03,abc\n");
  auto r = LoadTransactionsFile(path, {});
  ASSERT_FALSE(r);
  const std::string& m = r.error().message();
  EXPECT_NE(m.find("3 bad rows in " + path), std::string::npos) << m;
  EXPECT_NE(m.find(path + ":3: date: '2024-13-01' does not match date format 'ISO 8601': month out of range"),
            std::string::npos) << m;
  EXPECT_NE(m.find(path + ":4: expected 3 columns, found 2"), std::string::npos) << m;
  EXPECT_NE(m.find(path + ":5: amount: 'abc' is not a number"), std::string::npos) << m;
}

TEST(TransactionsFileTest, UnknownColumnsAndFieldsListWhatThereIs) {
  std::string path = WriteFile("cols.csv", "who,when,how much\nx,2024-01-01,1\n");
  auto missing = LoadTransactionsFile(path, {.map = "customer=who,date=when"});
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().message().find("no column for 'amount'"), std::string::npos);
  EXPECT_NE(missing.error().message().find("columns: who, when, how much"), std::string::npos);
  auto wrong = LoadTransactionsFile(path, {.map = "customer=who,date=when,amount=How Much"});
  EXPECT_NE(wrong.error().message().find("no column 'How Much'"), std::string::npos);
  auto field = LoadTransactionsFile(path, {.map = "client=who"});
  EXPECT_EQ(field.error().field(), "map");
  EXPECT_NE(field.error().message().find("unknown field 'client'"), std::string::npos);
  auto ok = LoadTransactionsFile(path, {.map = "customer=who,date=when,amount=how much"});
  EXPECT_TRUE(ok) << ok.error().ToString();
  EXPECT_FALSE(LoadTransactionsFile(WriteFile("empty.csv", ""), {}));
  EXPECT_EQ(LoadTransactionsFile("/nonexistent/file.csv", {}).error().code(), StatusCode::kNotFound);
}

// A quoted field means the same in CSV as the bare one, but sends the file down the streaming
// reader; a file without quotes takes the parallel one. Random logs, written both ways, must
// load the same: rows, customer order, days, and the same errors at the same lines.
TEST(TransactionsFileTest, ParallelAndStreamingReadersAgree) {
  std::mt19937_64 rng(42);
  for (int trial = 0; trial < 40; ++trial) {
    const bool bom = trial % 3 == 0, crlf = trial % 4 == 1, final_newline = trial % 5 != 2;
    const bool with_errors = trial % 2 == 1;
    std::string plain = "customer,date,amount\n", quoted = plain;
    if (bom) plain = "\xEF\xBB\xBF" + plain, quoted = "\xEF\xBB\xBF" + quoted;
    const int rows = 1 + static_cast<int>(rng() % 400);
    for (int i = 0; i < rows; ++i) {
      std::string customer = rng() % 10 == 0 ? "" : "c" + std::to_string(rng() % 60);
      // Lines of 32 bytes or more take the parser's byte-by-byte path.
      if (!customer.empty() && rng() % 8 == 0) customer = " long-customer-identifier-" + customer + " ";
      std::string date = "2024-0" + std::to_string(1 + rng() % 9) + "-1" + std::to_string(rng() % 10);
      std::string amount = std::to_string(rng() % 9000) + "." + std::to_string(10 + rng() % 90);
      // Amounts the fast path leaves to the general parser, or reads in a less usual form.
      const char* unusual[] = {"+5", "5.", "-3.2", "1.005", "1.004", " 7.5", "0"};
      if (rng() % 10 == 0) amount = unusual[rng() % 7];
      std::string end = crlf ? "\r\n" : "\n";
      if (i + 1 == rows && !final_newline) end = "";
      if (rng() % 25 == 0) {
        plain += end, quoted += end;  // a blank line
        continue;
      }
      if (with_errors && rng() % 30 == 0) date = "2024-13-01";
      if (with_errors && rng() % 40 == 0) amount = "x";
      std::string tail = with_errors && rng() % 50 == 0 ? "" : "," + amount;
      plain += customer + "," + date + tail + end;
      quoted += "\"" + customer + "\"," + date + tail + end;
    }
    std::string a = WriteFile("plain.csv", plain), b = WriteFile("quoted.csv", quoted);
    for (int threads : {1, 2, 3}) {
      auto fast = LoadTransactionsFile(a, {.threads = threads});
      auto slow = LoadTransactionsFile(b, {});
      ASSERT_EQ(fast.has_value(), slow.has_value()) << "trial " << trial;
      if (!fast) {
        std::string expected = slow.error().message();
        for (size_t at; (at = expected.find(b)) != std::string::npos;) expected.replace(at, b.size(), a);
        EXPECT_EQ(fast.error().message(), expected) << "trial " << trial;
        continue;
      }
      EXPECT_EQ(fast->customer_keys, slow->customer_keys) << "trial " << trial;
      EXPECT_EQ(fast->transactions.customer, slow->transactions.customer) << "trial " << trial;
      EXPECT_EQ(fast->transactions.day, slow->transactions.day) << "trial " << trial;
      EXPECT_EQ(fast->transactions.amount_minor, slow->transactions.amount_minor);
      EXPECT_EQ(fast->transactions.customer_count, slow->transactions.customer_count);
      EXPECT_EQ(fast->first_day, slow->first_day);
      EXPECT_EQ(fast->last_day, slow->last_day);
    }
  }
}

}  // namespace
}  // namespace centric::jobs
