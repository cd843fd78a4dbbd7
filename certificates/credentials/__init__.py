"""Open Badges 3.0: every certificate also a signed credential (keys, documents, status lists,
badge pictures, checking an uploaded one, and their public addresses)."""
