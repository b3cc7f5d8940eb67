#include "http/multipart.hpp"
#include "core/text.hpp"

#include "http/headers.hpp"

namespace storyloom::http {

namespace {

core::Error malformed(std::string why) {
  return core::Error{core::ErrorKind::invalid_argument, "invalid_multipart",
                     "The upload is not well-formed multipart/form-data.", {{"reason", std::move(why)}}};
}

// Reads `key=value` or `key="quoted \" value"` parameters after the first ';' of a header
// value. Answers the value of `wanted` (case-insensitive key), or nullopt.
std::optional<std::string> header_param(std::string_view value, std::string_view wanted) {
  std::size_t i = value.find(';');
  while (i != std::string_view::npos && i < value.size()) {
    ++i;
    while (i < value.size() && (value[i] == ' ' || value[i] == '\t')) ++i;
    const auto eq = value.find('=', i);
    if (eq == std::string_view::npos) return std::nullopt;
    const auto key = core::trim(value.substr(i, eq - i));
    std::string param;
    i = eq + 1;
    if (i < value.size() && value[i] == '"') {
      for (++i; i < value.size() && value[i] != '"'; ++i) {
        if (value[i] == '\\' && i + 1 < value.size()) ++i;
        param.push_back(value[i]);
      }
      if (i >= value.size()) return std::nullopt;  // unterminated quote
      i = value.find(';', i);
    } else {
      const auto semi = value.find(';', i);
      param = std::string(core::trim(value.substr(i, semi == std::string_view::npos ? std::string_view::npos : semi - i)));
      i = semi;
    }
    if (iequals(key, wanted)) return param;
  }
  return std::nullopt;
}

// Parses the header block of one part into `part`.
core::Result<void> read_part_headers(std::string_view block, FormPart& part) {
  bool disposition = false;
  part.content_type = "text/plain";
  while (!block.empty()) {
    const auto eol = block.find("\r\n");
    const auto line = block.substr(0, eol);
    block = eol == std::string_view::npos ? std::string_view{} : block.substr(eol + 2);
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) return std::unexpected(malformed("part header without a colon"));
    const auto name = core::trim(line.substr(0, colon));
    const auto value = core::trim(line.substr(colon + 1));
    if (iequals(name, "Content-Disposition")) {
      if (!iequals(core::trim(value.substr(0, value.find(';'))), "form-data"))
        return std::unexpected(malformed("part is not form-data"));
      auto field = header_param(value, "name");
      if (!field || field->empty()) return std::unexpected(malformed("part without a field name"));
      part.name = std::move(*field);
      part.filename = header_param(value, "filename");
      disposition = true;
    } else if (iequals(name, "Content-Type")) {
      part.content_type = std::string(value);
    }
  }
  if (!disposition) return std::unexpected(malformed("part without Content-Disposition"));
  return {};
}

}  // namespace

std::optional<std::string> multipart_boundary(std::string_view content_type) {
  const auto type = core::trim(content_type.substr(0, content_type.find(';')));
  if (!iequals(type, "multipart/form-data")) return std::nullopt;
  auto boundary = header_param(content_type, "boundary");
  // RFC 2046: 1 to 70 characters; a space may not end it.
  if (!boundary || boundary->empty() || boundary->size() > 70 || boundary->back() == ' ') return std::nullopt;
  return boundary;
}

core::Result<std::vector<FormPart>> parse_multipart(std::string_view content_type, std::string_view body,
                                                    const MultipartLimits& limits) {
  const auto boundary = multipart_boundary(content_type);
  if (!boundary) return std::unexpected(malformed("Content-Type is not multipart/form-data with a boundary"));
  const std::string delimiter = "--" + *boundary;
  const std::string next_delimiter = "\r\n" + delimiter;

  // The first delimiter starts the body or follows a preamble line.
  std::size_t pos = body.starts_with(delimiter) ? 0 : body.find(next_delimiter);
  if (pos == std::string_view::npos) return std::unexpected(malformed("no opening boundary"));
  pos += body.starts_with(delimiter) ? delimiter.size() : next_delimiter.size();

  std::vector<FormPart> parts;
  while (true) {
    if (body.substr(pos, 2) == "--") return parts;  // closing delimiter; epilogue ignored
    while (pos < body.size() && (body[pos] == ' ' || body[pos] == '\t')) ++pos;  // transport padding
    if (body.substr(pos, 2) != "\r\n") return std::unexpected(malformed("boundary not followed by a line break"));
    pos += 2;
    if (parts.size() == limits.max_parts)
      return core::fail(core::ErrorKind::too_large, "multipart_too_many_parts", "The upload has too many fields.",
                        {{"max_parts", limits.max_parts}});
    const auto headers_end = body.find("\r\n\r\n", pos);
    if (headers_end == std::string_view::npos || headers_end - pos > limits.max_part_header_bytes)
      return std::unexpected(malformed("part headers missing or too long"));
    FormPart part;
    if (auto ok = read_part_headers(body.substr(pos, headers_end - pos), part); !ok) return std::unexpected(ok.error());
    const auto data_start = headers_end + 4;
    const auto data_end = body.find(next_delimiter, data_start);
    if (data_end == std::string_view::npos) return std::unexpected(malformed("part not closed by a boundary"));
    part.data = std::string(body.substr(data_start, data_end - data_start));
    parts.push_back(std::move(part));
    pos = data_end + next_delimiter.size();
  }
}

const FormPart* find_part(const std::vector<FormPart>& parts, std::string_view name) {
  for (const auto& p : parts)
    if (p.name == name) return &p;
  return nullptr;
}

}  // namespace storyloom::http
