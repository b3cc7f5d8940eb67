// The child's face for the book pipeline: reads the normalized photo the photos module stored
// at `photos/<photo_id>.jpg`, finds the face once (faces::FaceModel::shared(), loaded on first
// use) and keeps the cut-out and the avatar traits per photo id, so the ten pages of a book do
// not find the same face ten times. Bounded: the least recently used photo goes first.
// Thread-safe; a photo being read by one worker is waited for, not read twice.
#pragma once

#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "blob/store.hpp"
#include "core/error.hpp"
#include "core/face_cutout.hpp"

namespace storyloom::app {

struct PhotoFace {
  core::Result<core::FaceCutout> cutout;  // photo_no_face and the like when none could be cut out
  core::AvatarTraits traits;              // neutral (confidence 0) where a trait could not be read
};

// The blob key of a photo's normalized copy (the contract with the photos module).
std::string photo_blob_key(std::string_view photo_id);

class PhotoFaces {
 public:
  explicit PhotoFaces(blob::Store& blobs, std::size_t capacity = 32) : blobs_(blobs), capacity_(capacity) {}

  // not_found photo_not_found for a bad id or a photo that is not (or no longer) stored; the
  // face model's error when it cannot load. Failures are not kept: the next call tries again.
  core::Result<std::shared_ptr<const PhotoFace>> face(std::string_view photo_id);

  std::size_t cached() const;

 private:
  struct Entry {
    std::once_flag once;
    core::Result<std::shared_ptr<const PhotoFace>> value = core::fail(core::ErrorKind::internal, "photo_pending", "");
  };
  std::shared_ptr<Entry> entry_for(const std::string& photo_id);
  void forget(const std::string& photo_id, const std::shared_ptr<Entry>& entry);
  void trim();
  core::Result<std::shared_ptr<const PhotoFace>> read(const std::string& photo_id);

  blob::Store& blobs_;
  const std::size_t capacity_;
  mutable std::mutex mutex_;
  std::list<std::string> recent_;  // most recently used first
  std::map<std::string, std::pair<std::shared_ptr<Entry>, std::list<std::string>::iterator>, std::less<>> entries_;
};

}  // namespace storyloom::app
