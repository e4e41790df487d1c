"""Rewrites a dynamically quantized ONNX model from u8 x s8 to u8 x u8 MatMulInteger, without changing its values.

Why: onnxruntime's x86 u8 x s8 kernels on CPUs without VNNI (AVX2, and AVX-512 without VNNI) multiply with
VPMADDUBSW, which adds two u8*s8 products into a saturating int16. Where an activation near 255 meets a weight near
+-127 twice in a row, the sum is clipped, so the same comment scores differently on such a CPU than on a VNNI CPU
(VPDPBUSD accumulates in int32). The u8 x u8 kernels widen both operands to int16 and accumulate with VPMADDWD in
int32 on every x86 instruction set, so they are exact everywhere.

The rewrite is exact: each int8 weight q with zero point z becomes the uint8 weight q + 128 with zero point z + 128,
so (q + 128) - (z + 128) = q - z and every MatMulInteger produces the same int32 result as a VNNI CPU did before.

    python3 to_u8u8.py model.onnx model-u8u8.onnx
"""
import sys

import numpy as np
import onnx
from onnx import numpy_helper


def to_u8u8(model):
    """Converts every MatMulInteger's int8 weight and weight zero point to uint8 in place; returns the count."""
    init = {i.name: i for i in model.graph.initializer}
    users = {}
    for node in model.graph.node:
        for name in node.input:
            users.setdefault(name, []).append(node)
    converted = set()
    for node in model.graph.node:
        if node.op_type != "MatMulInteger" or len(node.input) < 4:
            continue
        for name in (node.input[1], node.input[3]):
            if name in converted:
                continue
            tensor = init.get(name)
            if tensor is None:
                raise ValueError(f"{node.name}: weight input {name} is not an initializer")
            if tensor.data_type == onnx.TensorProto.UINT8:
                continue
            if tensor.data_type != onnx.TensorProto.INT8:
                raise ValueError(f"{name}: expected int8, found data type {tensor.data_type}")
            if any(u.op_type != "MatMulInteger" for u in users[name]):
                raise ValueError(f"{name} is used by another operator, converting it would change that operator")
            values = numpy_helper.to_array(tensor).astype(np.int16) + 128
            replacement = numpy_helper.from_array(values.astype(np.uint8), name)
            tensor.CopyFrom(replacement)
            converted.add(name)
    return len(converted)


def main():
    src, dst = sys.argv[1], sys.argv[2]
    model = onnx.load(src)
    n = to_u8u8(model)
    onnx.checker.check_model(model)
    onnx.save(model, dst)
    print(f"{src}: {n} int8 weight tensors and zero points rewritten as uint8 -> {dst}")


if __name__ == "__main__":
    main()
