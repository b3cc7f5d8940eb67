// Picture-sized buffers in 2 MB pages. A print page is 38 MB; the kernel maps a fresh buffer
// 4 KB at a time, and on this kind of virtual machine every one of those page faults is a trip
// through the hypervisor: a quarter of a book's CPU time under the sanitizers (whose allocator
// maps every large buffer fresh), and half of it in release builds before glibc was told to use
// huge pages (app/huge_pages.cpp). Asking for transparent huge pages before the first write
// makes it one fault per 2 MB.
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>

namespace storyloom::core {

// Asks the kernel to back the 2 MB-aligned part of [data, data + size) with transparent huge
// pages. Call it on a fresh buffer before anything is written to it; small buffers are left
// alone. Nothing happens where the kernel has no transparent huge pages.
void advise_huge_pages(void* data, std::size_t size);

// A zeroed block from calloc, advised as above; free() it. Null when memory runs out. calloc
// rather than malloc + memset: a big block comes fresh from the kernel, already zero, and calloc
// knows it (under the sanitizers too); clearing it again touched every page twice.
void* calloc_huge_pages(std::size_t size);

// The bytes of a picture: a buffer in huge pages with the part of std::vector's interface the
// image code uses. Not a std::vector with an allocator of ours: libstdc++ then clears and
// destroys elements one at a time where it would call memset or nothing, and in the sanitizer
// tree (-O0) that was 38 million calls for each print page. New bytes are zero.
class PixelBytes {
 public:
  PixelBytes() = default;
  explicit PixelBytes(std::size_t size) { resize(size); }
  PixelBytes(const PixelBytes& other);
  PixelBytes(PixelBytes&& other) noexcept : data_(other.data_), size_(other.size_) { other.data_ = nullptr, other.size_ = 0; }
  PixelBytes& operator=(PixelBytes other) noexcept {
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
    return *this;
  }
  ~PixelBytes();

  void resize(std::size_t size);  // keeps the bytes that fit
  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::uint8_t* data() { return data_; }
  const std::uint8_t* data() const { return data_; }
  std::uint8_t* begin() { return data_; }
  std::uint8_t* end() { return data_ + size_; }
  const std::uint8_t* begin() const { return data_; }
  const std::uint8_t* end() const { return data_ + size_; }
  std::uint8_t& operator[](std::size_t i) { return data_[i]; }
  const std::uint8_t& operator[](std::size_t i) const { return data_[i]; }
  friend bool operator==(const PixelBytes& a, const PixelBytes& b);

 private:
  std::uint8_t* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace storyloom::core
