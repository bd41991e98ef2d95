#!/bin/sh
# Writes the shipped cue model: PolNeAR's train split, with the records of
# the first hand-labelled AllSides sample (other desks' negative examples)
# at weight 10. Deterministic; .ci/run checks that data/cue_model.tsv is
# what this writes. Usage: scripts/train_cue_model.sh [OUTPUT]
set -eu
out=${1:-data/cue_model.tsv}
shared=${PARALLAX_SHARED:-../shared}
exec cargo run --release --locked -q -- train cues "$shared/datasets/polnear/data/train" \
  --labels data/eval/allsides_labels.tsv \
  --articles "$shared/datasets/allsides-articles/articles.jsonl.gz" \
  --field outlet=source --field published=date \
  --label-weight 10 \
  -o "$out"
