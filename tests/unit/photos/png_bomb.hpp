// A PNG decompression bomb built from scratch (no zlib needed), for the photo tests in
// tests/unit/photos and tests/integration: the header promises width x height RGB pixels, and
// the IDAT really inflates to black rows — one fixed-Huffman deflate block of a zero byte and
// `copies` back-references of 258 bytes (13 bits each), so 200,000 copies are ~320 KB that
// inflate to ~50 MB. The zlib stream stops short of its checksum: a decoder has given up long
// before. Header-only so both test binaries can include it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace storyloom::test_support {

inline std::uint32_t png_crc32(std::string_view bytes) {
  std::uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char b : bytes) {
    crc ^= b;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

inline void append_be32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((v >> shift) & 0xFF));
}

inline void append_png_chunk(std::string& png, std::string_view type, std::string_view data) {
  append_be32(png, static_cast<std::uint32_t>(data.size()));
  const std::string body = std::string(type) + std::string(data);
  png += body;
  append_be32(png, png_crc32(body));
}

// Deflate bits, least significant first; Huffman codes go in most significant bit first.
struct DeflateBits {
  std::string out;
  int used = 0;
  void bits(std::uint32_t value, int count) {  // plain values (block header)
    for (int i = 0; i < count; ++i) put((value >> i) & 1u);
  }
  void code(std::uint32_t value, int count) {  // Huffman codes
    for (int i = count - 1; i >= 0; --i) put((value >> i) & 1u);
  }
  void put(std::uint32_t bit) {
    if (used == 0) out.push_back('\0');
    out.back() = static_cast<char>(out.back() | (bit << used));
    used = (used + 1) % 8;
  }
};

inline std::string png_bomb(std::uint32_t width, std::uint32_t height, int copies = 200'000) {
  std::string ihdr;
  append_be32(ihdr, width);
  append_be32(ihdr, height);
  ihdr += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB, deflate, no filter, no interlace
  DeflateBits deflate;
  deflate.bits(1, 1);     // BFINAL
  deflate.bits(1, 2);     // BTYPE 01: fixed Huffman codes
  deflate.code(0x30, 8);  // literal 0
  for (int i = 0; i < copies; ++i) {
    deflate.code(0xC5, 8);  // length 258 (symbol 285)
    deflate.code(0, 5);     // distance 1
  }
  deflate.code(0, 7);  // end of block
  std::string png = "\x89PNG\r\n\x1a\n";
  append_png_chunk(png, "IHDR", ihdr);
  append_png_chunk(png, "IDAT", "\x78\x9c" + deflate.out);  // zlib header, then the block
  append_png_chunk(png, "IEND", "");
  return png;
}

}  // namespace storyloom::test_support
