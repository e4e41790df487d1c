#!/usr/bin/env python3
"""Fine-tunes a small BERT (all-MiniLM-L6-v2 or bge-small-en-v1.5) into the six-label toxicity model.

Pipeline (one command, see README.md):
  1. dequantize the int8 ONNX base model shipped in the langchain4j Maven artifact into float weights
     (MatMulInteger weights: (q - zero_point) * scale per output column, transposed to torch's [out, in];
     the three embedding tables are uint8 Gather tables with one scale / zero point each);
     check the float encoder against the original int8 ONNX (cosine of the hidden states);
  2. fine-tune encoder + mean pooling + linear head on the licensed table from prepare_data.py
     (masked BCE: a label a source does not provide is left out of the loss), evaluating on the val split every
     quarter epoch, keeping the best val loss and stopping early;
  3. calibrate each label with Platt scaling (sigmoid(a * logit + b)) fitted on the val split;
  4. export to ONNX (inputs input_ids, attention_mask; output logits [batch, 6]), quantize dynamically to int8
     with onnxruntime, and check the int8 model against the float one on the test split;
  5. write model files, metrics JSON, identity-term false-positive rates (bias madlibs), a pinned eval sample.

Only needs torch, numpy, onnx, onnxruntime, tokenizers, scikit-learn (no transformers / model hub).
"""
import argparse
import csv
import gzip
import inspect
import io
import json
import math
import os
import random
import re
import sys
import time
import warnings

import numpy as np
import onnx
import onnxruntime as ort
import torch
import torch.nn as nn
import torch.nn.functional as F
from onnx import numpy_helper
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from tokenizers import Tokenizer

LABELS = ["toxicity", "severe_toxicity", "obscene", "threat", "insult", "identity_attack"]
csv.field_size_limit(10 ** 9)
T0 = time.time()


def log(*a):
    print(f"[{time.time() - T0:7.1f}s]", *a, flush=True)


# ----------------------------------------------------------------------------------------------------------------
# 1. A minimal BERT encoder whose parameters map 1:1 onto the Hugging Face names in the ONNX file.
# ----------------------------------------------------------------------------------------------------------------
class Layer(nn.Module):
    def __init__(self, h, heads, inter, p):
        super().__init__()
        self.heads = heads
        self.q = nn.Linear(h, h)
        self.k = nn.Linear(h, h)
        self.v = nn.Linear(h, h)
        self.o = nn.Linear(h, h)
        self.ln1 = nn.LayerNorm(h, eps=1e-12)
        self.fc1 = nn.Linear(h, inter)
        self.fc2 = nn.Linear(inter, h)
        self.ln2 = nn.LayerNorm(h, eps=1e-12)
        self.drop = nn.Dropout(p)

    def forward(self, x, bias):
        b, t, h = x.shape
        d = h // self.heads

        def split(y):
            return y.view(b, t, self.heads, d).transpose(1, 2)

        q, k, v = split(self.q(x)), split(self.k(x)), split(self.v(x))
        scores = torch.matmul(q, k.transpose(-1, -2)) / math.sqrt(d) + bias
        att = self.drop(torch.softmax(scores, dim=-1))
        ctx = torch.matmul(att, v).transpose(1, 2).reshape(b, t, h)
        x = self.ln1(x + self.drop(self.o(ctx)))
        y = self.fc2(F.gelu(self.fc1(x)))  # exact (erf) GELU, as in BERT
        return self.ln2(x + self.drop(y))


class ToxicityBert(nn.Module):
    def __init__(self, layers, h=384, heads=12, inter=1536, vocab=30522, max_pos=512, n_labels=6, p=0.1):
        super().__init__()
        self.word = nn.Embedding(vocab, h)
        self.pos = nn.Embedding(max_pos, h)
        self.ttype = nn.Embedding(2, h)
        self.ln = nn.LayerNorm(h, eps=1e-12)
        self.drop = nn.Dropout(p)
        self.layers = nn.ModuleList([Layer(h, heads, inter, p) for _ in range(layers)])
        self.head = nn.Linear(h, n_labels)

    def encode(self, input_ids, attention_mask):
        t = input_ids.shape[1]
        pos = torch.arange(t, device=input_ids.device).unsqueeze(0)
        x = self.word(input_ids) + self.pos(pos) + self.ttype.weight[0]
        x = self.drop(self.ln(x))
        m = attention_mask.to(x.dtype)
        bias = ((1.0 - m) * -10000.0)[:, None, None, :]
        for layer in self.layers:
            x = layer(x, bias)
        return x

    def forward(self, input_ids, attention_mask):
        x = self.encode(input_ids, attention_mask)
        m = attention_mask.to(x.dtype).unsqueeze(-1)
        pooled = (x * m).sum(1) / m.sum(1).clamp(min=1.0)
        return self.head(self.drop(pooled))


def load_onnx(path):
    if path.endswith(".gz"):
        with gzip.open(path, "rb") as f:
            return onnx.load_model_from_string(f.read())
    return onnx.load(path)


def dequantize_base(model_proto):
    """Returns (state_dict for ToxicityBert without head, number of layers)."""
    init = {t.name: numpy_helper.to_array(t) for t in model_proto.graph.initializer}
    hf = {}
    for name in ("word_embeddings", "position_embeddings", "token_type_embeddings"):
        q = init[f"embeddings.{name}.weight_quantized"].astype(np.float32)
        s = np.float32(init[f"embeddings.{name}.weight_scale"])
        zp = np.float32(init[f"embeddings.{name}.weight_zero_point"])
        hf[f"embeddings.{name}.weight"] = (q - zp) * s
    for k, v in init.items():
        if k.endswith(".bias") or ".LayerNorm." in k:
            hf[k] = v.astype(np.float32)
    n_mm = 0
    for node in model_proto.graph.node:
        if node.op_type != "MatMulInteger":
            continue
        # '/encoder/layer.3/attention/self/query/MatMul_quant' -> 'encoder.layer.3.attention.self.query'
        prefix = node.name.strip("/").rsplit("/", 1)[0].replace("/", ".")
        wq = node.input[1]
        base = wq[: -len("_quantized")]
        q = init[wq].astype(np.float32)  # [in, out]
        s = init[base + "_scale"].astype(np.float32)
        zp = init[base + "_zero_point"].astype(np.float32)
        if prefix + ".bias" not in init:
            raise ValueError(f"MatMulInteger {node.name} has no bias {prefix}.bias")
        hf[prefix + ".weight"] = ((q - zp[None, :]) * s[None, :]).T.copy()  # torch Linear: [out, in]
        n_mm += 1
    layers = n_mm // 6
    if n_mm != layers * 6:
        raise ValueError(f"{n_mm} MatMulInteger nodes is not a multiple of 6")
    sd = {
        "word.weight": hf["embeddings.word_embeddings.weight"],
        "pos.weight": hf["embeddings.position_embeddings.weight"],
        "ttype.weight": hf["embeddings.token_type_embeddings.weight"],
        "ln.weight": hf["embeddings.LayerNorm.weight"],
        "ln.bias": hf["embeddings.LayerNorm.bias"],
    }
    names = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
             "o": "attention.output.dense", "ln1": "attention.output.LayerNorm", "fc1": "intermediate.dense",
             "fc2": "output.dense", "ln2": "output.LayerNorm"}
    for i in range(layers):
        for ours, theirs in names.items():
            for p in ("weight", "bias"):
                sd[f"layers.{i}.{ours}.{p}"] = hf[f"encoder.layer.{i}.{theirs}.{p}"]
    return {k: torch.from_numpy(np.ascontiguousarray(v)) for k, v in sd.items()}, layers


def check_against_base(model, base_bytes, tok, device):
    """Cosine similarity of our float encoder's hidden states with the int8 base ONNX ones."""
    texts = ["The quick brown fox jumps over the lazy dog.", "You are an idiot and everyone knows it!",
             "Thanks for the thoughtful article, I learned a lot about local politics."]
    sess = ort.InferenceSession(base_bytes, providers=["CPUExecutionProvider"])
    sims = []
    model.eval()
    for t in texts:
        ids = np.array([tok.encode(t).ids], dtype=np.int64)
        mask = np.ones_like(ids)
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in [i.name for i in sess.get_inputs()]:
            feeds["token_type_ids"] = np.zeros_like(ids)
        ref = sess.run(None, feeds)[0][0]
        with torch.no_grad():
            ours = model.encode(torch.from_numpy(ids).to(device), torch.from_numpy(mask).to(device))[0].float().cpu().numpy()
        cos = (ref * ours).sum(-1) / (np.linalg.norm(ref, axis=-1) * np.linalg.norm(ours, axis=-1))
        sims.append(float(cos.mean()))
    return sims


# ----------------------------------------------------------------------------------------------------------------
# 2. Data
# ----------------------------------------------------------------------------------------------------------------
def read_table(path):
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        r["y"] = [int(r[l]) for l in LABELS]
    return rows


def tokenize(tok, texts, max_len):
    tok.enable_truncation(max_len)
    tok.no_padding()
    return [e.ids for e in tok.encode_batch(texts)]


def batches(ids, labels, bs, shuffle, rng):
    order = list(range(len(ids)))
    if shuffle:
        rng.shuffle(order)
    for s in range(0, len(order), bs):
        idx = order[s:s + bs]
        t = max(len(ids[i]) for i in idx)
        x = np.zeros((len(idx), t), dtype=np.int64)
        m = np.zeros((len(idx), t), dtype=np.int64)
        for j, i in enumerate(idx):
            x[j, :len(ids[i])] = ids[i]
            m[j, :len(ids[i])] = 1
        y = None if labels is None else np.array([labels[i] for i in idx], dtype=np.float32)
        yield idx, x, m, y


def masked_bce(logits, y):
    known = (y >= 0).float()
    loss = F.binary_cross_entropy_with_logits(logits, y.clamp(min=0), reduction="none")
    return (loss * known).sum() / known.sum().clamp(min=1.0)


@torch.no_grad()
def predict_logits(model, ids, device, bs=256):
    model.eval()
    out = np.zeros((len(ids), len(LABELS)), dtype=np.float32)
    # Sort by length so padding is small.
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    sorted_ids = [ids[i] for i in order]
    for idx, x, m, _ in batches(sorted_ids, None, bs, False, None):
        with torch.autocast("cuda", dtype=torch.bfloat16, enabled=device.type == "cuda"):
            z = model(torch.from_numpy(x).to(device), torch.from_numpy(m).to(device))
        out[[order[i] for i in idx]] = z.float().cpu().numpy()
    return out


def auc(y, p):
    y = np.asarray(y)
    p = np.asarray(p)
    k = y >= 0
    y, p = y[k], p[k]
    if len(set(y.tolist())) < 2:
        return None
    return float(roc_auc_score(y, p))


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def ece(y, p, bins=10):
    y = np.asarray(y, dtype=np.float64)
    p = np.asarray(p, dtype=np.float64)
    k = y >= 0
    y, p = y[k], p[k]
    if len(y) == 0:
        return None
    e = 0.0
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        sel = (p >= lo) & (p < hi if b < bins - 1 else p <= hi)
        if sel.any():
            e += sel.mean() * abs(p[sel].mean() - y[sel].mean())
    return float(e)


def metrics_for(rows, probs):
    """Per-label AUC on known labels, per-source toxicity AUC and the news-style proxy."""
    y = np.array([r["y"] for r in rows])
    src = np.array([r["source"] for r in rows])
    res = {"n": len(rows), "auc": {}, "ece": {}, "positives": {}}
    for j, l in enumerate(LABELS):
        res["auc"][l] = auc(y[:, j], probs[:, j])
        res["ece"][l] = ece(y[:, j], probs[:, j])
        res["positives"][l] = int((y[:, j] == 1).sum())
    res["toxicity_auc_by_source"] = {s: auc(y[src == s, 0], probs[src == s, 0]) for s in sorted(set(src.tolist()))}
    # News-style proxy: Civil Comments posts (news-site comments, all toxic), their span-free sentences
    # (labelled non-toxic) and CAT (held-out, labelled).
    news = (src == "civil_spans") | (src == "civil_clean") | (src == "cat")
    res["news_proxy_auc"] = auc(y[news, 0], probs[news, 0])
    civil = (src == "civil_spans") | (src == "civil_clean")
    res["civil_posts_vs_clean_sentences_auc"] = auc(y[civil, 0], probs[civil, 0])
    macro = [v for v in res["auc"].values() if v is not None]
    res["macro_auc"] = float(np.mean(macro))
    return res


# ----------------------------------------------------------------------------------------------------------------
# 3. Madlibs identity terms (conversationai unintended-ml-bias-analysis adjectives)
# ----------------------------------------------------------------------------------------------------------------
IDENTITY_TERMS = ["lesbian", "gay", "bisexual", "transgender", "trans", "queer", "lgbt", "lgbtq", "homosexual",
                  "straight", "heterosexual", "male", "female", "nonbinary", "african", "african american", "black",
                  "white", "european", "hispanic", "latino", "latina", "latinx", "mexican", "canadian", "american",
                  "asian", "indian", "middle eastern", "chinese", "japanese", "christian", "muslim", "jewish",
                  "buddhist", "catholic", "protestant", "sikh", "taoist", "old", "older", "young", "younger",
                  "teenage", "millenial", "middle aged", "elderly", "blind", "deaf", "paralyzed"]
_TERM_RE = re.compile(r"\b(" + "|".join(sorted((re.escape(t) for t in IDENTITY_TERMS), key=len, reverse=True)) + r")\b")


def identity_term(text):
    m = _TERM_RE.search(text.lower())
    return m.group(1) if m else "(none)"


# ----------------------------------------------------------------------------------------------------------------
# 4. ONNX export, quantization, onnxruntime evaluation
# ----------------------------------------------------------------------------------------------------------------
def export_onnx(model, path):
    model = model.float().cpu().eval()
    x = torch.ones((2, 16), dtype=torch.long)
    m = torch.ones((2, 16), dtype=torch.long)
    # torch >= 2.5 knows `dynamo` (and >= 2.9 defaults it to True); older torch (e.g. Debian's 1.13) does not.
    legacy = {"dynamo": False} if "dynamo" in inspect.signature(torch.onnx.export).parameters else {}
    try:
        torch.onnx.export(model, (x, m), path, input_names=["input_ids", "attention_mask"], output_names=["logits"],
                          dynamic_axes={"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"},
                                        "logits": {0: "batch"}}, opset_version=17, do_constant_folding=True,
                          **legacy)
        log("exported with the TorchScript exporter, opset 17")
    except Exception as e:  # newer torch may have dropped the TorchScript exporter
        log("TorchScript export failed:", repr(e)[:300], "- trying dynamo exporter")
        b = torch.export.Dim("batch", min=1, max=1024)
        s = torch.export.Dim("seq", min=2, max=512)
        prog = torch.onnx.export(model, (x, m), input_names=["input_ids", "attention_mask"], output_names=["logits"],
                                 dynamic_shapes=({0: b, 1: s}, {0: b, 1: s}), opset_version=18, dynamo=True)
        prog.save(path, external_data=False)
    mp = onnx.load(path)
    # onnxruntime-java 1.20 (pinned by langchain4j-embeddings) reads IR <= 10.
    if mp.ir_version > 9:
        mp.ir_version = 9
    onnx.checker.check_model(mp)
    onnx.save(mp, path)
    return mp


def quantize(float_path, int8_path):
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from to_u8u8 import to_u8u8
    quantize_dynamic(float_path, int8_path, weight_type=QuantType.QInt8, per_channel=True)
    mp = onnx.load(int8_path)
    # Store the int8 weights as uint8 (same values): u8 x u8 products are exact on every x86 CPU, where u8 x s8
    # saturates on CPUs without VNNI and would give those machines other scores (see to_u8u8.py).
    to_u8u8(mp)
    if mp.ir_version > 9:
        mp.ir_version = 9
    onnx.save(mp, int8_path)
    return mp


def ort_logits(sess, ids, bs=64):
    out = np.zeros((len(ids), len(LABELS)), dtype=np.float32)
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    sorted_ids = [ids[i] for i in order]
    for idx, x, m, _ in batches(sorted_ids, None, bs, False, None):
        z = sess.run(["logits"], {"input_ids": x, "attention_mask": m})[0]
        out[[order[i] for i in idx]] = z
    return out


def session(path_or_bytes, threads):
    so = ort.SessionOptions()
    so.intra_op_num_threads = threads
    so.inter_op_num_threads = 1
    return ort.InferenceSession(path_or_bytes, so, providers=["CPUExecutionProvider"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True, help="name used in the output, e.g. bge-small-en-v1.5")
    ap.add_argument("--base-onnx", required=True, help="int8 ONNX from the langchain4j artifact (.onnx or .onnx.gz)")
    ap.add_argument("--tokenizer", required=True, help="tokenizer.json from the same artifact")
    ap.add_argument("--data", required=True, help="toxicity_train.csv.gz from prepare_data.py")
    ap.add_argument("--madlibs", help="identity-bias-madlibs/bias_madlibs_77k.csv (evaluation only)")
    ap.add_argument("--insults-test", help="kaggle-insults test_with_solutions.csv (evaluation only, never trained on)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--max-len", type=int, default=256)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--epochs", type=float, default=2.0)
    ap.add_argument("--evals-per-epoch", type=int, default=4)
    ap.add_argument("--patience", type=int, default=3)
    ap.add_argument("--train-budget-s", type=float, default=1e9, help="stop training after this many seconds")
    ap.add_argument("--ort-threads", type=int, default=6)
    ap.add_argument("--eval-sample", type=int, default=300)
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--oversample", default="identity_templates:2,public_figures:3",
                    help="source:factor[,source:factor]; rows of that source appear factor times per epoch")
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    log("device", device, torch.__version__, "onnx", onnx.__version__, "ort", ort.__version__)

    tok = Tokenizer.from_file(args.tokenizer)
    tok.no_padding()
    tok.enable_truncation(args.max_len)
    base_proto = load_onnx(args.base_onnx)
    sd, n_layers = dequantize_base(base_proto)
    model = ToxicityBert(n_layers)
    missing, unexpected = model.load_state_dict(sd, strict=False)
    assert set(missing) == {"head.weight", "head.bias"} and not unexpected, (missing, unexpected)
    model.to(device)
    sims = check_against_base(model, base_proto.SerializeToString(), tok, device)
    log(f"dequantized {n_layers}-layer base; cosine vs int8 ONNX hidden states: {sims}")
    assert min(sims) > 0.95, "dequantized encoder does not reproduce the base ONNX"
    del base_proto

    rows = read_table(args.data)
    split = {s: [r for r in rows if r["split"] == s] for s in ("train", "val", "test")}
    for spec in filter(None, (args.oversample or "").split(",")):
        src, factor = spec.split(":")
        extra = [r for r in split["train"] if r["source"] == src] * (int(factor) - 1)
        split["train"] = split["train"] + extra
        log(f"oversampled {src} x{factor}: +{len(extra)} rows")
    ids = {s: tokenize(tok, [r["text"] for r in split[s]], args.max_len) for s in split}
    ys = {s: [r["y"] for r in split[s]] for s in split}
    log("rows", {s: len(v) for s, v in split.items()})

    steps_per_epoch = math.ceil(len(ids["train"]) / args.batch)
    total = int(steps_per_epoch * args.epochs)
    eval_every = max(1, steps_per_epoch // args.evals_per_epoch)
    no_decay = [p for n, p in model.named_parameters() if n.endswith(".bias") or ".ln" in n or n.startswith("ln.")]
    decay = [p for n, p in model.named_parameters() if not (n.endswith(".bias") or ".ln" in n or n.startswith("ln."))]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": 0.01}, {"params": no_decay, "weight_decay": 0.0}],
                            lr=args.lr)
    warm = int(0.06 * total)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: (s + 1) / max(1, warm) if s < warm else max(0.0, (total - s) / max(1, total - warm)))
    rng = random.Random(args.seed)
    best = (float("inf"), None, -1)
    history = []
    step = 0
    bad = 0
    t_train = time.time()
    stop = False
    epoch = 0
    while step < total and not stop:
        for _, x, m, y in batches(ids["train"], ys["train"], args.batch, True, rng):
            model.train()
            with torch.autocast("cuda", dtype=torch.bfloat16, enabled=device.type == "cuda"):
                z = model(torch.from_numpy(x).to(device), torch.from_numpy(m).to(device))
            loss = masked_bce(z.float(), torch.from_numpy(y).to(device))
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            if step % eval_every == 0 or step == total:
                vz = predict_logits(model, ids["val"], device)
                vl = float(masked_bce(torch.from_numpy(vz), torch.from_numpy(np.array(ys["val"], dtype=np.float32))))
                vm = metrics_for(split["val"], sigmoid(vz))
                history.append({"step": step, "epoch": round(step / steps_per_epoch, 3), "train_loss": float(loss),
                                "val_loss": vl, "val_macro_auc": vm["macro_auc"], "val_news_proxy_auc": vm["news_proxy_auc"],
                                "elapsed_s": round(time.time() - t_train, 1)})
                log(history[-1])
                if vl < best[0] - 1e-4:
                    best = (vl, {k: v.detach().float().cpu().clone() for k, v in model.state_dict().items()}, step)
                    bad = 0
                else:
                    bad += 1
                if bad >= args.patience:
                    log("early stop")
                    stop = True
                    break
            if time.time() - t_train > args.train_budget_s:
                log("training time budget reached")
                stop = True
                break
            if step >= total:
                break
        epoch += 1
    train_s = time.time() - t_train
    model.load_state_dict(best[1])
    log(f"best val loss {best[0]:.4f} at step {best[2]} ({best[2] / steps_per_epoch:.2f} epochs); trained {train_s:.0f}s")

    # ---- calibration on val
    vz = predict_logits(model, ids["val"], device)
    vy = np.array(ys["val"])
    calib = {}
    for j, l in enumerate(LABELS):
        k = vy[:, j] >= 0
        if (vy[k, j] == 1).sum() >= 10 and (vy[k, j] == 0).sum() >= 10:
            lr = LogisticRegression(C=1e4, max_iter=1000).fit(vz[k, j:j + 1], vy[k, j])
            calib[l] = {"a": float(lr.coef_[0, 0]), "b": float(lr.intercept_[0])}
        else:
            calib[l] = {"a": 1.0, "b": 0.0}
    a = np.array([calib[l]["a"] for l in LABELS], dtype=np.float32)
    b = np.array([calib[l]["b"] for l in LABELS], dtype=np.float32)
    log("calibration", calib)

    # ---- test metrics (torch, float)
    tz = predict_logits(model, ids["test"], device)
    test_raw = metrics_for(split["test"], sigmoid(tz))
    test_cal = metrics_for(split["test"], sigmoid(a * tz + b))
    log("test (calibrated)", json.dumps(test_cal))

    # ---- export + quantize
    float_path = os.path.join(args.out, "model.float.onnx")
    int8_path = os.path.join(args.out, "model.int8.onnx")
    t_exp = time.time()
    export_onnx(model, float_path)
    quantize(float_path, int8_path)
    log(f"export+quantize {time.time() - t_exp:.0f}s; sizes float {os.path.getsize(float_path)} int8 {os.path.getsize(int8_path)}")
    q = onnx.load(int8_path)
    log("int8 opsets", [(o.domain, o.version) for o in q.opset_import], "ir", q.ir_version,
        "ops", sorted({n.op_type for n in q.graph.node}))
    del q

    sf = session(float_path, args.ort_threads)
    si = session(int8_path, args.ort_threads)
    fz = ort_logits(sf, ids["test"])
    iz = ort_logits(si, ids["test"])
    fp, ip = sigmoid(a * fz + b), sigmoid(a * iz + b)
    verify = {
        "torch_vs_onnx_float_max_abs_prob": float(np.abs(fp - sigmoid(a * tz + b)).max()),
        "float_vs_int8_max_abs_prob": float(np.abs(fp - ip).max()),
        "float_vs_int8_mean_abs_prob": float(np.abs(fp - ip).mean()),
        "float_vs_int8_toxicity_agreement_at_0.5": float(((fp[:, 0] >= 0.5) == (ip[:, 0] >= 0.5)).mean()),
        "onnx_float": metrics_for(split["test"], fp),
        "onnx_int8": metrics_for(split["test"], ip),
    }
    log("verify", json.dumps({k: v for k, v in verify.items() if not isinstance(v, dict)}))
    log("int8 test auc", verify["onnx_int8"]["auc"], "news", verify["onnx_int8"]["news_proxy_auc"])

    # ---- identity-term false positives (bias madlibs, evaluation only)
    madlibs = None
    if args.madlibs and os.path.exists(args.madlibs):
        with open(args.madlibs, encoding="utf-8", newline="") as f:
            ml = list(csv.DictReader(f))
        mids = tokenize(tok, [r["Text"] for r in ml], args.max_len)
        mp = sigmoid(a[0] * ort_logits(si, mids, bs=256)[:, 0] + b[0])
        lab = np.array([r["Label"] == "BAD" for r in ml])
        terms = np.array([identity_term(r["Text"]) for r in ml])
        madlibs = {"n_non_toxic": int((~lab).sum()), "n_toxic": int(lab.sum()), "auc": float(roc_auc_score(lab, mp)),
                   "fpr_by_threshold": {}, "tpr_by_threshold": {}, "fpr_by_term_at_0.5": {}}
        for th in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
            madlibs["fpr_by_threshold"][str(th)] = float((mp[~lab] >= th).mean())
            madlibs["tpr_by_threshold"][str(th)] = float((mp[lab] >= th).mean())
        for t in sorted(set(terms.tolist())):
            sel = (~lab) & (terms == t)
            if sel.sum():
                madlibs["fpr_by_term_at_0.5"][t] = {"n": int(sel.sum()), "fpr": float((mp[sel] >= 0.5).mean())}
        worst = sorted(madlibs["fpr_by_term_at_0.5"].items(), key=lambda kv: -kv[1]["fpr"])[:8]
        log("madlibs fpr@0.5", madlibs["fpr_by_threshold"]["0.5"], "auc", madlibs["auc"], "worst", worst)

    # ---- Kaggle insults test (news-site comments; evaluation only, never trained on)
    insults = None
    if args.insults_test and os.path.exists(args.insults_test):
        with open(args.insults_test, encoding="utf-8", newline="") as f:
            kr = list(csv.DictReader(f))

        def unescape(s):
            s = s.strip()
            if s.startswith('"') and s.endswith('"'):
                s = s[1:-1]
            with warnings.catch_warnings():  # the data holds stray backslashes ("\\p") that are not escapes
                warnings.simplefilter("ignore")
                return s.encode("latin-1", "backslashreplace").decode("unicode_escape", "ignore")

        kid = tokenize(tok, [unescape(r["Comment"]) for r in kr], args.max_len)
        kp = sigmoid(a * ort_logits(si, kid) + b)
        ky = np.array([int(r["Insult"]) for r in kr])
        insults = {"n": len(kr), "positives": int(ky.sum()), "toxicity_auc": float(roc_auc_score(ky, kp[:, 0])),
                   "insult_auc": float(roc_auc_score(ky, kp[:, 4])),
                   "max_toxicity_insult_auc": float(roc_auc_score(ky, np.maximum(kp[:, 0], kp[:, 4])))}
        log("kaggle insults test (eval only)", insults)

    # ---- CPU latency, 1 thread, a 600-character comment
    s1 = session(int8_path, 1)
    text600 = ("I read the whole article and I still don't understand why the council keeps approving these "
               "projects without asking the people who actually live here. ") * 5
    text600 = text600[:600]
    x = np.array([tok.encode(text600).ids], dtype=np.int64)
    mm = np.ones_like(x)
    for _ in range(10):
        s1.run(["logits"], {"input_ids": x, "attention_mask": mm})
    lat = []
    for _ in range(100):
        t = time.perf_counter()
        s1.run(["logits"], {"input_ids": x, "attention_mask": mm})
        lat.append((time.perf_counter() - t) * 1000)
    latency = {"tokens": int(x.shape[1]), "p50_ms": float(np.percentile(lat, 50)), "p99_ms": float(np.percentile(lat, 99))}
    log("python ort int8 1-thread latency", latency)

    # ---- pinned eval sample for the Java model test: 300 test rows, deterministic, with int8 probabilities
    rng2 = random.Random(7)
    pick = sorted(rng2.sample(range(len(split["test"])), min(args.eval_sample, len(split["test"]))))
    with open(os.path.join(args.out, "eval_sample.csv"), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["uid", "source", "text"] + LABELS + ["p_" + l for l in LABELS])
        for i in pick:
            r = split["test"][i]
            w.writerow([r["uid"], r["source"], r["text"]] + r["y"] + [f"{v:.6f}" for v in ip[i]])
    sample_metrics = metrics_for([split["test"][i] for i in pick], ip[pick])

    meta = {
        "base": args.base, "layers": n_layers, "max_len": args.max_len, "batch": args.batch, "lr": args.lr,
        "best_step": best[2], "best_epoch": round(best[2] / steps_per_epoch, 3), "steps_per_epoch": steps_per_epoch,
        "train_seconds": round(train_s, 1), "device": torch.cuda.get_device_name(0) if device.type == "cuda" else "cpu",
        "torch": torch.__version__, "onnx": onnx.__version__, "onnxruntime": ort.__version__,
        "base_cosine_check": sims, "rows": {s: len(v) for s, v in split.items()},
        "history": history, "calibration": calib, "test_torch_raw": test_raw, "test_torch_calibrated": test_cal,
        "verify": verify, "madlibs": madlibs, "kaggle_insults_eval_only": insults, "python_latency": latency,
        "eval_sample_metrics_int8": sample_metrics, "total_seconds": round(time.time() - T0, 1),
    }
    with open(os.path.join(args.out, "metrics.json"), "w") as f:
        json.dump(meta, f, indent=2)
    with open(os.path.join(args.out, "calibration.json"), "w") as f:
        json.dump({"labels": LABELS, "platt": calib}, f, indent=2)
    os.remove(float_path)
    log("done")


if __name__ == "__main__":
    main()
