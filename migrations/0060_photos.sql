-- Children's photos (docs/photos.md, "The Photos API"). Only accepted photos are stored: the row
-- keeps the verdict and avatar traits, the blob at `blob_key` (always photos/<id>.jpg) is the
-- normalized, metadata-free JPEG. No foreign key on owner_id (like books): account deletion and
-- guest claims go through accounts' personal-data registry, which also removes the blobs.
CREATE TABLE photos (
  id          TEXT PRIMARY KEY,                 -- core::new_id("ph")
  owner_id    TEXT NOT NULL,                    -- user (or guest) id
  blob_key    TEXT NOT NULL,                    -- photos/<id>.jpg
  width       BIGINT NOT NULL,                  -- of the normalized copy, pixels
  height      BIGINT NOT NULL,
  format      TEXT NOT NULL,                    -- of the upload: jpeg, png, webp, heif
  verdict     TEXT NOT NULL,                    -- JSON faces::FaceVerdict
  traits      TEXT NOT NULL,                    -- JSON avatar traits {skin_tone: {value, confidence}, ...}
  created_at  BIGINT NOT NULL
);
CREATE INDEX photos_owner ON photos (owner_id, created_at);
CREATE INDEX photos_created ON photos (created_at);
