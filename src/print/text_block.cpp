#include "print/text_block.hpp"

namespace storyloom::print {

TextBlock::TextBlock(cairo_t* cr, std::string_view text, const TextStyle& style, double width_pt)
    : layout_(pango_cairo_create_layout(cr)), colour_(style.colour) {
  PangoContext* context = pango_layout_get_context(layout_.get());
  pango_cairo_context_set_resolution(context, 72.0);  // 1 Pango point = 1 PDF point
  pango_layout_context_changed(layout_.get());
  FontDescriptionPtr font(pango_font_description_new());
  pango_font_description_set_family(font.get(), style.family.c_str());
  pango_font_description_set_weight(font.get(), style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_style(font.get(), style.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  pango_font_description_set_absolute_size(font.get(), style.size_pt * PANGO_SCALE);
  pango_layout_set_font_description(layout_.get(), font.get());
  pango_layout_set_width(layout_.get(), static_cast<int>(width_pt * PANGO_SCALE));
  pango_layout_set_wrap(layout_.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_line_spacing(layout_.get(), static_cast<float>(style.line_spacing));
  pango_layout_set_alignment(layout_.get(), style.align == Align::left    ? PANGO_ALIGN_LEFT
                                             : style.align == Align::right ? PANGO_ALIGN_RIGHT
                                                                           : PANGO_ALIGN_CENTER);
  pango_layout_set_text(layout_.get(), text.data(), static_cast<int>(text.size()));
}

double TextBlock::width() const {
  PangoRectangle logical;
  pango_layout_get_extents(layout_.get(), nullptr, &logical);
  return static_cast<double>(logical.width) / PANGO_SCALE;
}

double TextBlock::height() const {
  PangoRectangle logical;
  pango_layout_get_extents(layout_.get(), nullptr, &logical);
  return static_cast<double>(logical.height) / PANGO_SCALE;
}

void TextBlock::draw(cairo_t* cr, double x, double y) const {
  cairo_save(cr);
  set_colour(cr, colour_);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout_.get());
  cairo_restore(cr);
}

double fit_text_size(cairo_t* cr, std::string_view text, TextStyle style, double width_pt, double max_height_pt,
                     double min_pt) {
  for (; style.size_pt > min_pt; style.size_pt -= 1) {
    TextBlock block(cr, text, style, width_pt);
    if (block.height() <= max_height_pt && block.width() <= width_pt) return style.size_pt;
  }
  return min_pt;
}

}  // namespace storyloom::print
