// SPDX-License-Identifier: Apache-2.0
// The analytics routes read the latest saved analysis. The world: two customers with a few
// orders, analysed by jobs::AnalyzeStore (the same call `centric analyze` makes).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "api_fixture.h"
#include "jobs/analyze.h"
#include "response_schema.h"

namespace centric::api {
namespace {

namespace json = boost::json;

class AnalyticsRoutesTest : public ApiTest {
 protected:
  // Ana buys four times, Bo once; Cy never buys.
  void BuildShop() {
    CreateProduct("P1", "Food/Pizza", 1250);
    ana_ = CreateCustomer("C-1", "Ana");
    bo_ = CreateCustomer("C-2", "Bo");
    cy_ = CreateCustomer("C-3", "Cy");
    for (int k = 0; k < 4; ++k) {
      CreateOrder(ana_, fmt::format("A{}", k), fmt::format("2024-0{}-10T12:00:00Z", 1 + 2 * k),
                  "P1", 2);
    }
    CreateOrder(bo_, "B0", "2024-03-01T12:00:00Z", "P1", 1);
  }

  void Analyze() {
    auto result = jobs::AnalyzeStore(stores_->retention(),
                                     {.as_of_day = jobs::DayOf(*ParseIso8601("2024-09-30")),
                                      .period = analytics::clv::Period::kDay});
    ASSERT_TRUE(result) << result.error().ToString();
    run_id_ = result->run_id;
  }

  int64_t ana_ = 0, bo_ = 0, cy_ = 0, run_id_ = 0;
};
CENTRIC_API_BACKENDS(AnalyticsRoutesTest);

TEST_P(AnalyticsRoutesTest, BeforeAnyAnalysisEverySectionIsNotFound) {
  BuildShop();
  for (const char* section : {"summary", "rfm", "cohorts", "clv", "tiers"}) {
    ExpectError(Get(fmt::format("/api/v1/analytics/{}", section)), 404, "not_found");
  }
  ExpectError(Get(fmt::format("/api/v1/customers/{}/predictions", ana_)), 404, "not_found");
}

TEST_P(AnalyticsRoutesTest, ServesEachSectionOfTheLatestRun) {
  BuildShop();
  Analyze();
  json::object summary = BodyOf(Call(Method::kGet, "/api/v1/analytics/summary", "", analyst_));
  EXPECT_EQ(summary["run_id"].as_int64(), run_id_);
  EXPECT_EQ(summary["as_of"], "2024-09-30");
  EXPECT_EQ(summary["customers"].as_int64(), 2);  // Cy never bought
  EXPECT_TRUE(summary.contains("params"));
  EXPECT_TRUE(summary.contains("churn_risk"));
  // Money in the report has its currency: the orders' own.
  EXPECT_EQ(summary["summary"].at("currency"), "EUR") << boost::json::serialize(summary);
  EXPECT_FALSE(summary.contains("cohorts"));  // served by its own route

  json::object cohorts = BodyOf(Get("/api/v1/analytics/cohorts"));
  EXPECT_EQ(cohorts["run_id"].as_int64(), run_id_);
  const auto& rows = cohorts["cohorts"].at("cohorts").as_array();
  ASSERT_EQ(rows.size(), 2u);  // Ana's January, Bo's March
  EXPECT_EQ(rows[0].at("month"), "2024-01");
  EXPECT_EQ(rows[1].at("month"), "2024-03");

  json::object tiers = BodyOf(Get("/api/v1/analytics/tiers"));
  EXPECT_EQ(tiers["tiers"].at("tiers").as_array().size(), 3u);
  EXPECT_TRUE(BodyOf(Get("/api/v1/analytics/rfm"))["rfm"].at("grid").is_array());
  EXPECT_TRUE(BodyOf(Get("/api/v1/analytics/clv"))["clv"].at("quantiles_minor").is_object());
  ExpectError(Get("/api/v1/analytics/tiers?bogus=1"), 400, "invalid_argument", "bogus");
}

// What the server sends is what openapi.json says, member by member: the analytics sections
// (with a holdout check, so its object is checked too) and the customer list with each item's
// prediction (Cy, who never bought, has none).
TEST_P(AnalyticsRoutesTest, ResponsesAreTheShapeTheDocumentDescribes) {
  BuildShop();
  auto result = jobs::AnalyzeStore(stores_->retention(),
                                   {.as_of_day = jobs::DayOf(*ParseIso8601("2024-06-30")),
                                    .period = analytics::clv::Period::kDay,
                                    .holdout_end_day = jobs::DayOf(*ParseIso8601("2024-09-30"))});
  ASSERT_TRUE(result) << result.error().ToString();
  for (const char* section : {"summary", "rfm", "cohorts", "clv", "tiers"}) {
    const std::string path = fmt::format("/api/v1/analytics/{}", section);
    json::object body = BodyOf(Get(path));
    EXPECT_EQ(openapi_check::ResponseProblems("get", path, body), std::vector<std::string>{})
        << json::serialize(body);
  }
  EXPECT_TRUE(BodyOf(Get("/api/v1/analytics/summary"))["holdout"].is_object());
  json::object list = BodyOf(Get("/api/v1/customers"));
  EXPECT_EQ(openapi_check::ResponseProblems("get", "/api/v1/customers", list),
            std::vector<std::string>{})
      << json::serialize(list);
  // A wrong member is found: the check is not vacuous.
  json::object tiers = BodyOf(Get("/api/v1/analytics/tiers"));
  tiers["tiers"].as_object()["cuts_minor"].as_object()["middle_above"] = "cheap";
  tiers["extra"] = 1;
  EXPECT_EQ(openapi_check::ResponseProblems("get", "/api/v1/analytics/tiers", tiers).size(), 2u);
}

TEST_P(AnalyticsRoutesTest, PredictionsOfOneCustomer) {
  BuildShop();
  Analyze();
  Response r =
      Call(Method::kGet, fmt::format("/api/v1/customers/{}/predictions", ana_), "", analyst_);
  ASSERT_EQ(r.status, 200) << r.body;
  json::object p = BodyOf(r);
  EXPECT_EQ(p["customer_id"].as_int64(), ana_);
  EXPECT_EQ(p["run_id"].as_int64(), run_id_);
  EXPECT_EQ(p["frequency"].as_int64(), 3);  // four purchase days, the first is not a repeat
  EXPECT_GE(p["p_alive"].as_double(), 0.0);
  EXPECT_LE(p["p_alive"].as_double(), 1.0);
  EXPECT_FALSE(p["rfm"].at("segment").as_string().empty());
  EXPECT_FALSE(p["service_level"].as_string().empty());
  EXPECT_EQ(p["currency"], "EUR");  // the money has its currency

  ExpectError(Get(fmt::format("/api/v1/customers/{}/predictions", cy_)), 404, "not_found");
  ExpectError(Get("/api/v1/customers/999999/predictions"), 404, "not_found");
  Response anonymous =
      Call(Method::kGet, fmt::format("/api/v1/customers/{}/predictions", ana_), "", "");
  EXPECT_EQ(anonymous.status, 401);
}

TEST_P(AnalyticsRoutesTest, TheCustomerListCarriesPredictionsFiltersAndExports) {
  BuildShop();
  Analyze();
  json::object list = BodyOf(Get("/api/v1/customers?sort=-clv"));
  const auto& items = list["items"].as_array();
  ASSERT_EQ(items.size(), 2u);  // Cy has no prediction, so no value to sort by
  EXPECT_EQ(items[0].at("id").as_int64(), ana_);
  EXPECT_TRUE(items[0].at("prediction").at("clv_minor").is_double());
  EXPECT_TRUE(items[0].at("prediction").at("tier").is_string());
  json::object all = BodyOf(Get("/api/v1/customers"));
  ASSERT_EQ(all["items"].as_array().size(), 3u);
  EXPECT_TRUE(all["items"].as_array()[2].at("prediction").is_null());  // Cy
  EXPECT_EQ(ItemIds(Get("/api/v1/customers?category=Food&sort=name")),
            (std::vector<int64_t>{ana_, bo_}));
  ExpectError(Get("/api/v1/customers?sort=clv"), 400, "invalid_argument", "sort");

  Response csv = Get("/api/v1/customers/export.csv?sort=-clv");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.Header("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.Header("X-Centric-Rows"), "2");
  EXPECT_EQ(csv.body.substr(0, csv.body.find('\n')),
            "id,external_id,name,email,country,language,tier,service_level,rfm_segment,"
            "churn_risk,p_alive,clv");
  EXPECT_NE(csv.body.find(fmt::format("\n{},C-1,Ana,", ana_)), std::string::npos);
  ExpectError(Get("/api/v1/customers/export.csv?cursor=x"), 400, "invalid_argument", "cursor");

  Response xlsx = Get("/api/v1/customers/export.xlsx?sort=-clv");
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  EXPECT_EQ(xlsx.Header("Content-Type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(xlsx.Header("X-Centric-Rows"), "2");
  EXPECT_EQ(xlsx.Header("Content-Disposition"), "attachment; filename=\"customers.xlsx\"");
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  ExpectError(Get("/api/v1/customers/export.xlsx?cursor=x"), 400, "invalid_argument", "cursor");
}

}  // namespace
}  // namespace centric::api
