-- The writer looks up a chunk's stored OSDs by (endpoint, osd_id) and reads only their id and content hash.
-- With the hash in the index, the database answers that from the index alone instead of reading every
-- OSD's whole row (its metadata text is most of it) on each sync.
CREATE INDEX idx_ceph_osd_lookup ON ceph_osd (endpoint, osd_id, content_hash);
