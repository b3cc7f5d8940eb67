// A test suite that shares one real server: started before the suite's first test with the
// environment `Suite::server_env()` gives, stopped after its last. Tests reach it as `server_`.
//
//   class Books : public harness::SharedServerTest<Books> {
//    public:
//     static harness::Env server_env() { return {{"STORYLOOM_WORKERS", "2"}}; }
//   };
#pragma once

#include <memory>

#include <gtest/gtest.h>

#include "harness/server_process.hpp"

namespace harness {

template <class Suite>
class SharedServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    owned_ = ServerProcess::start(Suite::server_env());
    server_ = owned_.get();
  }
  static void TearDownTestSuite() {
    server_ = nullptr;
    owned_.reset();
  }
  void SetUp() override { ASSERT_NE(server_, nullptr); }
  static inline ServerProcess* server_ = nullptr;  // the tests' clients keep this pointer

 private:
  static inline std::unique_ptr<ServerProcess> owned_;
};

}  // namespace harness
