// SPDX-License-Identifier: Apache-2.0
#include "text/csv_writer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/csv_reader.h"

namespace centric::text {
namespace {

std::string Write(const std::vector<std::vector<std::string>>& records, char delimiter = ',') {
  std::string written;
  auto out = Output::ToString(&written);
  CsvWriter csv(*out, delimiter);
  for (const auto& r : records) csv.Record(r);
  EXPECT_TRUE(out->Close().ok());
  return written;
}

TEST(CsvWriterTest, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(Write({{"id", "name"}, {"1", "Plain"}}), "id,name\n1,Plain\n");
  EXPECT_EQ(Write({{"a,b", "5\" pipe", "two\nlines", "cr\r"}}),
            "\"a,b\",\"5\"\" pipe\",\"two\nlines\",\"cr\r\"\n");
  EXPECT_EQ(Write({{"a;b", "c,d"}}, ';'), "\"a;b\";c,d\n");
}

TEST(CsvWriterTest, KeepsALoneEmptyFieldFromReadingAsABlankLine) {
  EXPECT_EQ(Write({{"h"}, {""}, {"", ""}}), "h\n\"\"\n,\n");
}

TEST(CsvWriterTest, WhatItWritesReadsBackFieldForField) {
  const std::vector<std::vector<std::string>> records = {
      {"id", "note", "empty"},
      {"1", "he said \"hi\", then left", ""},
      {"2", "multi\r\nline", "\xC3\xA9t\xC3\xA9"},
      {""},
  };
  const std::string written = Write(records);
  for (size_t chunk : {size_t{1}, size_t{3}, size_t{64}}) {
    CsvReader reader(InputBuffer::FromString(written, chunk));
    CsvRecord record;
    std::vector<std::vector<std::string>> read;
    while (*reader.Next(record)) {
      EXPECT_EQ(record.problem, RecordProblem::kNone);
      read.emplace_back(record.fields.begin(), record.fields.end());
    }
    EXPECT_EQ(read, records) << chunk;
  }
}

}  // namespace
}  // namespace centric::text
