#!/bin/sh
# Writes the background counts story grouping weighs features with: how
# many of the AllSides corpus's articles hold each term and entity name
# (those held by 50 or more). Deterministic; .ci/run checks that
# data/story_prior.tsv is what this writes.
# Usage: scripts/train_story_prior.sh [OUTPUT]
set -eu
out=${1:-data/story_prior.tsv}
shared=${PARALLAX_SHARED:-../shared}
exec cargo run --release --locked -q -- train story-prior \
  "$shared/datasets/allsides-articles/articles.jsonl.gz" \
  --field outlet=source --field published=date --min-df 50 -q \
  -o "$out"
