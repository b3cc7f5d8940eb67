#include "core/huge_pages.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <new>

namespace storyloom::core {

void advise_huge_pages(void* data, std::size_t size) {
  constexpr std::uintptr_t kHugePage = 2 * 1024 * 1024;
  const auto start = reinterpret_cast<std::uintptr_t>(data);
  const std::uintptr_t first = (start + kHugePage - 1) & ~(kHugePage - 1);
  const std::uintptr_t last = (start + size) & ~(kHugePage - 1);
  if (last <= first) return;  // no whole huge page inside: not worth a system call
  // Advice, not a requirement: EINVAL where the kernel has no THP is fine.
  ::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
}

void* calloc_huge_pages(std::size_t size) {
  void* data = std::calloc(size, 1);
  if (data) advise_huge_pages(data, size);
  return data;
}

namespace {

std::uint8_t* allocate_zeroed(std::size_t size) {
  void* data = calloc_huge_pages(size);
  if (!data) throw std::bad_alloc();
  return static_cast<std::uint8_t*>(data);
}

}  // namespace

PixelBytes::PixelBytes(const PixelBytes& other) {
  if (other.size_ == 0) return;
  data_ = allocate_zeroed(other.size_);  // a big block is not cleared: it comes zero from the kernel
  std::memcpy(data_, other.data_, other.size_);
  size_ = other.size_;
}

PixelBytes::~PixelBytes() { std::free(data_); }

void PixelBytes::resize(std::size_t size) {
  if (size == size_) return;
  std::uint8_t* fresh = size ? allocate_zeroed(size) : nullptr;
  if (const std::size_t kept = std::min(size, size_)) std::memcpy(fresh, data_, kept);
  std::free(data_);
  data_ = fresh;
  size_ = size;
}

bool operator==(const PixelBytes& a, const PixelBytes& b) {
  return a.size_ == b.size_ && (a.size_ == 0 || std::memcmp(a.data_, b.data_, a.size_) == 0);
}

}  // namespace storyloom::core
