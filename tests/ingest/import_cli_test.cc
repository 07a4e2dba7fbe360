// SPDX-License-Identifier: Apache-2.0
// `centric import` and `centric export` as a user runs them: help, exit codes (0 ok, 1
// failure, 2 usage) and the messages on stderr.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "areas/stores.h"
#include "ingest/bulk/bulk_writer.h"
#include "run_centric.h"

namespace centric::ingest {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using testing::RunCentric;
using testing::ScratchDir;
using ::testing::StartsWith;

const std::string kRetailII = std::string(CENTRIC_TEST_DATA_DIR) + "/online_retail_ii_sample.csv";
const std::string kRetailMap = "customer=Customer ID,timestamp=InvoiceDate,product=StockCode";

TEST(ImportCliTest, TheImportIsAuditedAsTheCommandLineAndAuditReadsItBack) {
  ScratchDir dir;
  const std::string db = dir.Path("c.db");
  auto r = RunCentric(dir, {"import", "orders", kRetailII, "--db", db, "--currency", "GBP", "--map",
                            kRetailMap, "--date-format", "%m/%d/%Y %H:%M"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto audit = RunCentric(dir, {"audit", "--db", db, "--format", "jsonl", "--entity", "import"});
  ASSERT_EQ(audit.exit_code, 0) << audit.err;
  auto row = boost::json::parse(audit.out).as_object();
  EXPECT_EQ(row.at("action").as_string(), "import");
  EXPECT_EQ(row.at("entity_id").as_string(), "orders online_retail_ii_sample.csv");
  EXPECT_EQ(row.at("source").as_string(), "cli");
  EXPECT_EQ(row.at("actor").at("kind").as_string(), "cli");
  EXPECT_EQ(row.at("changes").at("orders").at("after").as_int64(), 14);
  auto csv = RunCentric(dir, {"audit", "--db", db, "--format", "csv"});
  ASSERT_EQ(csv.exit_code, 0) << csv.err;
  EXPECT_THAT(csv.out, StartsWith("id,at,actor_kind,actor_id,actor_name,actor_role,source,"));
}

TEST(ImportCliTest, NoOutputPathOverwritesTheStore) {
  ScratchDir dir;
  const std::string db = dir.Path("c.db");
  ASSERT_EQ(RunCentric(dir, {"init", "--db", db}).exit_code, 0);
  ASSERT_EQ(RunCentric(dir, {"import", "orders", kRetailII, "--db", db, "--currency", "GBP",
                             "--map", kRetailMap, "--date-format", "%m/%d/%Y %H:%M"})
                .exit_code,
            0);
  for (const std::string& target : {db, db + "-wal"}) {
    for (const char* command : {"audit", "export"}) {
      std::vector<std::string> args = {command};
      if (std::string(command) == "export") args.push_back("orders");
      args.insert(args.end(), {"--db", db, "--output", target});
      auto refused = RunCentric(dir, args);
      EXPECT_EQ(refused.exit_code, 1) << command << " " << target;
      EXPECT_THAT(refused.err, HasSubstr("--output: " + target + " is the store's own file"));
    }
  }
  auto stats = ingest::CountRows((*Stores::Open(db))->connection());
  ASSERT_TRUE(stats);
  EXPECT_EQ(stats->order_lines, 99);
}

TEST(ImportCliTest, HelpDescribesFieldsAndExitCodes) {
  ScratchDir dir;
  auto r = RunCentric(dir, {"import", "--help"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, HasSubstr("--map"));
  EXPECT_THAT(r.out, HasSubstr("--skip-bad"));
  EXPECT_THAT(r.out, HasSubstr("consent_<channel>, attr.<name>"));
  EXPECT_THAT(r.out,
              HasSubstr("Exit codes: 0 imported, 1 failed (nothing imported), 2 usage error."));
  auto e = RunCentric(dir, {"export", "--help"});
  EXPECT_EQ(e.exit_code, 0);
  EXPECT_THAT(e.out, HasSubstr("--output"));
}

TEST(ImportCliTest, ImportsTheOnlineRetailExportAndExportsItBack) {
  ScratchDir dir;
  const std::string db = dir.Path("c.db");
  auto r = RunCentric(dir, {"import", "orders", kRetailII, "--db", db, "--currency", "GBP", "--map",
                            kRetailMap, "--date-format", "%m/%d/%Y %H:%M"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr(": 99 rows read, 99 imported, 0 rejected, 0 skipped in "));
  EXPECT_THAT(r.out, HasSubstr("14 orders (0 cancelled)"));

  const std::string exported = dir.Path("orders.jsonl");
  auto e = RunCentric(dir, {"export", "orders", "--output", exported, "--db", db});
  ASSERT_EQ(e.exit_code, 0) << e.err;
  EXPECT_EQ(e.err, "exported 99 order lines of orders to " + exported + "\n");
  const std::string db2 = dir.Path("copy.db");
  auto back = RunCentric(dir, {"import", "orders", exported, "--db", db2});
  ASSERT_EQ(back.exit_code, 0) << back.err;
  auto stats = ingest::CountRows((*Stores::Open(db2))->connection());
  EXPECT_EQ(stats->orders, 14);
  EXPECT_EQ(stats->order_lines, 99);

  auto to_stdout = RunCentric(dir, {"export", "products", "--db", db});
  ASSERT_EQ(to_stdout.exit_code, 0);
  EXPECT_THAT(to_stdout.out, StartsWith("sku,name,category,price,unit_cost,currency\n85123A,"));
}

TEST(ImportCliTest, UsageErrorsExitWithTwo) {
  ScratchDir dir;
  const std::string db = dir.Path("c.db");
  const std::string file = dir.Write("p.csv", "Code,Title\nA,B\n");
  struct Case {
    std::vector<std::string> args;
    std::string err;
  };
  const Case cases[] = {
      {{"import", "things", file, "--db", db}, ""},
      {{"import", "products", file, "--db", db, "--map", "article=Code"},
       "centric: --map: unknown field 'article' for products (fields: sku, name, category, price, "
       "unit_cost, currency)\n"},
      {{"import", "products", file, "--db", db, "--map", "sku=SKU"},
       "centric: --map sku=SKU: no column 'SKU' (columns: Code, Title)\n"},
      {{"import", "products", file, "--db", db},
       "centric: no column for required field 'sku'; name one with --map sku=COLUMN (columns: "
       "Code, Title)\n"},
      {{"import", "products", file, "--db", db, "--date-format", "%Q"},
       "centric: --date-format: date format '%Q': unsupported directive '%Q'\n"},
      {{"import", "products", file, "--db", db, "--currency", "euro"},
       "centric: --currency: 'euro' is not an ISO 4217 code\n"},
      {{"import", "products", file, "--db", db, "--format", "xml"}, ""},
      {{"export", "products", "--db", db, "--format", "xml"}, ""},
  };
  for (const auto& c : cases) {
    auto r = RunCentric(dir, c.args);
    EXPECT_EQ(r.exit_code, 2) << c.args[1] << " " << r.err;
    if (!c.err.empty()) EXPECT_EQ(r.err, c.err);
  }
}

TEST(ImportCliTest, BadRowsExitWithOneAndChangeNothing) {
  ScratchDir dir;
  const std::string db = dir.Path("c.db");
  ASSERT_EQ(
      RunCentric(dir, {"import", "products", dir.Write("a.csv", "sku,price\nA,1\n"), "--db", db})
          .exit_code,
      0);
  const std::string bad = dir.Write("b.csv", "sku,price\nA,2\nB,x\n");
  auto r = RunCentric(dir, {"import", "products", bad, "--db", db});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "centric: " + bad +
                       ": 1 bad row; nothing was imported (--skip-bad REJECTS.csv "
                       "imports the good rows)\n" +
                       bad + ":3: price: 'x' is not a number\n");
  auto store = *Stores::Open(db);
  auto products = store->orders().ListProducts({});
  ASSERT_EQ(products->items.size(), 1u);
  EXPECT_EQ(products->items[0].price_minor, 100);

  const std::string rejects = dir.Path("rejects.csv");
  auto skip = RunCentric(dir, {"import", "products", bad, "--db", db, "--skip-bad", rejects});
  EXPECT_EQ(skip.exit_code, 0) << skip.err;
  EXPECT_THAT(skip.out, HasSubstr("2 rows read, 1 imported, 1 rejected, 0 skipped"));
  EXPECT_EQ(testing::ReadFile(rejects),
            "line,reason,sku,price\n3,price: 'x' is not a number,B,x\n");
}

TEST(ImportCliTest, MissingFileOrStoreExitsWithOne) {
  ScratchDir dir;
  auto r = RunCentric(dir, {"import", "products", dir.Path("none.csv"), "--db", dir.Path("c.db")});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "centric: " + dir.Path("none.csv") + ": No such file or directory\n");
}

TEST(ImportCliTest, DryRunChecksWithoutWriting) {
  ScratchDir dir;
  const std::string db = dir.Path("c.db");
  auto r = RunCentric(dir, {"import", "orders", kRetailII, "--dry-run", "--db", db, "--currency",
                            "GBP", "--map", kRetailMap, "--date-format", "%m/%d/%Y %H:%M"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, StartsWith("checked orders from "));
  EXPECT_FALSE(std::filesystem::exists(db));
}

// An import into a store that has been analysed refreshes the analysis with the same
// options; --no-analyze leaves it alone; a store never analysed is not analysed.
TEST(ImportCliTest, RefreshesTheAnalysisOfAnAnalysedStore) {
  ScratchDir dir;
  const std::string db = dir.Path("c.db");
  const std::vector<std::string> import = {"import",   "orders",        kRetailII,       "--db",
                                           db,         "--currency",    "GBP",           "--map",
                                           kRetailMap, "--date-format", "%m/%d/%Y %H:%M"};
  ASSERT_EQ(RunCentric(dir, {"demo", "--customers", "400", "--db", db}).exit_code, 0);
  auto plain = RunCentric(dir, import);
  ASSERT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_THAT(plain.out, Not(HasSubstr("retention analysis")));

  auto analysed =
      RunCentric(dir, {"analyze", "--db", db, "--period", "day", "--tier-shares", "0.6,0.1"});
  ASSERT_EQ(analysed.exit_code, 0) << analysed.err;
  EXPECT_THAT(analysed.out, HasSubstr("saved as analysis run 1"));

  auto refreshed = RunCentric(dir, import);
  ASSERT_EQ(refreshed.exit_code, 0) << refreshed.err;
  EXPECT_THAT(refreshed.out, HasSubstr("retention analysis refreshed as of "));
  EXPECT_THAT(refreshed.out, HasSubstr("(run 2)"));
  auto run = (*Stores::Open(db))->retention().LatestAnalysis();
  ASSERT_TRUE(run);
  EXPECT_EQ(run->report.period, "day");
  ASSERT_TRUE(run->report.options);
  EXPECT_EQ(run->report.options->tiers.low_share, 0.6);

  std::vector<std::string> skip = import;
  skip.push_back("--no-analyze");
  auto skipped = RunCentric(dir, skip);
  ASSERT_EQ(skipped.exit_code, 0) << skipped.err;
  EXPECT_THAT(skipped.out, Not(HasSubstr("retention analysis")));
  EXPECT_EQ((*Stores::Open(db))->retention().LatestAnalysis()->id, 2);
}

}  // namespace
}  // namespace centric::ingest
