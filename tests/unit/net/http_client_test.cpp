// net::HttpClient against a tiny loopback HTTP server that answers a scripted list of responses.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <thread>

#include "net/http_client.hpp"

using namespace storyloom;

namespace {

class ScriptedServer {
 public:
  explicit ScriptedServer(std::vector<std::string> answers) : answers_(std::move(answers)) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    socklen_t len = sizeof addr;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.sin_port);
    ::listen(fd_, 8);
    thread_ = std::thread([this] { serve(); });
  }
  ~ScriptedServer() {
    ::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);
    thread_.join();
  }
  std::string url(const std::string& path) const { return "http://127.0.0.1:" + std::to_string(port_) + path; }
  int requests() const { return requests_.load(); }

 private:
  void serve() {
    for (const auto& answer : answers_) {
      const int c = ::accept(fd_, nullptr, nullptr);
      if (c < 0) return;
      std::string head;
      char buf[4096];
      while (head.find("\r\n\r\n") == std::string::npos) {
        const auto n = ::recv(c, buf, sizeof buf, 0);
        if (n <= 0) break;
        head.append(buf, static_cast<std::size_t>(n));
      }
      ++requests_;
      if (answer != "hang") ::send(c, answer.data(), answer.size(), MSG_NOSIGNAL);
      else std::this_thread::sleep_for(std::chrono::milliseconds(600));
      ::close(c);
    }
  }
  std::vector<std::string> answers_;
  int fd_ = -1;
  std::uint16_t port_ = 0;
  std::atomic<int> requests_{0};
  std::thread thread_;
};

std::string answer(int status, const std::string& body) {
  return "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Type: application/json\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

net::HttpClientOptions quick() {
  net::HttpClientOptions o;
  o.first_backoff = std::chrono::milliseconds(10);
  o.total_timeout = std::chrono::milliseconds(300);
  return o;
}

}  // namespace

TEST(HttpClient, GetsJson) {
  ScriptedServer server({answer(200, R"({"keys":[]})")});
  auto json = net::HttpClient(quick()).get_json(server.url("/jwks"));
  ASSERT_TRUE(json.has_value()) << json.error().message;
  EXPECT_TRUE((*json)["keys"].is_array());
}

TEST(HttpClient, RetriesIdempotentRequestsOn5xxWithBackoff) {
  ScriptedServer server({answer(503, "{}"), answer(502, "{}"), answer(200, R"({"ok":true})")});
  auto json = net::HttpClient(quick()).get_json(server.url("/"));
  ASSERT_TRUE(json.has_value()) << json.error().message;
  EXPECT_EQ(server.requests(), 3);
}

TEST(HttpClient, DoesNotRetryAPostWithoutIdempotencyKey) {
  ScriptedServer server({answer(503, "{}"), answer(200, "{}")});
  auto r = net::HttpClient(quick()).post_json(server.url("/"), {{"a", 1}});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, "net_http_status");
  EXPECT_EQ(r.error().details["status"], 503);
  EXPECT_EQ(server.requests(), 1);
}

TEST(HttpClient, GivesUpAfterMaxAttemptsAndReportsTimeouts) {
  ScriptedServer server({"hang", "hang", "hang"});
  auto r = net::HttpClient(quick()).send({"GET", server.url("/"), {}, ""});
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().code, "net_timeout");
  // The scripted server is single-threaded: it reads the queued attempts after their timeouts.
  for (int i = 0; i < 40 && server.requests() < 3; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_EQ(server.requests(), 3);
}

TEST(HttpClient, CapsTheResponseSizeAndRefusesOtherSchemes) {
  ScriptedServer server({answer(200, std::string(5000, 'x'))});
  auto o = quick();
  o.max_response_bytes = 1000;
  EXPECT_EQ(net::HttpClient(o).send({"GET", server.url("/"), {}, ""}).error().code, "net_response_too_large");
  EXPECT_EQ(net::HttpClient(o).send({"GET", "file:///etc/passwd", {}, ""}).error().code, "net_url_invalid");
}
