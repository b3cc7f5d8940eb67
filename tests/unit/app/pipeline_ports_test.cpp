// The book pipeline's adapters over the real engine (app/pipeline/): story, illustration at print
// size, the child's face, preview and final renditions, PDFs, credits, and the face cache.
#include <gtest/gtest.h>

#include "accounts/credits_ledger.hpp"
#include "app/pipeline/brief_json.hpp"
#include "art/encode.hpp"
#include "art/illustration_png.hpp"
#include "art/png_reader.hpp"
#include "faces/image_ops.hpp"
#include "pipeline_fixture.hpp"
#include "sql/transaction.hpp"

using namespace storyloom;
using test_support::changed_fraction;
using test_support::PipelineFixture;

namespace {

core::Image decoded(const std::string& png) { return art::decode_png(png).value(); }

int pdf_pages(const std::string& pdf) {
  const auto file = test_support::temp_file("pipeline-port.pdf");
  test_support::write_file(file, pdf);
  const auto info = test_support::run("pdfinfo " + file.string());
  const auto at = info.find("Pages:");
  return at == std::string::npos ? -1 : std::stoi(info.substr(at + 6));
}

}  // namespace

TEST(TemplateStoryPort, WritesTenPagesWhoseBriefsTheIllustratorReads) {
  PipelineFixture f;
  const auto draft = f.draft();
  EXPECT_EQ(draft.title, "Emma and the Whispering Woods");
  EXPECT_EQ(draft.provider, "template");
  ASSERT_EQ(draft.pages.size(), 10u);
  for (const auto& page : draft.pages) {
    EXPECT_NE(page.text.find("Emma"), std::string::npos) << page.number;
    auto brief = app::brief_from_json(page.brief);
    ASSERT_TRUE(brief) << brief.error().message;
    EXPECT_EQ(brief->theme, "enchanted-forest");
  }
  EXPECT_EQ(f.draft().pages[3].text, draft.pages[3].text);  // same seed, same book
  auto unknown = f.s->story->write_story({.child = f.child, .theme = "moon-base", .seed = 1});
  EXPECT_EQ(unknown.error().code, "theme_unknown");
}

TEST(VectorIllustratorPort, DrawsAtPrintSizeInTheChildsColoursAndKeepsTheHeroPlacement) {
  PipelineFixture f;
  const auto draft = f.draft();
  auto art = f.s->illustrator->illustrate(f.page_request(draft, 2));
  ASSERT_TRUE(art) << art.error().message;
  EXPECT_EQ(art::png_size(art->png), (std::pair{f.page_size().width, f.page_size().height}));
  const auto picture = art::decode_illustration(art->png).value();
  EXPECT_GT(picture.hero.head_radius, 0);  // the personalizer knows where to put the face
  EXPECT_EQ(art->provider, "vector-illustrator");
  EXPECT_EQ(art->parameters["outfit_colour"], app::hero_look_for({}, "purple", "she").outfit_colour);
  EXPECT_NE(art->parameters["outfit_colour"], core::HeroLook{}.outfit_colour);
  EXPECT_EQ(f.s->illustrator->illustrate(f.page_request(draft, 2)).value().png, art->png);  // deterministic
  EXPECT_NE(f.s->illustrator->illustrate(f.page_request(draft, 2, 8)).value().png, art->png);  // regenerated: new seed
  // Without a photo the hero keeps the neutral look; the book is still drawn.
  auto request = f.page_request(draft, 2);
  request.photo_id = "ph_gone";
  EXPECT_TRUE(f.s->illustrator->illustrate(request).has_value());
}

TEST(FacePersonalizerPort, PutsTheChildsFaceOnTheHeroAndReadsThePhotoOnce) {
  PipelineFixture f;
  const auto draft = f.draft();
  const auto base = f.base_png(draft, 3);
  auto personal = f.s->personalizer->personalize({.photo_id = f.photo_id, .page = 3, .base_png = base, .style = "storybook"});
  ASSERT_TRUE(personal) << personal.error().message;
  const double changed = changed_fraction(decoded(base), decoded(personal->png));
  EXPECT_GT(changed, 0.002);  // a face where the drawn one was
  EXPECT_LT(changed, 0.2);    // and nothing else
  ASSERT_TRUE(f.s->personalizer->personalize({.photo_id = f.photo_id, .page = 4, .base_png = f.base_png(draft, 4), .style = "storybook"}));
  EXPECT_EQ(f.blobs.reads(app::photo_blob_key(f.photo_id)), 1);  // ten pages, one face search
}

TEST(FacePersonalizerPort, SaysWhyWhenThereIsNoFaceToPlace) {
  PipelineFixture f;
  const auto base = f.base_png(f.draft(), 1);
  auto missing = f.s->personalizer->personalize({.photo_id = "ph_deleted", .page = 1, .base_png = base, .style = "storybook"});
  EXPECT_EQ(missing.error().code, "photo_not_found");
  auto none = f.s->personalizer->personalize({.page = 1, .base_png = base, .style = "storybook"});
  EXPECT_EQ(none.error().code, "photo_missing");
  auto flat = art::encode_png(core::Image(64, 64, {90, 90, 90, 255})).value();  // no hero placement in it
  auto headless = f.s->personalizer->personalize(
      {.photo_id = f.photo_id, .page = 1, .base_png = std::string(flat.begin(), flat.end()), .style = "storybook"});
  EXPECT_EQ(headless.error().code, "personalize_fell_back");
  // The cartoon style keeps the drawn hero (already in the child's colours): nothing to fail.
  EXPECT_TRUE(f.s->personalizer->personalize({.photo_id = "ph_deleted", .page = 1, .base_png = base, .style = "cartoon"}));
}

TEST(PreviewAndPrintArtPort, PreviewsAreSmallAndWatermarkedAndFinalsArePrintSize) {
  PipelineFixture f;
  const auto personal = f.personal_png(f.draft(), 5);
  auto preview = f.s->page_art->watermark(personal);
  ASSERT_TRUE(preview) << preview.error().message;
  const int side = test_support::low_res_catalog()->print.preview_px;
  EXPECT_EQ(art::png_size(*preview), (std::pair{side, side}));
  const auto unmarked = faces::fit_within(decoded(personal), side);
  EXPECT_GT(changed_fraction(unmarked, decoded(*preview)), 0.05);  // the mark is in the pixels

  auto final_art = f.s->page_art->render_final(personal, {}, "storybook");
  ASSERT_TRUE(final_art) << final_art.error().message;
  EXPECT_EQ(final_art->png, personal);  // drawn at print size and never watermarked
  EXPECT_EQ(f.s->page_art->render_final(*preview, {}, "storybook").error().code, "art_final_too_small");
}

TEST(PrintPdfPort, MakesThePreviewAndTheInteriorWithItsCoverWrap) {
  PipelineFixture f;
  const auto draft = f.draft();
  books::BookDocument doc{.book_id = "bk_test", .title = draft.title, .theme = "enchanted-forest",
                          .style = "storybook", .child = f.child, .photo_id = f.photo_id, .seed = 7};
  for (int n = 1; n <= 5; ++n)
    doc.pages.push_back({n, draft.pages[n - 1].text, f.s->page_art->watermark(f.personal_png(draft, n)).value()});
  auto preview = f.s->pdf->assemble_preview(doc);
  ASSERT_TRUE(preview) << preview.error().message;
  EXPECT_EQ(pdf_pages(*preview), 11);  // title + 5 pictures + 5 locked pages

  doc.pages.clear();
  for (int n = 1; n <= 10; ++n) doc.pages.push_back({n, draft.pages[n - 1].text, f.personal_png(draft, n)});
  auto files = f.s->pdf->assemble_print(doc);
  ASSERT_TRUE(files) << files.error().message;
  EXPECT_EQ(pdf_pages(files->interior), 24);
  EXPECT_EQ(pdf_pages(files->cover), 1);
  doc.pages.pop_back();
  EXPECT_EQ(f.s->pdf->assemble_print(doc).error().code, "page_art_missing");
}

TEST(AccountsCreditPort, ChargesAndRefundsInTheCallersTransaction) {
  PipelineFixture f;
  accounts::CreditsLedger ledger(f.photos.t.db);
  auto conn = f.photos.t.db->acquire().value();
  ASSERT_TRUE(conn->execute("INSERT INTO users (id, kind, created_at, updated_at) VALUES ('us_parent', 'guest', 1, 1)"));
  ASSERT_TRUE(ledger.add("us_parent", 1, accounts::CreditKind::trial, "guest", 1));
  {
    auto tx = sql::Transaction::begin(*conn).value();
    ASSERT_TRUE(f.s->credits->charge(*conn, "us_parent", "book:bk_a:run:0"));
    auto none_left = f.s->credits->charge(*conn, "us_parent", "book:bk_b:run:0");
    EXPECT_EQ(none_left.error().kind, core::ErrorKind::payment_required);
    ASSERT_TRUE(tx.commit());
  }
  EXPECT_EQ(ledger.balance("us_parent").value(), 0);
  auto tx = sql::Transaction::begin(*conn).value();
  ASSERT_TRUE(f.s->credits->refund(*conn, "us_parent", "book:bk_a:run:0"));
  ASSERT_TRUE(f.s->credits->refund(*conn, "us_parent", "book:bk_a:run:0"));  // once only
  ASSERT_TRUE(tx.commit());
  EXPECT_EQ(ledger.balance("us_parent").value(), 1);
}

TEST(PipelineServices, HandsOverEveryRequiredPortAndCreditsOnlyWhereTheShopSellsThem) {
  PipelineFixture selling;
  const auto ports = selling.s->ports();
  EXPECT_TRUE(ports.writer && ports.illustrator && ports.personalizer && ports.page_art && ports.pdf && ports.credits);
  EXPECT_EQ(ports.photos, nullptr);    // the photos module's
  EXPECT_EQ(ports.delivery, nullptr);  // commerce's
  PipelineFixture free_shop(/*sells_credits=*/false);
  EXPECT_EQ(free_shop.s->ports().credits, nullptr);
}

TEST(PhotoFaces, KeepsABoundedNumberOfFacesAndForgetsFailures) {
  test_support::LibraryFixture lib;
  test_support::CountingStore blobs(lib.blobs);
  app::PhotoFaces faces(blobs, /*capacity=*/2);
  std::vector<std::string> ids;
  for (int i = 0; i < 3; ++i) ids.push_back(lib.library.upload("us_parent", test_support::shared_photo("astronaut.png")).value().id);
  for (const auto& id : ids) ASSERT_TRUE(faces.face(id)) << id;
  EXPECT_EQ(faces.cached(), 2u);
  ASSERT_TRUE(faces.face(ids[0]));  // evicted first, so read again
  EXPECT_EQ(blobs.reads(app::photo_blob_key(ids[0])), 2);
  EXPECT_EQ(faces.face("../books/bk_x/book").error().code, "photo_not_found");  // never names another key
  EXPECT_EQ(faces.face("ph_missing").error().code, "photo_not_found");
  EXPECT_EQ(faces.face("ph_missing").error().code, "photo_not_found");
  EXPECT_EQ(blobs.reads(app::photo_blob_key("ph_missing")), 2);  // a failure is tried again
  EXPECT_EQ(faces.cached(), 2u);
}
