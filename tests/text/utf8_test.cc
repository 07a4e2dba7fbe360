// SPDX-License-Identifier: Apache-2.0
#include "text/utf8.h"

#include <gtest/gtest.h>

#include "text/ascii.h"
#include "text/input_buffer.h"

namespace centric::text {
namespace {

TEST(Utf8Test, AcceptsWellFormedAndRejectsBrokenSequences) {
  EXPECT_TRUE(IsValidUtf8("plain ascii text, long enough for the word loop"));
  EXPECT_TRUE(IsValidUtf8("Nguy\xE1\xBB\x85n caf\xC3\xA9 \xF0\x9F\x8D\x95"));
  for (const char* bad : {"\xff", "\xC3", "caf\xC3", "\xC0\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                          "abcdefgh\x80"}) {
    EXPECT_FALSE(IsValidUtf8(bad)) << bad;
  }
}

TEST(InputBufferTest, SkipsAByteOrderMarkSplitAcrossChunks) {
  for (size_t chunk : {size_t{1}, size_t{2}, size_t{3}, size_t{64}}) {
    auto input = InputBuffer::FromString("\xEF\xBB\xBFid", chunk);
    ASSERT_TRUE(input->SkipByteOrderMark().ok());
    while (input->size() < 2) ASSERT_TRUE(input->Fill());
    EXPECT_EQ(std::string_view(input->data(), input->size()), "id") << chunk;
  }
  auto plain = InputBuffer::FromString("\xEF\xBB", 1);
  ASSERT_TRUE(plain->SkipByteOrderMark().ok());
  EXPECT_EQ(std::string_view(plain->data(), plain->size()), "\xEF\xBB");
}

TEST(AsciiTest, IgnoresTheCaseOfAsciiLettersOnly) {
  EXPECT_TRUE(EqualsIgnoreCase("Customer ID", "customer id"));
  EXPECT_FALSE(EqualsIgnoreCase("customer", "customers"));
  EXPECT_FALSE(EqualsIgnoreCase("\xC3\x89T\xC3\x89", "\xC3\xA9t\xC3\xA9"));  // ÉTÉ, été
}

}  // namespace
}  // namespace centric::text
