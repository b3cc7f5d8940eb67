// A loopback HTTP/1.1 server that answers POST /v1/checkout/sessions like Stripe does, for
// testing the Stripe adapter over a real socket. Same Idempotency-Key → same session (Stripe's
// idempotency rule). Records every request it saw.
#pragma once

#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace storyloom::commerce::test {

struct SeenRequest {
  std::string method, path;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
};

class FakeStripeServer {
 public:
  FakeStripeServer();
  ~FakeStripeServer();
  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  std::vector<SeenRequest> requests();
  int sessions_created() const { return created_.load(); }
  void fail_next_with(int status) { fail_status_ = status; }

 private:
  void serve();
  void handle(int client);
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<int> created_{0};
  std::atomic<int> fail_status_{0};
  std::thread thread_;
  std::mutex mutex_;
  std::vector<SeenRequest> seen_;
  std::map<std::string, std::string> by_idempotency_key_;  // key → response body
};

}  // namespace storyloom::commerce::test
