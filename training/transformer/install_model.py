#!/usr/bin/env python3
"""Installs a training run's output into models/toxicity-transformer/ (stdlib only).

Usage: python3 training/transformer/install_model.py RUN_DIR [--version X.Y.Z] [--models models/toxicity-transformer]
RUN_DIR holds what run_device.sh / train.py produced for one base: model.int8.onnx (or model.onnx),
calibration.json, metrics.json and eval_sample.csv. It copies the int8 model to model.onnx, rewrites sha256, the
Platt parameters, version and the recorded library versions in model.properties, copies calibration.json, and
puts eval_sample.csv where TransformerToxicityModelTest reads it. The model card is not touched: its numbers are
written by hand from metrics.json and CascadeEvaluation.
"""
import argparse
import hashlib
import json
import os
import re
import shutil


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    repo = os.path.abspath(os.path.join(here, "..", ".."))
    ap = argparse.ArgumentParser()
    ap.add_argument("run_dir")
    ap.add_argument("--version")
    ap.add_argument("--models", default=os.path.join(repo, "models", "toxicity-transformer"))
    args = ap.parse_args()
    src = next(p for p in (os.path.join(args.run_dir, "model.int8.onnx"), os.path.join(args.run_dir, "model.onnx"))
               if os.path.exists(p))
    dest = os.path.join(args.models, "model.onnx")
    if os.path.abspath(src) != os.path.abspath(dest):
        shutil.copyfile(src, dest)
    with open(dest, "rb") as f:
        sha = hashlib.sha256(f.read()).hexdigest()
    calib = json.load(open(os.path.join(args.run_dir, "calibration.json")))
    props_path = os.path.join(args.models, "model.properties")
    props = open(props_path, encoding="utf-8").read()

    def put(key, value):
        nonlocal props
        line = f"{key}={value}"
        pattern = re.compile(r"^" + re.escape(key) + r"=.*$", re.M)
        props = pattern.sub(line, props) if pattern.search(props) else props.rstrip("\n") + "\n" + line + "\n"

    put("sha256", sha)
    if args.version:
        put("version", args.version)
    for label, ab in calib["platt"].items():
        put(f"calibration.{label}.a", f"{ab['a']:.6f}")
        put(f"calibration.{label}.b", f"{ab['b']:.6f}")
    metrics_path = os.path.join(args.run_dir, "metrics.json")
    if os.path.exists(metrics_path):
        metrics = json.load(open(metrics_path))
        for key, mk in (("torch.version", "torch"), ("onnxruntime.export.version", "onnxruntime"),
                        ("trained_on", "device")):
            if metrics.get(mk):
                put(key, metrics[mk])
    open(props_path, "w", encoding="utf-8").write(props)
    shutil.copyfile(os.path.join(args.run_dir, "calibration.json"), os.path.join(args.models, "calibration.json"))
    sample = os.path.join(args.run_dir, "eval_sample.csv")
    if os.path.exists(sample):
        shutil.copyfile(sample, os.path.join(repo, "src", "test", "resources", "toxicity-transformer", "eval_sample.csv"))
    print("installed", src, "sha256", sha)


if __name__ == "__main__":
    main()
