#include "app/pipeline/photo_faces.hpp"

#include <fmt/format.h>

#include "faces/photo_intake.hpp"

namespace storyloom::app {
namespace {

// Photo ids are ours ("ph_..."), but they arrive in request bodies: refuse anything that could
// name another key.
bool is_photo_id(std::string_view id) {
  return !id.empty() && id.size() <= 64 &&
         std::all_of(id.begin(), id.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; });
}

core::Error photo_not_found(std::string_view id) {
  return {core::ErrorKind::not_found, "photo_not_found", "The child's photo is not there any more.",
          {{"photo_id", std::string(id)}}};
}

}  // namespace

std::string photo_blob_key(std::string_view photo_id) { return fmt::format("photos/{}.jpg", photo_id); }

core::Result<std::shared_ptr<const PhotoFace>> PhotoFaces::face(std::string_view photo_id) {
  if (!is_photo_id(photo_id)) return core::fail(photo_not_found(photo_id));
  const std::string id(photo_id);
  auto entry = entry_for(id);
  std::call_once(entry->once, [&] { entry->value = read(id); });
  if (!entry->value) forget(id, entry);
  else trim();
  return entry->value;
}

std::shared_ptr<PhotoFaces::Entry> PhotoFaces::entry_for(const std::string& photo_id) {
  std::lock_guard lock(mutex_);
  if (auto it = entries_.find(photo_id); it != entries_.end()) {
    recent_.splice(recent_.begin(), recent_, it->second.second);
    return it->second.first;
  }
  recent_.push_front(photo_id);
  auto entry = std::make_shared<Entry>();
  entries_.emplace(photo_id, std::pair{entry, recent_.begin()});
  return entry;
}

// After a success, so a photo that fails does not push out one that works.
void PhotoFaces::trim() {
  std::lock_guard lock(mutex_);
  while (entries_.size() > capacity_) {  // callers still holding an evicted entry keep it alive
    entries_.erase(recent_.back());
    recent_.pop_back();
  }
}

void PhotoFaces::forget(const std::string& photo_id, const std::shared_ptr<Entry>& entry) {
  std::lock_guard lock(mutex_);
  auto it = entries_.find(photo_id);
  if (it == entries_.end() || it->second.first != entry) return;  // already replaced or evicted
  recent_.erase(it->second.second);
  entries_.erase(it);
}

core::Result<std::shared_ptr<const PhotoFace>> PhotoFaces::read(const std::string& photo_id) {
  auto bytes = blobs_.get(photo_blob_key(photo_id));
  if (!bytes) {
    if (bytes.error().kind == core::ErrorKind::not_found) return core::fail(photo_not_found(photo_id));
    return core::fail(bytes.error());
  }
  auto model = faces::FaceModel::shared();
  if (!model) return core::fail(model.error());
  const faces::PhotoIntake intake(*model);
  auto face = std::make_shared<PhotoFace>(PhotoFace{intake.cut_out(*bytes), intake.traits(*bytes)});
  return std::shared_ptr<const PhotoFace>(std::move(face));
}

std::size_t PhotoFaces::cached() const {
  std::lock_guard lock(mutex_);
  return entries_.size();
}

}  // namespace storyloom::app
