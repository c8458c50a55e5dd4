"""Stage 4 of the pipeline: putting outputs on disk (and edits into plans) without losing anything."""
