#include "print/pdf_image_scan.hpp"

#include <cmath>
#include <set>

#include <qpdf/QPDFObjectHandle.hh>

namespace storyloom::print {

namespace {

// PDF matrices [a b c d e f]; row-vector convention, so "M cm" makes CTM' = M x CTM.
struct Matrix {
  double a = 1, b = 0, c = 0, d = 1, e = 0, f = 0;
  Matrix times(const Matrix& m) const {  // this x m
    return {a * m.a + b * m.c,       a * m.b + b * m.d,       c * m.a + d * m.c,
            c * m.b + d * m.d,       e * m.a + f * m.c + m.e, e * m.b + f * m.d + m.f};
  }
};

Matrix matrix_from(QPDFObjectHandle arr) {
  if (!arr.isArray() || arr.getArrayNItems() != 6) return {};
  double v[6];
  for (int i = 0; i < 6; ++i) v[i] = arr.getArrayItem(i).getNumericValue();
  return {v[0], v[1], v[2], v[3], v[4], v[5]};
}

class ImageCollector : public QPDFObjectHandle::ParserCallbacks {
 public:
  ImageCollector(QPDFObjectHandle resources, Matrix ctm, int page, std::vector<PlacedImage>& out, int depth)
      : resources_(resources), page_(page), out_(out), depth_(depth) {
    stack_.push_back(ctm);
  }

  void handleObject(QPDFObjectHandle obj) override {
    if (!obj.isOperator()) {
      operands_.push_back(obj);
      return;
    }
    const auto op = obj.getOperatorValue();
    if (op == "q") stack_.push_back(stack_.back());
    else if (op == "Q" && stack_.size() > 1) stack_.pop_back();
    else if (op == "cm" && operands_.size() == 6) stack_.back() = numbers_matrix().times(stack_.back());
    else if (op == "Do" && operands_.size() == 1 && operands_[0].isName()) draw(operands_[0].getName());
    operands_.clear();
  }
  void handleEOF() override {}

 private:
  Matrix numbers_matrix() {
    double v[6];
    for (int i = 0; i < 6; ++i) v[i] = operands_[i].isNumber() ? operands_[i].getNumericValue() : 0;
    return {v[0], v[1], v[2], v[3], v[4], v[5]};
  }

  void draw(const std::string& name) {
    if (!resources_.isDictionary()) return;
    auto xobjects = resources_.getKey("/XObject");
    if (!xobjects.isDictionary() || !xobjects.hasKey(name)) return;
    auto x = xobjects.getKey(name);
    if (!x.isStream()) return;
    auto dict = x.getDict();
    auto subtype = dict.getKey("/Subtype");
    const Matrix& ctm = stack_.back();
    if (subtype.isName() && subtype.getName() == "/Image") {
      PlacedImage img;
      img.page = page_;
      img.name = name;
      img.width_px = dict.getKey("/Width").isInteger() ? static_cast<int>(dict.getKey("/Width").getIntValue()) : 0;
      img.height_px = dict.getKey("/Height").isInteger() ? static_cast<int>(dict.getKey("/Height").getIntValue()) : 0;
      img.width_pt = std::hypot(ctm.a, ctm.b);
      img.height_pt = std::hypot(ctm.c, ctm.d);
      const double ppi_x = img.width_pt > 0 ? img.width_px / (img.width_pt / 72) : 0;
      const double ppi_y = img.height_pt > 0 ? img.height_px / (img.height_pt / 72) : 0;
      img.effective_ppi = std::min(ppi_x, ppi_y);
      out_.push_back(img);
    } else if (subtype.isName() && subtype.getName() == "/Form" && depth_ < 8) {
      auto form_resources = dict.getKey("/Resources");
      ImageCollector inner(form_resources.isDictionary() ? form_resources : resources_,
                           matrix_from(dict.getKey("/Matrix")).times(ctm), page_, out_, depth_ + 1);
      QPDFObjectHandle::parseContentStream(x, &inner);
    }
  }

  QPDFObjectHandle resources_;
  int page_;
  std::vector<PlacedImage>& out_;
  int depth_;
  std::vector<Matrix> stack_;
  std::vector<QPDFObjectHandle> operands_;
};

}  // namespace

std::vector<PlacedImage> scan_page_images(QPDFPageObjectHelper& page, int page_number) {
  std::vector<PlacedImage> out;
  ImageCollector collector(page.getAttribute("/Resources", false), Matrix{}, page_number, out, 0);
  page.parseContents(&collector);
  return out;
}

}  // namespace storyloom::print
