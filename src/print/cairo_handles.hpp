// RAII owners for Cairo and Pango objects, so every surface, context and layout is released
// on every path.
#pragma once

#include <memory>

#include <cairo.h>
#include <pango/pangocairo.h>

namespace storyloom::print {

struct CairoDestroy {
  void operator()(cairo_t* p) const { cairo_destroy(p); }
  void operator()(cairo_surface_t* p) const { cairo_surface_destroy(p); }
  void operator()(PangoFontDescription* p) const { pango_font_description_free(p); }
  void operator()(PangoLayout* p) const { g_object_unref(p); }
  void operator()(PangoContext* p) const { g_object_unref(p); }
};

using CairoPtr = std::unique_ptr<cairo_t, CairoDestroy>;
using SurfacePtr = std::unique_ptr<cairo_surface_t, CairoDestroy>;
using FontDescriptionPtr = std::unique_ptr<PangoFontDescription, CairoDestroy>;
using LayoutPtr = std::unique_ptr<PangoLayout, CairoDestroy>;

}  // namespace storyloom::print
