#!/usr/bin/python3
"""Export the end-to-end test models to ONNX with torch reference data.

Usage (Debian's interpreter, which has python3-torch / python3-onnx / python3-numpy):

    /usr/bin/python3 test/models/generate.py --out DIR [--only NAME ...]

For every model NAME this writes
    DIR/NAME.onnx                 the exported model (byte-identical between runs)
    DIR/NAME/input_<k>.npy        reference inputs, in ONNX graph-input order
    DIR/NAME/output_<k>.npy       torch fp32 outputs on those inputs, in ONNX output order
    DIR/NAME/io.json              names, shapes and dtypes of the above

Each model is built and exported under its own fixed seed (SEEDS below), in eval mode, with
do_constant_folding=True, so the weights and the inputs do not depend on which other models
are generated in the same run.
"""

import argparse
import json
import math
import os
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

import onnx

# ---------------------------------------------------------------------------------------------
# Building blocks
# ---------------------------------------------------------------------------------------------


class TimmAttention(nn.Module):
    """timm ViT attention: fused qkv Linear, reshape/permute, unbind."""

    def __init__(self, dim, num_heads):
        super().__init__()
        self.num_heads = num_heads
        self.head_dim = dim // num_heads
        self.scale = self.head_dim ** -0.5
        self.qkv = nn.Linear(dim, dim * 3)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x):
        B, N, C = x.shape
        qkv = self.qkv(x).reshape(B, N, 3, self.num_heads, self.head_dim).permute(2, 0, 3, 1, 4)
        q, k, v = qkv.unbind(0)
        attn = (q @ k.transpose(-2, -1)) * self.scale
        attn = attn.softmax(dim=-1)
        x = (attn @ v).transpose(1, 2).reshape(B, N, C)
        x = self.proj(x)
        return x


class Mlp(nn.Module):
    def __init__(self, dim, hidden, act):
        super().__init__()
        self.fc1 = nn.Linear(dim, hidden)
        self.act = act
        self.fc2 = nn.Linear(hidden, dim)

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x)))


class ViTBlock(nn.Module):
    def __init__(self, dim, num_heads, mlp_ratio=4.0, eps=1e-6):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim, eps=eps)
        self.attn = TimmAttention(dim, num_heads)
        self.norm2 = nn.LayerNorm(dim, eps=eps)
        self.mlp = Mlp(dim, int(dim * mlp_ratio), nn.GELU())

    def forward(self, x):
        x = x + self.attn(self.norm1(x))
        x = x + self.mlp(self.norm2(x))
        return x


class ViT(nn.Module):
    """DeiT/timm-style ViT: Conv2d patch embedding, cls token, learned pos embed, pre-norm."""

    def __init__(self, img_size, patch, dim, depth, num_heads, num_classes, in_chans=3):
        super().__init__()
        n_patches = (img_size // patch) ** 2
        self.patch_embed = nn.Conv2d(in_chans, dim, kernel_size=patch, stride=patch)
        self.cls_token = nn.Parameter(torch.zeros(1, 1, dim))
        self.pos_embed = nn.Parameter(torch.zeros(1, n_patches + 1, dim))
        nn.init.trunc_normal_(self.cls_token, std=0.02)
        nn.init.trunc_normal_(self.pos_embed, std=0.02)
        self.blocks = nn.Sequential(*[ViTBlock(dim, num_heads) for _ in range(depth)])
        self.norm = nn.LayerNorm(dim, eps=1e-6)
        self.head = nn.Linear(dim, num_classes)

    def forward(self, x):
        x = self.patch_embed(x).flatten(2).transpose(1, 2)  # B, N, C
        cls = self.cls_token.expand(x.shape[0], -1, -1)
        x = torch.cat((cls, x), dim=1)
        x = x + self.pos_embed
        x = self.blocks(x)
        x = self.norm(x)
        return self.head(x[:, 0])


# --- BERT ---------------------------------------------------------------------------------------


def gelu_tanh(x):
    return 0.5 * x * (1 + torch.tanh(math.sqrt(2 / math.pi) * (x + 0.044715 * torch.pow(x, 3))))


class BertSelfAttention(nn.Module):
    def __init__(self, hidden, num_heads):
        super().__init__()
        self.num_heads = num_heads
        self.head_dim = hidden // num_heads
        self.query = nn.Linear(hidden, hidden)
        self.key = nn.Linear(hidden, hidden)
        self.value = nn.Linear(hidden, hidden)

    def forward(self, x, ext_mask):
        B, S, C = x.shape
        H, D = self.num_heads, self.head_dim
        q = self.query(x).view(B, S, H, D).transpose(1, 2)
        k = self.key(x).view(B, S, H, D).transpose(1, 2)
        v = self.value(x).view(B, S, H, D).transpose(1, 2)
        scores = q @ k.transpose(-1, -2) / math.sqrt(D)
        scores = scores + ext_mask
        probs = torch.softmax(scores, dim=-1)
        ctx = (probs @ v).transpose(1, 2).reshape(B, S, C)
        return ctx


class BertLayer(nn.Module):
    def __init__(self, hidden, num_heads, ffn, eps=1e-12):
        super().__init__()
        self.attention = BertSelfAttention(hidden, num_heads)
        self.attn_out = nn.Linear(hidden, hidden)
        self.attn_norm = nn.LayerNorm(hidden, eps=eps)
        self.intermediate = nn.Linear(hidden, ffn)
        self.output = nn.Linear(ffn, hidden)
        self.out_norm = nn.LayerNorm(hidden, eps=eps)

    def forward(self, x, ext_mask):
        h = self.attn_norm(x + self.attn_out(self.attention(x, ext_mask)))
        return self.out_norm(h + self.output(gelu_tanh(self.intermediate(h))))


class BertEncoder(nn.Module):
    def __init__(self, vocab=1000, max_len=128, hidden=256, layers=4, heads=4, ffn=1024):
        super().__init__()
        self.word_embeddings = nn.Embedding(vocab, hidden)
        self.position_embeddings = nn.Embedding(max_len, hidden)
        self.register_buffer("position_ids", torch.arange(max_len).unsqueeze(0))
        self.emb_norm = nn.LayerNorm(hidden, eps=1e-12)
        self.layers = nn.ModuleList([BertLayer(hidden, heads, ffn) for _ in range(layers)])

    def forward(self, input_ids, attention_mask):
        S = input_ids.shape[1]
        x = self.word_embeddings(input_ids) + self.position_embeddings(self.position_ids[:, :S])
        x = self.emb_norm(x)
        ext_mask = (1.0 - attention_mask[:, None, None, :]) * -10000.0
        for layer in self.layers:
            x = layer(x, ext_mask)
        return x


# --- GPT ----------------------------------------------------------------------------------------


class CausalSelfAttention(nn.Module):
    def __init__(self, dim, num_heads, max_len):
        super().__init__()
        self.num_heads = num_heads
        self.head_dim = dim // num_heads
        self.c_attn = nn.Linear(dim, 3 * dim)
        self.c_proj = nn.Linear(dim, dim)
        self.register_buffer("mask", torch.tril(torch.ones(max_len, max_len)).view(1, 1, max_len, max_len))

    def forward(self, x):
        B, T, C = x.shape
        H, D = self.num_heads, self.head_dim
        q, k, v = self.c_attn(x).split(C, dim=2)
        q = q.view(B, T, H, D).transpose(1, 2)
        k = k.view(B, T, H, D).transpose(1, 2)
        v = v.view(B, T, H, D).transpose(1, 2)
        q = q * (D ** -0.5)
        att = q @ k.transpose(-2, -1)
        att = att.masked_fill(self.mask[:, :, :T, :T] == 0, float("-inf"))
        att = F.softmax(att, dim=-1)
        y = (att @ v).transpose(1, 2).contiguous().view(B, T, C)
        return self.c_proj(y)


class GPTBlock(nn.Module):
    def __init__(self, dim, num_heads, max_len):
        super().__init__()
        self.ln_1 = nn.LayerNorm(dim)
        self.attn = CausalSelfAttention(dim, num_heads, max_len)
        self.ln_2 = nn.LayerNorm(dim)
        self.mlp = Mlp(dim, 4 * dim, nn.GELU(approximate="tanh"))

    def forward(self, x):
        x = x + self.attn(self.ln_1(x))
        x = x + self.mlp(self.ln_2(x))
        return x


class GPTDecoder(nn.Module):
    def __init__(self, vocab=1000, max_len=64, dim=256, layers=4, heads=4):
        super().__init__()
        self.wte = nn.Embedding(vocab, dim)
        self.wpe = nn.Embedding(max_len, dim)
        nn.init.normal_(self.wte.weight, std=0.02)
        nn.init.normal_(self.wpe.weight, std=0.02)
        self.blocks = nn.ModuleList([GPTBlock(dim, heads, max_len) for _ in range(layers)])
        self.ln_f = nn.LayerNorm(dim)
        self.lm_head = nn.Linear(dim, vocab, bias=False)
        self.lm_head.weight = self.wte.weight  # tied

    def forward(self, input_ids):
        T = input_ids.shape[1]
        pos = torch.arange(0, T, dtype=torch.long).unsqueeze(0)
        x = self.wte(input_ids) + self.wpe(pos)
        for block in self.blocks:
            x = block(x)
        return self.lm_head(self.ln_f(x))


# --- Hybrid conv + attention ----------------------------------------------------------------------


class HandAttention(nn.Module):
    """qkv Linear, index [0]/[1]/[2] instead of unbind, torch.matmul + F.softmax."""

    def __init__(self, dim, num_heads):
        super().__init__()
        self.num_heads = num_heads
        self.head_dim = dim // num_heads
        self.scale = self.head_dim ** -0.5
        self.qkv = nn.Linear(dim, 3 * dim)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x):
        B, N, C = x.shape
        qkv = self.qkv(x).reshape(B, N, 3, self.num_heads, self.head_dim).permute(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]
        attn = torch.matmul(q, k.transpose(-2, -1)) * self.scale
        attn = F.softmax(attn, dim=-1)
        out = torch.matmul(attn, v).permute(0, 2, 1, 3).reshape(B, N, C)
        return self.proj(out)


class HybridBlock(nn.Module):
    def __init__(self, dim, heads):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim)
        self.attn = HandAttention(dim, heads)
        self.norm2 = nn.LayerNorm(dim)
        self.mlp = Mlp(dim, 4 * dim, nn.GELU())

    def forward(self, x):
        x = x + self.attn(self.norm1(x))
        x = x + self.mlp(self.norm2(x))
        return x


class Hybrid(nn.Module):
    def __init__(self, dim=64, heads=2, depth=2, num_classes=10):
        super().__init__()
        self.stem_conv = nn.Conv2d(3, 32, 3, stride=2, padding=1, bias=False)
        self.stem_bn = nn.BatchNorm2d(32)
        self.dw = nn.Conv2d(32, 32, 3, padding=1, groups=32)
        self.pw = nn.Conv2d(32, dim, 1)
        self.pool = nn.MaxPool2d(2)
        self.blocks = nn.Sequential(*[HybridBlock(dim, heads) for _ in range(depth)])
        self.head = nn.Linear(dim, num_classes)
        # Non-trivial BN statistics so that folding BN into the conv is actually exercised.
        with torch.no_grad():
            self.stem_bn.running_mean.uniform_(-0.5, 0.5)
            self.stem_bn.running_var.uniform_(0.5, 2.0)
            self.stem_bn.weight.uniform_(0.5, 1.5)
            self.stem_bn.bias.uniform_(-0.2, 0.2)

    def forward(self, x):
        x = F.relu(self.stem_bn(self.stem_conv(x)))  # B,32,32,32
        x = F.relu(self.pw(self.dw(x)))              # B,64,32,32
        x = self.pool(x)                             # B,64,16,16
        x = x.flatten(2).transpose(1, 2)             # B,256,64
        x = self.blocks(x)
        x = x.mean(dim=1)
        return self.head(x)


# --- nn.MultiheadAttention ------------------------------------------------------------------------


class MHAModel(nn.Module):
    def __init__(self, dim=64, heads=4):
        super().__init__()
        self.norm = nn.LayerNorm(dim)
        self.mha = nn.MultiheadAttention(embed_dim=dim, num_heads=heads, batch_first=True)
        self.out = nn.Linear(dim, dim)

    def forward(self, x):
        h = self.norm(x)
        a, _ = self.mha(h, h, h, need_weights=False)
        return self.out(a)


# ---------------------------------------------------------------------------------------------
# Model table
# ---------------------------------------------------------------------------------------------


def _randomize_affine(model):
    """Give every LayerNorm a non-trivial affine and every all-zero bias small random values.

    Default init leaves LN gamma=1/beta=0 and some biases (e.g. nn.MultiheadAttention's) at zero,
    which hides LN-affine folding bugs and makes torch dedup equal initializers into Identity
    nodes. Runs after the seeded construction, so it is deterministic.
    """
    with torch.no_grad():
        for mod in model.modules():
            if isinstance(mod, nn.LayerNorm):
                mod.weight.copy_(1.0 + 0.1 * torch.randn_like(mod.weight))
                mod.bias.copy_(0.05 * torch.randn_like(mod.bias))
        for pname, param in model.named_parameters():
            if pname.endswith("bias") and not bool(param.any()):
                param.copy_(0.02 * torch.randn_like(param))


def _randn(gen, *shape):
    return torch.randn(*shape, generator=gen, dtype=torch.float32)


def make_vit_tiny(gen):
    m = ViT(img_size=224, patch=16, dim=192, depth=12, num_heads=3, num_classes=1000)
    return m, {"pixels": _randn(gen, 1, 3, 224, 224)}, ["logits"], 12, None


def make_bert_encoder(gen):
    m = BertEncoder()
    ids = torch.randint(0, 1000, (1, 128), generator=gen, dtype=torch.int64)
    mask = torch.ones(1, 128, dtype=torch.float32)
    mask[:, 100:] = 0.0  # last 28 positions are padding
    return m, {"input_ids": ids, "attention_mask": mask}, ["hidden"], 13, None


def make_gpt_decoder(gen):
    m = GPTDecoder()
    ids = torch.randint(0, 1000, (1, 64), generator=gen, dtype=torch.int64)
    return m, {"input_ids": ids}, ["logits"], 14, None


def make_hybrid(gen):
    return Hybrid(), {"pixels": _randn(gen, 1, 3, 64, 64)}, ["logits"], 17, None


def make_mha(gen):
    return MHAModel(), {"x": _randn(gen, 2, 16, 64)}, ["hidden"], 13, None


def make_vit_dynamic(gen):
    m = ViT(img_size=32, patch=8, dim=64, depth=2, num_heads=2, num_classes=10)
    return m, {"pixels": _randn(gen, 1, 3, 32, 32)}, ["logits"], 11, {"pixels": {0: "batch"}, "logits": {0: "batch"}}


# name -> (factory, seed)
MODELS = {
    "vit_tiny": (make_vit_tiny, 101),
    "bert_encoder": (make_bert_encoder, 102),
    "gpt_decoder": (make_gpt_decoder, 103),
    "hybrid": (make_hybrid, 104),
    "mha": (make_mha, 105),
    "vit_dynamic": (make_vit_dynamic, 106),
}


# ---------------------------------------------------------------------------------------------
# Export
# ---------------------------------------------------------------------------------------------


def _onnx_dims(value_info):
    dims = []
    for d in value_info.type.tensor_type.shape.dim:
        if d.HasField("dim_value"):
            dims.append(d.dim_value)
        elif d.HasField("dim_param"):
            dims.append(d.dim_param)
        else:
            dims.append(None)
    return dims


def export_one(name, out_dir):
    factory, seed = MODELS[name]
    torch.manual_seed(seed)
    gen = torch.Generator().manual_seed(seed + 1000)
    model, inputs, output_names, opset, dynamic_axes = factory(gen)
    _randomize_affine(model)
    model.eval()
    input_names = list(inputs.keys())
    args = tuple(inputs[n] for n in input_names)

    # Grad stays enabled (parameters require grad) for both the reference run and the export:
    # under no_grad, eval-mode nn.MultiheadAttention takes its fast path
    # (aten::_native_multi_head_attention), which torch 1.13 cannot export to ONNX.
    ref = model(*args)
    refs = list(ref) if isinstance(ref, (tuple, list)) else [ref]

    onnx_path = os.path.join(out_dir, name + ".onnx")
    torch.onnx.export(
        model,
        args,
        onnx_path,
        input_names=input_names,
        output_names=output_names,
        opset_version=opset,
        do_constant_folding=True,
        export_params=True,
        training=torch.onnx.TrainingMode.EVAL,
        dynamic_axes=dynamic_axes,
    )

    proto = onnx.load(onnx_path)
    graph_inputs = [i for i in proto.graph.input]
    init_names = {i.name for i in proto.graph.initializer}
    graph_inputs = [i for i in graph_inputs if i.name not in init_names]
    if [i.name for i in graph_inputs] != input_names:
        raise RuntimeError("%s: ONNX inputs %s differ from %s" % (name, [i.name for i in graph_inputs], input_names))
    if [o.name for o in proto.graph.output] != output_names:
        raise RuntimeError("%s: ONNX outputs differ" % name)

    ref_dir = os.path.join(out_dir, name)
    os.makedirs(ref_dir, exist_ok=True)
    io = {"model": name + ".onnx", "opset": opset, "seed": seed, "inputs": [], "outputs": []}
    for k, (vi, n) in enumerate(zip(graph_inputs, input_names)):
        arr = inputs[n].numpy()
        fname = "input_%d.npy" % k
        np.save(os.path.join(ref_dir, fname), arr)
        io["inputs"].append({"name": n, "file": fname, "shape": list(arr.shape), "dtype": str(arr.dtype),
                             "onnx_shape": _onnx_dims(vi)})
    for k, (vo, t) in enumerate(zip(proto.graph.output, refs)):
        arr = t.detach().numpy().astype(np.float32)
        fname = "output_%d.npy" % k
        np.save(os.path.join(ref_dir, fname), arr)
        io["outputs"].append({"name": vo.name, "file": fname, "shape": list(arr.shape), "dtype": str(arr.dtype),
                              "onnx_shape": _onnx_dims(vo)})
    with open(os.path.join(ref_dir, "io.json"), "w") as f:
        json.dump(io, f, indent=2, sort_keys=True)
        f.write("\n")
    return onnx_path


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--only", nargs="+", choices=sorted(MODELS), help="generate only these models")
    args = ap.parse_args(argv)
    os.makedirs(args.out, exist_ok=True)
    torch.set_num_threads(1)  # determinism of the reference numbers; the models are small
    names = args.only or list(MODELS)
    for name in names:
        t0 = time.time()
        path = export_one(name, args.out)
        print("%-14s %8.1f KB  %5.1f s  %s" % (name, os.path.getsize(path) / 1024.0, time.time() - t0, path))
    return 0


if __name__ == "__main__":
    sys.exit(main())
