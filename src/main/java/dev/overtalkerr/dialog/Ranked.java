package dev.overtalkerr.dialog;

import dev.overtalkerr.backend.MediaItem;

/** PLACEHOLDER replaced by the ranker branch before landing. */
public record Ranked(MediaItem item, double score, String explanation) {}
