// SPDX-License-Identifier: Apache-2.0
#include "jobs/file_range_reader.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>

namespace centric::jobs {
namespace {

class FileRangeReaderTest : public ::testing::Test {
 protected:
  int Open(const std::string& text) {
    path_ = (std::filesystem::temp_directory_path() / "centric-range-reader.txt").string();
    std::ofstream(path_, std::ios::binary) << text;
    fd_ = ::open(path_.c_str(), O_RDONLY);
    return fd_;
  }
  void TearDown() override {
    if (fd_ >= 0) ::close(fd_);
  }
  // Every block of [begin, end), concatenated, checking each ends on a line end.
  std::string ReadAll(size_t begin, size_t end, size_t buffer, size_t max_line = 1 << 20) {
    FileRangeReader reader(fd_, begin, end, max_line, buffer);
    std::string all;
    while (true) {
      auto block = reader.NextBlock();
      EXPECT_TRUE(block) << block.error().ToString();
      if (!block || block->empty()) break;
      bool last = all.size() + block->size() == end - begin;
      EXPECT_TRUE(block->back() == '\n' || last) << "a block ends mid-line";
      all += *block;
    }
    return all;
  }
  std::string path_;
  int fd_ = -1;
};

TEST_F(FileRangeReaderTest, GivesWholeLinesWhateverTheBufferSize) {
  std::mt19937 rng(3);
  std::string text;
  for (int i = 0; i < 500; ++i) text += std::string(rng() % 70, 'a' + i % 26) + "\n";
  text += "last line without newline";
  Open(text);
  for (size_t buffer : {size_t{1}, size_t{7}, size_t{64}, size_t{100}, size_t{4096}, size_t{1} << 20}) {
    EXPECT_EQ(ReadAll(0, text.size(), buffer), text) << "buffer " << buffer;
  }
}

TEST_F(FileRangeReaderTest, ReadsOnlyItsRangeAndFindsLineStarts) {
  std::string text = "alpha\nbeta\ngamma\ndelta\n";
  Open(text);
  auto cut = NextLineStart(fd_, 8, text.size());  // inside "beta"
  ASSERT_TRUE(cut);
  EXPECT_EQ(*cut, 11u);  // "gamma"
  EXPECT_EQ(*NextLineStart(fd_, 0, text.size()), 0u);
  EXPECT_EQ(*NextLineStart(fd_, 6, text.size()), 6u);  // already a line start
  EXPECT_EQ(ReadAll(0, 11, 4), "alpha\nbeta\n");
  EXPECT_EQ(ReadAll(11, text.size(), 4), "gamma\ndelta\n");
}

TEST_F(FileRangeReaderTest, RefusesALineLongerThanTheLimit) {
  Open(std::string(5000, 'x') + "\nshort\n");
  FileRangeReader reader(fd_, 0, 5007, 1000, 64);
  auto block = reader.NextBlock();
  ASSERT_FALSE(block);
  EXPECT_EQ(block.error().code(), StatusCode::kResourceExhausted);
}

TEST_F(FileRangeReaderTest, CountsBlocksOfAnyAlignment) {
  std::string text(3'000'000, 'x');
  for (size_t i = 0; i < text.size(); i += 97) text[i] = '\n';
  Open(text);
  size_t newlines = 0, bytes = 0;
  ASSERT_TRUE(ForEachBlock(fd_, 5, text.size(), [&](std::string_view block) {
                bytes += block.size();
                newlines += static_cast<size_t>(std::count(block.begin(), block.end(), '\n'));
              }).ok());
  EXPECT_EQ(bytes, text.size() - 5);
  EXPECT_EQ(newlines, static_cast<size_t>(std::count(text.begin() + 5, text.end(), '\n')));
}

}  // namespace
}  // namespace centric::jobs
