// SPDX-License-Identifier: Apache-2.0
// XLSX sheets as a spreadsheet reads them: the workbook is unpacked with unzip and its sheet
// and styles are checked for typed cells, Excel dates, money formats with the currency and the
// frozen header.
#include "platform/xlsx/xlsx_sheet.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace centric::platform {
namespace {

// The text of `member` in the .xlsx `bytes`, through the unzip command.
std::string Unzip(const std::string& bytes, const std::string& member) {
  const auto path = std::filesystem::temp_directory_path() /
                    ("centric-xlsx-test-" + std::to_string(::getpid()) + ".xlsx");
  std::ofstream(path, std::ios::binary) << bytes;
  std::string out;
  if (FILE* p = popen(("unzip -p " + path.string() + " " + member).c_str(), "r")) {
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    pclose(p);
  }
  std::filesystem::remove(path);
  return out;
}

TEST(XlsxSheetTest, CellsAreTypedAndTheHeaderStaysVisible) {
  auto sheet = XlsxSheet::Create("Customers", {{"id", CellType::kInteger},
                                               {"name", CellType::kText},
                                               {"p_alive", CellType::kPercent},
                                               {"clv", CellType::kMoney, 14, "EUR"},
                                               {"at", CellType::kDateTime}});
  ASSERT_TRUE(sheet) << sheet.error().ToString();
  ASSERT_TRUE((*sheet)->AddRow({int64_t{42}, std::string("Mai <Tran> & co"), 0.25,
                                int64_t{123456}, FromUnixSeconds(86400)})
                  .ok());
  ASSERT_TRUE((*sheet)->AddRow({int64_t{43}, std::string("Bo"), XlsxCell(), XlsxCell(),
                                XlsxCell()})
                  .ok());
  EXPECT_EQ((*sheet)->AddRow({std::string("x"), std::string("y"), 0.1, 1.0, XlsxCell()}).code(),
            StatusCode::kInvalidArgument);  // text in a number column
  EXPECT_EQ((*sheet)->AddRow({int64_t{1}}).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ((*sheet)->rows(), 2);
  auto bytes = (*sheet)->Finish();
  ASSERT_TRUE(bytes) << bytes.error().ToString();
  EXPECT_EQ(bytes->substr(0, 2), "PK");

  const std::string xml = Unzip(*bytes, "xl/worksheets/sheet1.xml");
  EXPECT_NE(xml.find("ySplit=\"1\""), std::string::npos) << xml;    // header frozen
  EXPECT_NE(xml.find("<autoFilter ref=\"A1:E1\""), std::string::npos);
  EXPECT_NE(xml.find("<v>42</v>"), std::string::npos);             // a number, not text
  EXPECT_NE(xml.find("<v>0.25</v>"), std::string::npos);
  EXPECT_NE(xml.find("<v>1234.56</v>"), std::string::npos);        // major units
  EXPECT_NE(xml.find("<v>25570</v>"), std::string::npos);          // 1970-01-02 as Excel date
  EXPECT_NE(xml.find("Mai &lt;Tran&gt; &amp; co"), std::string::npos);
  const std::string styles = Unzip(*bytes, "xl/styles.xml");
  EXPECT_NE(styles.find("#,##0.00 &quot;EUR&quot;"), std::string::npos) << styles;
  EXPECT_NE(styles.find("yyyy-mm-dd hh:mm"), std::string::npos);
  EXPECT_NE(styles.find("0.0%"), std::string::npos);
  EXPECT_EQ((*sheet)->Finish().error().code(), StatusCode::kFailedPrecondition);
}

}  // namespace
}  // namespace centric::platform
