#include "app/book_progress.hpp"

#include <unistd.h>

#include <fmt/format.h>

namespace storyloom::app {

BookProgressPrinter::BookProgressPrinter() : tty_(::isatty(STDERR_FILENO) == 1), start_(std::chrono::steady_clock::now()) {}

void BookProgressPrinter::operator()(const print::BookProgress& p) {
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (!tty_) {
    if (p.step != last_step_ || p.pictures_total > 0)
      fmt::print(stderr, "{:6.1f}s  {}{}\n", elapsed, p.step,
                 p.pictures_total > 0 ? fmt::format(" ({}/{})", p.pictures_done, p.pictures_total) : "");
    last_step_ = p.step;
    return;
  }
  constexpr int kWidth = 24;
  const int filled = p.pictures_total > 0 ? kWidth * p.pictures_done / p.pictures_total : 0;
  const std::string bar = p.pictures_total > 0
      ? fmt::format(" [{}{}] {}/{} pictures", std::string(filled, '#'), std::string(kWidth - filled, '-'),
                    p.pictures_done, p.pictures_total)
      : "";
  fmt::print(stderr, "\r\033[K{:<24}{}  {:.1f}s", p.step, bar, elapsed);
  std::fflush(stderr);
  drawn_ = true;
}

void BookProgressPrinter::finish() {
  if (tty_ && drawn_) fmt::print(stderr, "\n");
}

}  // namespace storyloom::app
