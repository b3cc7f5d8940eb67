// Shows `storyloom book` progress on stderr: a redrawn bar on a terminal (step, pictures done,
// elapsed time), plain lines when stderr is a file or pipe.
#pragma once

#include <chrono>
#include <string>

#include "print/book_maker.hpp"

namespace storyloom::app {

class BookProgressPrinter {
 public:
  BookProgressPrinter();
  void operator()(const print::BookProgress& p);
  void finish();  // ends the bar's line on a terminal

 private:
  bool tty_;
  std::chrono::steady_clock::time_point start_;
  std::string last_step_;
  bool drawn_ = false;
};

}  // namespace storyloom::app
