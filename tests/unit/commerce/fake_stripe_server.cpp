#include "fake_stripe_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace storyloom::commerce::test {

FakeStripeServer::FakeStripeServer() {
  listen_fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  if (::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 || ::listen(listen_fd_, 16) != 0)
    throw std::runtime_error("fake stripe: cannot listen");
  socklen_t len = sizeof addr;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  thread_ = std::thread([this] { serve(); });
}

FakeStripeServer::~FakeStripeServer() {
  stop_ = true;
  thread_.join();
  ::close(listen_fd_);
}

std::vector<SeenRequest> FakeStripeServer::requests() {
  std::lock_guard lock(mutex_);
  return seen_;
}

void FakeStripeServer::serve() {
  while (!stop_) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, 50) <= 0) continue;
    const int client = ::accept(listen_fd_, nullptr, nullptr);
    if (client < 0) continue;
    handle(client);
    ::close(client);
  }
}

void FakeStripeServer::handle(int client) {
  std::string data;
  char buf[4096];
  std::size_t header_end = std::string::npos, content_length = 0;
  SeenRequest req;
  while (true) {
    const ssize_t n = ::recv(client, buf, sizeof buf, 0);
    if (n <= 0) return;
    data.append(buf, static_cast<std::size_t>(n));
    if (header_end == std::string::npos && (header_end = data.find("\r\n\r\n")) != std::string::npos) {
      std::size_t line_end = data.find("\r\n");
      const std::string first = data.substr(0, line_end);
      req.method = first.substr(0, first.find(' '));
      req.path = first.substr(first.find(' ') + 1, first.rfind(' ') - first.find(' ') - 1);
      for (std::size_t at = line_end + 2; at < header_end;) {
        const std::size_t end = data.find("\r\n", at);
        const std::string line = data.substr(at, end - at);
        std::string name = line.substr(0, line.find(':'));
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string value = line.substr(line.find(':') + 1);
        while (!value.empty() && value.front() == ' ') value.erase(0, 1);
        req.headers[name] = value;
        at = end + 2;
      }
      if (req.headers.contains("content-length")) content_length = std::stoul(req.headers["content-length"]);
    }
    if (header_end != std::string::npos && data.size() >= header_end + 4 + content_length) break;
  }
  req.body = data.substr(header_end + 4, content_length);

  int status = 200;
  std::string body;
  {
    std::lock_guard lock(mutex_);
    seen_.push_back(req);
    const std::string key = req.headers.contains("idempotency-key") ? req.headers["idempotency-key"] : "";
    if (int f = fail_status_.exchange(0); f != 0) {
      status = f;
      body = R"({"error":{"type":"api_error","message":"try again"}})";
    } else if (req.headers["authorization"] != "Bearer sk_test_fake") {
      status = 401;
      body = R"({"error":{"type":"invalid_request_error","message":"Invalid API Key provided"}})";
    } else if (!key.empty() && by_idempotency_key_.contains(key)) {
      body = by_idempotency_key_[key];
    } else {
      const int n = ++created_;
      const std::string id = "cs_test_fake" + std::to_string(n);
      body = nlohmann::json{{"id", id}, {"object", "checkout.session"}, {"url", "https://checkout.stripe.test/c/pay/" + id}}.dump();
      if (!key.empty()) by_idempotency_key_[key] = body;
    }
  }
  const std::string response = "HTTP/1.1 " + std::to_string(status) + " X\r\nContent-Type: application/json\r\n" +
                               "Content-Length: " + std::to_string(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
  ::send(client, response.data(), response.size(), MSG_NOSIGNAL);
}

}  // namespace storyloom::commerce::test
