#!/usr/bin/env bash
# One GPU-machine call: fine-tune both bases side by side on one GPU, pick the one with the better held-out
# news-style AUC (int8), and pack the results into $OUT (the files are split to stay under 16 MiB each).
# Expects, under $C (default .devcarry): train.py, make_tokenizer_fixtures.py, tokenizer.json,
# bge-small-en-v1.5-q.onnx.gz, all-minilm-l6-v2-q.onnx.gz, toxicity_train.csv.gz, bias_madlibs_77k.csv.gz
# and (evaluation only, optional) kaggle_insults_test.csv.
set -u
export PYTHONUNBUFFERED=1
C=${C:-.devcarry}
W=${W:-/tmp/work}
OUT=${OUT:-/tmp/out}
BUDGET=${BUDGET:-270}
mkdir -p "$W" "$OUT"
nvidia-smi --query-gpu=name,memory.total --format=csv,noheader
python3 -c "import torch, onnx, onnxruntime, tokenizers, sklearn; print('torch', torch.__version__, 'onnx', onnx.__version__, 'ort', onnxruntime.__version__, 'tokenizers', tokenizers.__version__, 'sklearn', sklearn.__version__)"
gunzip -c "$C/bias_madlibs_77k.csv.gz" > "$W/madlibs.csv"
INS=""
[ -f "$C/kaggle_insults_test.csv" ] && INS="--insults-test $C/kaggle_insults_test.csv"
timeout 200 python3 "$C/make_tokenizer_fixtures.py" "$C/tokenizer.json" "$W" --max-len 256 > "$W/fixtures.log" 2>&1 &
for base in bge-small-en-v1.5 all-minilm-l6-v2; do
  onnx="$C/$base-q.onnx.gz"
  timeout 540 python3 "$C/train.py" --base "$base" --base-onnx "$onnx" --tokenizer "$C/tokenizer.json" \
    --data "$C/toxicity_train.csv.gz" --madlibs "$W/madlibs.csv" $INS --out "$W/$base" \
    --train-budget-s "$BUDGET" --ort-threads 6 > "$W/$base.log" 2>&1 &
done
wait
tail -n 25 "$W"/*.log
python3 - "$W" <<'PY'
# Choice: among bases whose identity-template false-positive rate at 0.5 is <= 5%, the higher held-out
# news-style AUC (int8); if none meets the target, the lower false-positive rate.
import json, os, sys
w = sys.argv[1]
cands = []
for b in ("bge-small-en-v1.5", "all-minilm-l6-v2"):
    p = os.path.join(w, b, "metrics.json")
    if not os.path.exists(p):
        print(b, "has no metrics"); continue
    m = json.load(open(p))
    news = m["verify"]["onnx_int8"]["news_proxy_auc"]
    fpr = m["madlibs"]["fpr_by_threshold"]["0.5"] if m.get("madlibs") else 1.0
    print(b, "int8 news-proxy AUC", news, "madlibs FPR@0.5", fpr, "test AUC", m["verify"]["onnx_int8"]["auc"])
    cands.append((b, news, fpr))
ok = [c for c in cands if c[2] <= 0.05]
best = max(ok, key=lambda c: c[1]) if ok else (min(cands, key=lambda c: c[2]) if cands else None)
if best:
    open(os.path.join(w, "chosen.txt"), "w").write(best[0])
    print("chosen", best)
PY
cd "$W"
for b in bge-small-en-v1.5 all-minilm-l6-v2; do
  if [ -f "$b/model.int8.onnx" ]; then
    gzip -1 -c "$b/model.int8.onnx" | split -b 15000000 - "$OUT/$b.int8.onnx.gz.part-"
  fi
done
tar czf "$OUT/results.tar.gz" *.log chosen.txt codepoints.tsv tokenizer_fixtures.jsonl \
  */metrics.json */calibration.json */eval_sample.csv 2>/dev/null
ls -la "$OUT"
