// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "demo/demo.h"

namespace centric::demo {
namespace {

// Keeps what it is given, and fails on request after `fail_after` customers.
class CollectingSink : public DemoSink {
 public:
  Status Begin(const std::vector<Product>& products) override {
    products_ = products.size();
    return Status::Ok();
  }
  Status Write(std::vector<GeneratedCustomer>& batch) override {
    for (auto& g : batch) customers.push_back(std::move(g));
    if (static_cast<int64_t>(customers.size()) > fail_after) return Unavailable("disk full");
    return Status::Ok();
  }
  Status Finish() override {
    finished = true;
    return Status::Ok();
  }

  std::vector<GeneratedCustomer> customers;
  size_t products_ = 0;
  int64_t fail_after = INT64_MAX;
  bool finished = false;
};

DemoOptions Options(int threads) {
  DemoOptions options;
  options.customers = 3000;  // several batches, the last one partial
  options.seed = 99;
  options.threads = threads;
  return options;
}

TEST(PipelineTest, DeliversEveryCustomerInOrderWhateverTheThreads) {
  CollectingSink one, four;
  auto a = RunDemo(Options(1), one);
  auto b = RunDemo(Options(4), four);
  ASSERT_TRUE(a.has_value());
  ASSERT_TRUE(b.has_value());
  ASSERT_EQ(one.customers.size(), 3000u);
  ASSERT_EQ(four.customers.size(), 3000u);
  Generator generator(Options(1));
  for (size_t i = 0; i < one.customers.size(); ++i) {
    ASSERT_EQ(one.customers[i].index, static_cast<int64_t>(i));
    ASSERT_EQ(one.customers[i].customer, four.customers[i].customer);
    ASSERT_EQ(one.customers[i].orders, four.customers[i].orders);
    ASSERT_EQ(one.customers[i].interactions, four.customers[i].interactions);
  }
  EXPECT_EQ(one.customers[1234].orders, generator.Customer(1234).orders);
  EXPECT_TRUE(one.finished);
}

TEST(PipelineTest, SummaryCountsWhatWasGenerated) {
  CollectingSink sink;
  int64_t last_progress = 0;
  auto summary = RunDemo(Options(2), sink, [&](int64_t done, int64_t total) {
    EXPECT_GT(done, last_progress);
    EXPECT_EQ(total, 3000);
    last_progress = done;
  });
  ASSERT_TRUE(summary.has_value());
  EXPECT_EQ(last_progress, 3000);
  int64_t orders = 0, lines = 0, interactions = 0;
  for (const auto& g : sink.customers) {
    orders += static_cast<int64_t>(g.orders.size());
    for (const auto& o : g.orders) lines += static_cast<int64_t>(o.lines.size());
    interactions += static_cast<int64_t>(g.interactions.size());
  }
  EXPECT_EQ(summary->customers, 3000);
  EXPECT_EQ(summary->products, static_cast<int64_t>(sink.products_));
  EXPECT_EQ(summary->orders, orders);
  EXPECT_EQ(summary->order_lines, lines);
  EXPECT_EQ(summary->interactions, interactions);
}

TEST(PipelineTest, StopsAtTheSinksFirstError) {
  CollectingSink sink;
  sink.fail_after = 1000;
  auto summary = RunDemo(Options(2), sink);
  ASSERT_FALSE(summary.has_value());
  EXPECT_EQ(summary.error().code(), StatusCode::kUnavailable);
  EXPECT_FALSE(sink.finished);
  EXPECT_LT(sink.customers.size(), 3000u);
}

TEST(PipelineTest, RejectsBadOptionsBeforeStarting) {
  CollectingSink sink;
  DemoOptions options = Options(1);
  options.customers = -5;
  auto summary = RunDemo(options, sink);
  ASSERT_FALSE(summary.has_value());
  EXPECT_EQ(summary.error().field(), "customers");
}

TEST(PipelineTest, ZeroCustomersStillWritesTheCatalog) {
  CollectingSink sink;
  DemoOptions options = Options(1);
  options.customers = 0;
  auto summary = RunDemo(options, sink);
  ASSERT_TRUE(summary.has_value());
  EXPECT_EQ(summary->customers, 0);
  EXPECT_GT(summary->products, 0);
  EXPECT_TRUE(sink.finished);
}

}  // namespace
}  // namespace centric::demo
