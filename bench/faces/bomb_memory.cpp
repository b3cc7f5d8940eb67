// Peak memory of refusing a decompression bomb (a 20,000 x 20,000 PNG), above the baseline of a
// process that already holds the landmark model. Linux: resets the peak with /proc/self/clear_refs.
#include <chrono>
#include <fstream>
#include <iostream>
#include <string>

#include "photo_fixtures.hpp"

namespace {

long status_kb(const std::string& field) {
  std::ifstream status("/proc/self/status");
  for (std::string line; std::getline(status, line);)
    if (line.rfind(field + ":", 0) == 0) return std::stol(line.substr(field.size() + 1));
  return -1;
}

}  // namespace

int main() {
  using namespace storyloom::faces;
  const PhotoIntake& intake = testing::intake();
  const std::string bomb = testing::png_bomb(20'000, 20'000);
  std::ofstream("/proc/self/clear_refs") << "5";  // peak RSS := current RSS
  const long baseline = status_kb("VmRSS");
  const auto start = std::chrono::steady_clock::now();
  const auto result = intake.check(bomb);
  const auto elapsed = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count();
  const long peak = status_kb("VmHWM");
  std::cout << "bomb " << bomb.size() / 1024 << " KB declaring 20000x20000: "
            << (result ? "ACCEPTED (bug)" : result.error().code) << " in " << elapsed << " us; peak RSS "
            << peak << " KB, baseline " << baseline << " KB, above baseline " << (peak - baseline) << " KB\n";
  return result ? 1 : 0;
}
