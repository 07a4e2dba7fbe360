// SPDX-License-Identifier: Apache-2.0
// The web app's files are served on the API's port: files by path, index.html for client
// routes, nothing under /api/ shadowed. The world: a small built app in a temporary folder.
#include "api/static_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "api/handle_request.h"
#include "api_fixture.h"

namespace centric::api {
namespace {

namespace fs = std::filesystem;

class StaticFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("centric-web-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
             "-" + std::to_string(reinterpret_cast<uintptr_t>(this)));
    fs::create_directories(root_ / "assets");
    Write("index.html", "<!doctype html><title>Centric</title>");
    Write("assets/app-3f2a.js", "console.log('app')");
    Write("favicon.svg", "<svg/>");
  }
  void TearDown() override { fs::remove_all(root_); }
  void Write(const std::string& name, const std::string& text) {
    std::ofstream(root_ / name) << text;
  }
  fs::path root_;
};

TEST_F(StaticFilesTest, ServesFilesAndFallsBackToIndex) {
  auto files = StaticFiles::Load(root_.string());
  ASSERT_TRUE(files) << files.error().ToString();
  EXPECT_EQ(files->size(), 3u);
  Response js = files->Serve("/assets/app-3f2a.js");
  EXPECT_EQ(js.body, "console.log('app')");
  EXPECT_EQ(js.Header("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_NE(js.Header("Cache-Control").find("immutable"), std::string_view::npos);
  Response route = files->Serve("/customers/42");
  EXPECT_EQ(route.body, "<!doctype html><title>Centric</title>");
  EXPECT_EQ(route.Header("Cache-Control"), "no-cache");
  EXPECT_NE(route.Header("Content-Security-Policy").find("default-src 'self'"),
            std::string_view::npos);
  EXPECT_EQ(files->Serve("/favicon.svg").Header("Content-Type"), "image/svg+xml");
}

TEST_F(StaticFilesTest, AFolderWithoutIndexIsRefused) {
  fs::remove(root_ / "index.html");
  auto files = StaticFiles::Load(root_.string());
  ASSERT_FALSE(files);
  EXPECT_EQ(files.error().code(), StatusCode::kNotFound);
  EXPECT_NE(files.error().message().find("npm run build"), std::string::npos);
}

TEST_F(StaticFilesTest, PagesArePublicAndTheApiStaysTheApi) {
  auto files = StaticFiles::Load(root_.string());
  ASSERT_TRUE(files);
  auto stores = ::centric::testing::FreshStores("sqlite");
  Services services{*stores, nullptr, &*files};
  Request page;
  page.target = "/segments";
  Response r = HandleRequest(ApiRouter(), page, services);
  EXPECT_EQ(r.status, 200);
  EXPECT_NE(r.body.find("<title>Centric</title>"), std::string::npos);
  Request api;
  api.target = "/api/v1/customers";
  EXPECT_EQ(HandleRequest(ApiRouter(), api, services).status, 401);  // no token: not a page
  Request unknown_api;
  unknown_api.target = "/api/v2/anything";
  EXPECT_EQ(HandleRequest(ApiRouter(), unknown_api, services).status, 401);
  Request health;
  health.target = "/health";
  EXPECT_EQ(HandleRequest(ApiRouter(), health, services).status, 200);
}

}  // namespace
}  // namespace centric::api
