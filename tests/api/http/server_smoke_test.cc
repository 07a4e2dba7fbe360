// SPDX-License-Identifier: Apache-2.0
// The one test over real sockets: the server started in-process on a free loopback port, a
// Beast client, and the things only the wire can show (status lines, keep-alive, limits,
// timeouts, stopping).
#include <gtest/gtest.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json.hpp>
#include <chrono>
#include <future>
#include <string>
#include <thread>

#include "areas/access/credentials.h"
#include "api/server.h"
#include "support/store_fixture.h"

namespace centric::api {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

// A blocking HTTP/1.1 client on one keep-alive connection to 127.0.0.1.
class Client {
 public:
  explicit Client(uint16_t port) : socket_(ioc_) {
    socket_.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  }

  bhttp::response<bhttp::string_body> Send(bhttp::verb verb, const std::string& target,
                                           const std::string& token = "",
                                           const std::string& body = "") {
    bhttp::request<bhttp::string_body> req{verb, target, 11};
    req.set(bhttp::field::host, "127.0.0.1");
    if (!token.empty()) req.set(bhttp::field::authorization, "Bearer " + token);
    if (!body.empty()) {
      req.set(bhttp::field::content_type, "application/json");
      req.body() = body;
    }
    req.prepare_payload();
    bhttp::write(socket_, req);
    return Read();
  }

  bhttp::response<bhttp::string_body> Read() {
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    bhttp::read(socket_, buffer_, parser);
    return parser.release();
  }

  void WriteRaw(std::string_view bytes) { asio::write(socket_, asio::buffer(bytes)); }

  // True when the server has closed the connection (a read sees end of stream).
  bool ServerClosed() {
    char c;
    beast::error_code ec;
    socket_.read_some(asio::buffer(&c, 1), ec);
    return ec == asio::error::eof || ec == asio::error::connection_reset;
  }

 private:
  asio::io_context ioc_;
  tcp::socket socket_;
  beast::flat_buffer buffer_;
};

boost::json::object Json(const bhttp::response<bhttp::string_body>& res) {
  return boost::json::parse(res.body()).as_object();
}

std::string ErrorCode(const bhttp::response<bhttp::string_body>& res) {
  return std::string(Json(res).at("error").at("code").as_string());
}

class ServerSmokeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto seed = ::centric::testing::FreshStores("sqlite", &url_);
    ASSERT_NE(seed, nullptr);
    auto issued = access::IssueToken(seed->access(), "smoke", Role::kAdmin);
    ASSERT_TRUE(issued);
    token_ = issued->secret;
  }

  void StartServer(ServerOptions options = {}) {
    options.host = "127.0.0.1";
    options.port = 0;
    if (options.threads == 0) options.threads = 2;
    std::string url = url_;
    auto server = Server::Start(options, [url] { return Stores::Open(url); });
    ASSERT_TRUE(server) << server.error().ToString();
    server_ = std::move(*server);
  }

  std::string url_;
  std::string token_;
  std::unique_ptr<Server> server_;
};

TEST_F(ServerSmokeTest, ServesTheApiOverHttp) {
  StartServer();
  ASSERT_NE(server_->port(), 0);
  EXPECT_EQ(server_->url(), "http://127.0.0.1:" + std::to_string(server_->port()));
  Client client(server_->port());

  auto health = client.Send(bhttp::verb::get, "/health");
  EXPECT_EQ(health.result_int(), 200);
  EXPECT_EQ(health[bhttp::field::content_type], "application/json; charset=utf-8");
  EXPECT_EQ(Json(health).at("status"), "ok");

  auto no_token = client.Send(bhttp::verb::get, "/api/v1/customers");
  EXPECT_EQ(no_token.result_int(), 401);
  EXPECT_EQ(ErrorCode(no_token), "unauthenticated");
  EXPECT_EQ(no_token[bhttp::field::www_authenticate], "Bearer");

  auto missing = client.Send(bhttp::verb::get, "/api/v1/nothing", token_);
  EXPECT_EQ(missing.result_int(), 404);
  EXPECT_EQ(ErrorCode(missing), "not_found");

  auto wrong_method = client.Send(bhttp::verb::put, "/api/v1/customers", token_, "{}");
  EXPECT_EQ(wrong_method.result_int(), 405);
  EXPECT_EQ(wrong_method[bhttp::field::allow], "GET, POST");

  // Create and read back, on the same keep-alive connection.
  auto created = client.Send(bhttp::verb::post, "/api/v1/customers", token_,
                             R"({"external_id":"W-1","name":"Over The Wire"})");
  ASSERT_EQ(created.result_int(), 201) << created.body();
  int64_t id = Json(created).at("id").as_int64();
  EXPECT_EQ(created[bhttp::field::location], "/api/v1/customers/" + std::to_string(id));
  auto read = client.Send(bhttp::verb::get, "/api/v1/customers/" + std::to_string(id), token_);
  ASSERT_EQ(read.result_int(), 200);
  EXPECT_EQ(Json(read).at("name"), "Over The Wire");
  EXPECT_TRUE(read.keep_alive());

  auto deleted =
      client.Send(bhttp::verb::delete_, "/api/v1/customers/" + std::to_string(id), token_);
  EXPECT_EQ(deleted.result_int(), 204);
  EXPECT_TRUE(deleted.body().empty());
}

TEST_F(ServerSmokeTest, OversizeBodyIs413) {
  StartServer();
  Client client(server_->port());
  std::string big = R"({"external_id":"X","name":")" + std::string(2 << 20, 'a') + R"("})";
  auto res = client.Send(bhttp::verb::post, "/api/v1/customers", token_, big);
  EXPECT_EQ(res.result_int(), 413);
  EXPECT_EQ(ErrorCode(res), "payload_too_large");
  EXPECT_FALSE(res.keep_alive());
  EXPECT_TRUE(client.ServerClosed());

  // Just under the limit is read and judged on its content.
  std::string fits = R"({"external_id":"Y","name":")" + std::string(1000, 'b') + R"("})";
  Client again(server_->port());
  EXPECT_EQ(again.Send(bhttp::verb::post, "/api/v1/customers", token_, fits).result_int(), 201);
}

TEST_F(ServerSmokeTest, AnswersExpectContinue) {
  StartServer();
  Client client(server_->port());
  std::string body = R"({"external_id":"E-1","name":"Patient"})";
  client.WriteRaw("POST /api/v1/customers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token_ +
                  "\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
                  "Content-Length: " +
                  std::to_string(body.size()) + "\r\n\r\n");
  auto interim = client.Read();
  EXPECT_EQ(interim.result_int(), 100);
  client.WriteRaw(body);
  EXPECT_EQ(client.Read().result_int(), 201);
}

TEST_F(ServerSmokeTest, MalformedRequestIs400) {
  StartServer();
  Client client(server_->port());
  client.WriteRaw("GET /health HTTP/1.1\r\nHost x\r\n\r\n");
  auto res = client.Read();
  EXPECT_EQ(res.result_int(), 400);
  EXPECT_EQ(ErrorCode(res), "invalid_argument");
}

TEST_F(ServerSmokeTest, SlowRequestIs408AndIdleConnectionCloses) {
  ServerOptions options;
  options.read_timeout = 300ms;
  options.idle_timeout = 300ms;
  StartServer(options);

  Client slow(server_->port());
  slow.WriteRaw("GET /api/v1/customers HTTP/1.1\r\nHost: x\r\n");  // header never finished
  auto res = slow.Read();
  EXPECT_EQ(res.result_int(), 408);
  EXPECT_EQ(ErrorCode(res), "request_timeout");

  Client idle(server_->port());
  EXPECT_EQ(idle.Send(bhttp::verb::get, "/health").result_int(), 200);
  auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(idle.ServerClosed());
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
}

TEST_F(ServerSmokeTest, PortInUseIsUnavailable) {
  StartServer();
  ServerOptions options;
  options.host = "127.0.0.1";
  options.port = server_->port();
  options.threads = 1;
  std::string url = url_;
  auto second = Server::Start(options, [url] { return Stores::Open(url); });
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code(), StatusCode::kUnavailable);
  EXPECT_NE(second.error().message().find("in use"), std::string::npos) << second.error().message();
}

TEST_F(ServerSmokeTest, StopClosesIdleConnectionsAndReturns) {
  StartServer();
  uint16_t port = server_->port();
  Client idle(port);
  EXPECT_EQ(idle.Send(bhttp::verb::get, "/health").result_int(), 200);
  Client busy(port);
  // A request whose body is still arriving when Stop() is called completes, and its
  // connection closes after the response.
  std::string body = R"({"external_id":"S-1","name":"Late"})";
  busy.WriteRaw("POST /api/v1/customers HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + token_ +
                "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n" +
                body.substr(0, 5));
  std::this_thread::sleep_for(100ms);  // let the server start reading it

  auto start = std::chrono::steady_clock::now();
  server_->Stop();
  busy.WriteRaw(body.substr(5));
  auto res = busy.Read();
  EXPECT_EQ(res.result_int(), 201) << res.body();
  EXPECT_FALSE(res.keep_alive());
  auto waited = std::async(std::launch::async, [&] { server_->Wait(); });
  ASSERT_EQ(waited.wait_for(10s), std::future_status::ready);
  EXPECT_LT(std::chrono::steady_clock::now() - start, 10s);
  EXPECT_TRUE(idle.ServerClosed());

  // Nothing listens any more.
  EXPECT_THROW(Client{port}, boost::system::system_error);
}

}  // namespace
}  // namespace centric::api
