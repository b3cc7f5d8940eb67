// An age band (catalog/age-bands.json): which ages it covers and how much text a page may hold.
#pragma once

#include <string>

namespace storyloom::catalog {

struct AgeBand {
  std::string id;           // "2-4", "5-7", "8-10": the key of page texts in theme files
  std::string label;        // "Ages 2–4", for people
  int min_age = 0;          // inclusive
  int max_age = 0;          // inclusive
  int max_sentences = 0;    // per page, after templating
  int max_words = 0;        // per page, after templating
  double text_size_pt = 0;  // body text size in the printed book

  bool covers(int age) const { return age >= min_age && age <= max_age; }
};

}  // namespace storyloom::catalog
