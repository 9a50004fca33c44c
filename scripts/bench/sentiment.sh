#!/usr/bin/env bash
# Accuracy of the sentiment scorer on a labelled public data set (a measurement, not a
# test): the ground truth of Hutto & Gilbert, "VADER" (ICWSM 2014) — 4 200 tweets,
# 10 605 movie-review snippets, 3 708 Amazon review snippets and 5 190 New York Times
# editorial snippets, each with the mean rating of 20 people on −4…+4 — as shipped in
# the source distribution of the PyPI package vaderSentiment 3.3.2 (MIT licence).
# The data is kept out of the repository, in a cache directory.
# Usage: scripts/bench/sentiment.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
cache="${XDG_CACHE_HOME:-$HOME/.cache}/gromada/sentiment"
data="$cache/hutto_ICWSM_2014"
if [ ! -f "$data/tweets_GroundTruth.txt" ]; then
  mkdir -p "$cache"
  python3 -m pip download --quiet --no-deps --no-binary :all: -d "$cache" vaderSentiment==3.3.2
  tar -xzf "$cache/vaderSentiment-3.3.2.tar.gz" -C "$cache"
  tar -xzf "$cache/vaderSentiment-3.3.2/additional_resources/hutto_ICWSM_2014.tar.gz" -C "$cache"
fi
cargo run --quiet --release --example sentiment_eval -- \
  "$data/tweets_GroundTruth.txt" \
  "$data/movieReviewSnippets_GroundTruth.txt" \
  "$data/amazonReviewSnippets_GroundTruth.txt" \
  "$data/nytEditorialSnippets_GroundTruth.txt"
