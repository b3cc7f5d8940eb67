// The error manager of core's JPEG encoder and decoder (core/jpeg.hpp), the only code that calls
// libjpeg. libjpeg reports a fatal error through a callback that must not return:
// it keeps libjpeg's message and longjmps back to the caller's setjmp(jump). Around that jump
// only plain C data and objects owned outside the function that called setjmp may change.
// Include it only there.
#pragma once

#include <csetjmp>
#include <cstdio>  // jpeglib.h uses FILE without including it

#include <jpeglib.h>

namespace storyloom::core {

struct JpegErrorManager {
  jpeg_error_mgr pub;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX] = {};

  // For `info.err = errors.install();` before jpeg_create_(de)compress.
  jpeg_error_mgr* install() {
    jpeg_std_error(&pub);
    pub.error_exit = &JpegErrorManager::on_error;
    return &pub;
  }

  [[noreturn]] static void on_error(j_common_ptr info) {
    auto* self = reinterpret_cast<JpegErrorManager*>(info->err);
    (*info->err->format_message)(info, self->message);
    std::longjmp(self->jump, 1);
  }
};

}  // namespace storyloom::core
