"""Adds the encoder's last hidden state as a second output, `token_states`, without changing anything else.

Why: the span head (models/toxicity-transformer/span-head.properties, fitted by the Java tool ToxicSpanHeadTraining)
reads one vector per word piece from the same pass that scores the comment, so spans no longer cost one pass per
sentence. The new output is the input of the mean pooling that feeds the `logits` head; `logits` is computed by the
same nodes from the same weights, so every score stays bit for bit what it was (checked below with onnxruntime).

    python3 add_token_states.py model.onnx model-with-states.onnx
"""
import sys

import numpy as np
import onnx
from onnx import helper

LAST_HIDDEN = "/layers.11/ln2/LayerNormalization_output_0"
OUTPUT = "token_states"


def add_token_states(model):
    graph = model.graph
    if any(o.name == OUTPUT for o in graph.output):
        raise ValueError(f"the model already has an output {OUTPUT}")
    if not any(LAST_HIDDEN in n.output for n in graph.node):
        raise ValueError(f"no node produces {LAST_HIDDEN}: not the graph this script was written for")
    graph.node.append(helper.make_node("Identity", [LAST_HIDDEN], [OUTPUT], name="token_states_identity"))
    graph.output.append(
        helper.make_tensor_value_info(OUTPUT, onnx.TensorProto.FLOAT, ["batch", "sequence", 384]))


def same_logits(before, after):
    import onnxruntime as ort

    rng = np.random.default_rng(7)
    ids = np.concatenate([[101], rng.integers(1000, 30000, 60), [102]]).astype(np.int64)[None, :]
    feed = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
    a = ort.InferenceSession(before, providers=["CPUExecutionProvider"]).run(["logits"], feed)[0]
    b, states = ort.InferenceSession(after, providers=["CPUExecutionProvider"]).run(["logits", OUTPUT], feed)
    if not np.array_equal(a, b):
        raise AssertionError(f"logits changed: {a} vs {b}")
    return states.shape


def main():
    src, dst = sys.argv[1], sys.argv[2]
    model = onnx.load(src)
    add_token_states(model)
    onnx.checker.check_model(model)
    onnx.save(model, dst)
    print(f"{src} -> {dst}: output {OUTPUT} added; logits identical, states shape {same_logits(src, dst)}")


if __name__ == "__main__":
    main()
