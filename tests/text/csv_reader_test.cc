// SPDX-License-Identifier: Apache-2.0
#include "text/csv_reader.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace centric::text {
namespace {

using ::testing::ElementsAre;

struct Rec {
  int64_t line;
  std::vector<std::string> fields;
  RecordProblem problem = RecordProblem::kNone;
  int problem_field = -1;
  bool operator==(const Rec&) const = default;
};

void PrintTo(const Rec& r, std::ostream* os) {
  *os << "{line " << r.line << ", [";
  for (const auto& f : r.fields) *os << '"' << f << "\" ";
  *os << "], problem " << static_cast<int>(r.problem) << " in " << r.problem_field << "}";
}

std::vector<Rec> ReadAll(const std::string& text, size_t chunk,
                         CsvReader::Options options = CsvReader::Options{}) {
  CsvReader reader(InputBuffer::FromString(text, chunk), options);
  std::vector<Rec> out;
  CsvRecord record;
  while (true) {
    auto more = reader.Next(record);
    EXPECT_TRUE(more) << more.error().ToString();
    if (!more || !*more) break;
    out.push_back({record.line,
                   {record.fields.begin(), record.fields.end()},
                   record.problem,
                   record.problem_field});
  }
  return out;
}

struct Case {
  const char* name;
  std::string text;
  std::vector<Rec> want;
};

// Each case is read with every chunk size below, so every chunk end lands in every place:
// inside quotes, between CR and LF, between a quote and its escape.
const size_t kChunkSizes[] = {1, 2, 3, 4, 5, 7, 8, 13, 64, kDefaultChunkBytes};

TEST(CsvReaderTest, ReadsRfc4180AtEveryChunkSize) {
  const Case cases[] = {
      {"plain", "a,b\n1,2\n", {{1, {"a", "b"}}, {2, {"1", "2"}}}},
      {"crlf", "a,b\r\n1,2\r\n", {{1, {"a", "b"}}, {2, {"1", "2"}}}},
      {"no final newline", "a,b\n1,2", {{1, {"a", "b"}}, {2, {"1", "2"}}}},
      {"final cr only", "a,b\r", {{1, {"a", "b"}}}},
      {"byte-order mark",
       "\xEF\xBB\xBF"
       "a,b\n1,2",
       {{1, {"a", "b"}}, {2, {"1", "2"}}}},
      {"quoted comma, doubled quote, line breaks",
       "a,b\n\"x,y\",\"he said \"\"hi\"\"\"\n\"multi\nline\",z\n\"crlf\r\ninside\",q\r\n3,4\n",
       {{1, {"a", "b"}},
        {2, {"x,y", "he said \"hi\""}},
        {3, {"multi\nline", "z"}},
        {5, {"crlf\r\ninside", "q"}},
        {7, {"3", "4"}}}},
      {"blank lines are skipped but counted",
       "a\n\n1\n\r\n2\n",
       {{1, {"a"}}, {3, {"1"}}, {5, {"2"}}}},
      {"empty fields", "a,,\n,,\n", {{1, {"a", "", ""}}, {2, {"", "", ""}}}},
      {"quoted empty field is a record", "x\n\"\"\n", {{1, {"x"}}, {2, {""}}}},
      {"quote inside an unquoted field is literal", "5\" PIPE,x\n", {{1, {"5\" PIPE", "x"}}}},
      {"only quotes", "\"\"\"\"\n", {{1, {"\""}}}},
      {"unterminated quote",
       "a\n\"abc\nd\n",
       {{1, {"a"}}, {2, {"abc\nd\n"}, RecordProblem::kUnterminatedQuote, 0}}},
      {"text after closing quote",
       "\"ab\"c,d\ne,f\n",
       {{1, {"ab", "d"}, RecordProblem::kTextAfterQuote, 0}, {2, {"e", "f"}}}},
      {"invalid utf-8",
       "a,b\n\xff,c\nd,\xC3\xA9\n",
       {{1, {"a", "b"}},
        {2, {"\xff", "c"}, RecordProblem::kInvalidUtf8, 0},
        {3, {"d", "\xC3\xA9"}}}},
      {"empty input", "", {}},
      {"only a byte-order mark", "\xEF\xBB\xBF", {}},
  };
  for (const auto& c : cases) {
    for (size_t chunk : kChunkSizes) {
      EXPECT_EQ(ReadAll(c.text, chunk), c.want) << c.name << ", chunk " << chunk;
    }
  }
}

TEST(CsvReaderTest, SkipsAnOverlongFieldAndCarriesOn) {
  CsvReader::Options small{.delimiter = ',', .max_field_bytes = 10, .max_record_bytes = 40};
  std::string unquoted = "a,b\n" + std::string(50, 'x') + ",c\nd,e\n";
  std::string quoted =
      "a,b\n\"" + std::string(30, 'y') + "\n\"\"\n" + std::string(30, 'y') + "\",c\nd,e\n";
  std::string fits = "a,b\n" + std::string(10, 'z') + ",c\n";
  for (size_t chunk : kChunkSizes) {
    EXPECT_EQ(ReadAll(unquoted, chunk, small),
              (std::vector<Rec>{
                  {1, {"a", "b"}}, {2, {}, RecordProblem::kFieldTooLong, 0}, {3, {"d", "e"}}}))
        << chunk;
    EXPECT_EQ(ReadAll(quoted, chunk, small),
              (std::vector<Rec>{
                  {1, {"a", "b"}}, {2, {}, RecordProblem::kFieldTooLong, 0}, {5, {"d", "e"}}}))
        << chunk;
    EXPECT_EQ(ReadAll(fits, chunk, small),
              (std::vector<Rec>{{1, {"a", "b"}}, {2, {std::string(10, 'z'), "c"}}}))
        << chunk;
  }
}

TEST(CsvReaderTest, SkipsAnOverlongRecord) {
  CsvReader::Options small{.delimiter = ',', .max_field_bytes = 10, .max_record_bytes = 40};
  std::string many;
  for (int i = 0; i < 30; ++i) many += "abc,";
  std::string text = "a\n" + many + "z\nok\n";
  for (size_t chunk : {size_t{1}, size_t{7}, size_t{64}}) {
    auto got = ReadAll(text, chunk, small);
    ASSERT_EQ(got.size(), 3u) << chunk;
    EXPECT_EQ(got[1].problem, RecordProblem::kRecordTooLong);
    EXPECT_EQ(got[2], (Rec{3, {"ok"}}));
  }
}

TEST(CsvReaderTest, CapsFieldsAtOneMebibyte) {
  std::string at_cap(kMaxFieldBytes, 'x');
  std::string over = at_cap + "x";
  auto got = ReadAll("h,i\n" + at_cap + ",1\n" + over + ",2\n\"" + over + "\",3\nlast,4\n",
                     kDefaultChunkBytes);
  ASSERT_EQ(got.size(), 5u);
  EXPECT_EQ(got[1].fields[0].size(), kMaxFieldBytes);
  EXPECT_EQ(got[1].problem, RecordProblem::kNone);
  EXPECT_EQ(got[2].problem, RecordProblem::kFieldTooLong);
  EXPECT_EQ(got[3].problem, RecordProblem::kFieldTooLong);
  EXPECT_EQ(got[4], (Rec{5, {"last", "4"}}));
  EXPECT_EQ(RecordProblemText(RecordProblem::kFieldTooLong),
            "field longer than 1 MiB (1048576 bytes)");
}

TEST(CsvReaderTest, ReadsOtherDelimiters) {
  CsvReader::Options semicolon{.delimiter = ';'};
  EXPECT_EQ(ReadAll("a;b\n\"1;2\";3,4\n", 3, semicolon),
            (std::vector<Rec>{{1, {"a", "b"}}, {2, {"1;2", "3,4"}}}));
}

}  // namespace
}  // namespace centric::text
