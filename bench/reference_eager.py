#!/usr/bin/env python3
"""Ideogram 4 DiT reference maths in plain PyTorch, timed the way the official pipeline runs it.

Written by us from ../shared/docs/ideogram4-spec.md (section F); it follows the same reading as
core/model/ideogram4_transformer.cpp. One denoising step = the conditional transformer over
T text + N image tokens, then the unconditional transformer (its own weights) over the N image
tokens, then CFG and the Euler update in float32. Variants (all bf16 activations):
  a  official-style: fp8 e4m3 weights + per-row scales dequantised on every call, a dense
     boolean mask, llm_cond_proj over every token (a zero fp32 feature tensor for uncond)
  b  bf16 weights resident, no mask, llm_cond_proj on text rows only (--llm-proj all: every row)
  c  b under torch.compile (default mode); c_mat: b under mode="max-autotune-no-cudagraphs"
Random weights at the real width; run at two layer counts, the per-layer slope gives the
34-layer figure (t(Lmax) + (34 - Lmax) * slope), as in ../shared/docs/performance.md section 0a.

  python bench/reference_eager.py                       # GPU, 1024x1024, T=502, layers 2 and 4
  python bench/reference_eager.py --cpu-check ../shared/golden   # float32 parity on the CPU
"""
import argparse
import dataclasses
import json
import math
import os
import statistics
import struct
import sys
import time

import torch
import torch.nn.functional as F

INDICATOR_IMAGE, INDICATOR_TEXT = 2, 3  # spec F.2
LLM_NORM_EPS = 1e-6
FINAL_NORM_EPS = 1e-6
TIME_SCALE = 1e4
IMAGE_T = 65536  # image tokens sit at T position 65536 (spec F.1)
FULL_LAYERS = 34


@dataclasses.dataclass(frozen=True)
class Config:  # defaults: the published model (spec E.2)
    hidden: int = 4608
    heads: int = 18
    head_dim: int = 256
    ff: int = 12288
    adaln: int = 512
    in_ch: int = 128
    llm: int = 53248
    mrope: tuple = (24, 20, 20)
    theta: float = 5e6
    eps: float = 1e-5


REAL = Config()
TINY = Config(hidden=128, heads=2, head_dim=64, ff=256, adaln=32, llm=208, mrope=(8, 6, 6))


def config_from_json(path):
    with open(path) as f:
        c = json.load(f)
    heads, head_dim = c["num_attention_heads"], c["attention_head_dim"]
    cfg = Config(hidden=heads * head_dim, heads=heads, head_dim=head_dim, ff=c["intermediate_size"],
                 adaln=c["adaln_dim"], in_ch=c["in_channels"], llm=c["llm_features_dim"],
                 mrope=tuple(c["mrope_section"]), theta=float(c["rope_theta"]), eps=c["norm_eps"])
    return cfg, c["num_layers"]


# ---------------------------------------------------------------------------------------------
# The model. Parameters are a flat dict keyed by checkpoint names (spec E.3); the compute dtype
# is that of embed_image_indicator (bf16 on the GPU, float32 in --cpu-check).

def linear(p, name, x):
    w = p[name + ".weight"]
    scale = p.get(name + ".weight_scale")
    if scale is not None:
        # Official Fp8Linear: a fresh weight in the compute dtype on every call, scale cast to
        # that dtype before the multiply (spec E.4).
        w = w.to(x.dtype) * scale.to(x.dtype)[:, None]
    return F.linear(x, w, p.get(name + ".bias"))


def rms_norm(x, weight, eps):
    return F.rms_norm(x, (x.shape[-1],), weight.to(x.dtype), eps)


def time_embedding(p, cfg, t):
    # Sinusoid of 1e4 * t, sin before cos, frequencies exp(-i ln(1e4) / (half - 1)) (spec F.1);
    # t arrives already rounded to the compute dtype, as the official model casts it at entry.
    half = cfg.hidden // 2
    freqs = torch.exp(torch.arange(half, dtype=torch.float32, device=t.device)
                      * (-math.log(10000.0) / (half - 1)))                     # [half] f32
    args = (t.float() * TIME_SCALE)[:, None] * freqs[None]                     # [B, half] f32
    emb = torch.cat([args.sin(), args.cos()], -1).to(t.dtype)                  # [B, D]
    return linear(p, "t_embedding.mlp_out", F.silu(linear(p, "t_embedding.mlp_in", emb)))


def rope_tables(cfg, pos, dtype):
    # Interleaved MRoPE (spec F.1, F.5 item 5): slot i takes H if i % 3 == 1 and i < 3 * mrope[1],
    # W if i % 3 == 2 and i < 3 * mrope[2], else T. Angles in float32: a bf16 product would
    # collapse image positions near 65536 onto shared angles.
    slots = cfg.head_dim // 2
    exps = torch.arange(0, cfg.head_dim, 2, dtype=torch.int64, device=pos.device).float() / cfg.head_dim
    inv_freq = torch.reciprocal(torch.pow(cfg.theta, exps))                    # [Dh/2] f32
    freqs = pos.float()[..., None] * inv_freq                                  # [B, L, 3, Dh/2]
    angles = freqs[:, :, 0].clone()                                            # [B, L, Dh/2]
    for axis in (1, 2):
        end = min(3 * cfg.mrope[axis], slots)
        if end <= axis:
            continue
        idx = torch.arange(axis, end, 3, device=pos.device)
        angles[..., idx] = freqs[:, :, axis, idx]
    emb = torch.cat([angles, angles], -1)                                      # [B, L, Dh] f32
    return emb.cos().to(dtype), emb.sin().to(dtype)


def apply_rope(x, cos, sin):  # split-half rotation; x [B, L, H, Dh], cos/sin [B, L, 1, Dh]
    x1, x2 = x.chunk(2, -1)
    return x * cos + torch.cat([-x2, x1], -1) * sin


def block(p, pre, cfg, h, adaln, cos, sin, mask):
    b, n, d = h.shape
    mod = linear(p, pre + "adaln_modulation", adaln).chunk(4, -1)            # 4 x [B, 1, D]
    scale_msa, gate_msa, scale_mlp, gate_mlp = 1 + mod[0], mod[1].tanh(), 1 + mod[2], mod[3].tanh()

    a = rms_norm(h, p[pre + "attention_norm1.weight"], cfg.eps) * scale_msa
    qkv = linear(p, pre + "attention.qkv", a).view(b, n, 3, cfg.heads, cfg.head_dim)
    q = rms_norm(qkv[:, :, 0], p[pre + "attention.norm_q.weight"], cfg.eps)  # [B, L, H, Dh]
    k = rms_norm(qkv[:, :, 1], p[pre + "attention.norm_k.weight"], cfg.eps)
    c, s = cos.unsqueeze(2), sin.unsqueeze(2)
    q = apply_rope(q, c, s).transpose(1, 2)                                   # [B, H, L, Dh]
    k = apply_rope(k, c, s).transpose(1, 2)
    v = qkv[:, :, 2].transpose(1, 2)
    o = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)               # scale 1/sqrt(Dh)
    o = o.transpose(1, 2).reshape(b, n, d)                                    # [B, L, D]
    h = h + gate_msa * rms_norm(linear(p, pre + "attention.o", o), p[pre + "attention_norm2.weight"], cfg.eps)

    u = rms_norm(h, p[pre + "ffn_norm1.weight"], cfg.eps) * scale_mlp
    ff = linear(p, pre + "feed_forward.w2",
                F.silu(linear(p, pre + "feed_forward.w1", u)) * linear(p, pre + "feed_forward.w3", u))
    return h + gate_mlp * rms_norm(ff, p[pre + "ffn_norm2.weight"], cfg.eps)


def forward(p, cfg, n_layers, x, t, llm, pos, seg, ind, text_rows, dense_mask):
    """x [B, L, C], t [B], llm [B, L, Dllm] or None, pos [B, L, 3], seg/ind [B, L] -> [B, L, C] f32.

    text_rows None: the official path, llm_cond_proj over every token of llm (masked before and
    after); else the flat row indices of the text tokens [T] i64, projected alone (same values).
    """
    dt = p["embed_image_indicator.weight"].dtype
    b, n, _ = x.shape
    image = ind == INDICATOR_IMAGE                                            # [B, L] bool
    image_f = image.unsqueeze(-1).to(dt)                                      # [B, L, 1]
    h = linear(p, "input_proj", x.to(dt) * image_f) * image_f                 # [B, L, D]
    if text_rows is not None:
        rows = llm.reshape(b * n, -1).index_select(0, text_rows).to(dt)       # [T, Dllm]
        e = linear(p, "llm_cond_proj", rms_norm(rows, p["llm_cond_norm.weight"], LLM_NORM_EPS))
        h = h.reshape(b * n, -1).index_add(0, text_rows, e).view(b, n, -1)
    elif llm is not None:
        text_f = (ind == INDICATOR_TEXT).unsqueeze(-1).to(dt)
        e = rms_norm(llm.to(dt) * text_f, p["llm_cond_norm.weight"], LLM_NORM_EPS)
        h = h + linear(p, "llm_cond_proj", e) * text_f
    h = h + F.embedding(image.long(), p["embed_image_indicator.weight"])      # row 1 = image

    adaln = F.silu(linear(p, "adaln_proj", time_embedding(p, cfg, t.to(dt)))).unsqueeze(1)  # [B, 1, A]
    cos, sin = rope_tables(cfg, pos, dt)
    mask = (seg[:, :, None] == seg[:, None, :]).unsqueeze(1) if dense_mask else None  # [B, 1, L, L]
    for i in range(n_layers):
        h = block(p, f"layers.{i}.", cfg, h, adaln, cos, sin, mask)

    # The final layer applies silu again to the already-silu'd adaLN input (spec F.5 item 4).
    scale = linear(p, "final_layer.adaln_modulation", F.silu(adaln)) + 1
    normed = F.layer_norm(h.float(), (h.shape[-1],), eps=FINAL_NORM_EPS).to(dt)
    return linear(p, "final_layer.linear", normed * scale).float()


# ---------------------------------------------------------------------------------------------
# Golden parity on the CPU in float32.

ST_DTYPES = {"F32": torch.float32, "BF16": torch.bfloat16, "I64": torch.int64, "F8_E4M3": torch.uint8}


def read_safetensors(path):
    try:
        from safetensors.torch import load_file
        return load_file(path)
    except ImportError:
        pass
    # 8-byte little-endian header length, JSON header, raw little-endian data.
    with open(path, "rb") as f:
        header = json.loads(f.read(struct.unpack("<Q", f.read(8))[0]))
        data = bytearray(f.read())
    out = {}
    for key, meta in header.items():
        if key == "__metadata__":
            continue
        lo, hi = meta["data_offsets"]
        raw = bytearray(data[lo:hi])  # own copy: aligned and writable for frombuffer
        dtype = ST_DTYPES[meta["dtype"]]
        t = torch.frombuffer(raw, dtype=dtype) if raw else torch.empty(0, dtype=dtype)
        if meta["dtype"] == "F8_E4M3":
            t = t.view(torch.float8_e4m3fn)
        out[key] = t.reshape(meta["shape"])
    return out


def load_folder(folder):
    """A transformer folder (single file or index + shards) -> float32 params, fp8 codes kept."""
    index = os.path.join(folder, "diffusion_pytorch_model.safetensors.index.json")
    if os.path.exists(index):
        with open(index) as f:
            files = sorted(set(json.load(f)["weight_map"].values()))
    else:
        files = ["diffusion_pytorch_model.safetensors"]
    p = {}
    for name in files:
        for k, v in read_safetensors(os.path.join(folder, name)).items():
            p[k] = v if v.dtype == torch.float8_e4m3fn else v.float()
    return p


def rel_err(out, ref):
    return ((out - ref).norm() / ref.norm()).item()


def cpu_check(golden):
    io = read_safetensors(os.path.join(golden, "dit", "io.safetensors"))
    x, t, llm = io["in.x"], io["in.t"], io["in.llm_features"]
    pos, seg, ind = io["in.position_ids"], io["in.segment_ids"], io["in.indicator"]
    text_rows = (ind == INDICATOR_TEXT).flatten().nonzero().squeeze(1)       # [T] i64
    # Unconditional inputs (spec F.2): the image tokens alone, segment 1, indicator 2, no text.
    b, n_img = x.shape[0], int((ind[0] == INDICATOR_IMAGE).sum())
    img = ind == INDICATOR_IMAGE
    xu, posu = x[img].view(b, n_img, -1), pos[img].view(b, n_img, 3)
    segu, indu = torch.ones(b, n_img, dtype=torch.int64), torch.full((b, n_img), INDICATOR_IMAGE)
    llmu = torch.zeros(b, n_img, llm.shape[-1])

    cases = []
    for model, io_name in (("tiny-ideogram4-bf16", "io.safetensors"),
                           ("tiny-ideogram4-fp8", "io_fp8.safetensors")):
        root = os.path.join(golden, model)
        if not os.path.isdir(root):
            print(f"cpu-check: {root} not found, skipped")
            continue
        cfg, layers = config_from_json(os.path.join(root, "transformer", "config.json"))
        ref = read_safetensors(os.path.join(golden, "dit", io_name))
        pc = load_folder(os.path.join(root, "transformer"))
        for proj, rows in (("all", None), ("text", text_rows)):
            out = forward(pc, cfg, layers, x, t, llm, pos, seg, ind, rows, dense_mask=True)
            cases.append((f"{model} cond, dense mask, llm_cond_proj {proj}", out, ref["out.velocity_cond"]))
        if "out.velocity_uncond" in ref:
            pu = load_folder(os.path.join(root, "unconditional_transformer"))
            for mask in (True, False):
                out = forward(pu, cfg, layers, xu, t, llmu, posu, segu, indu, None, dense_mask=mask)
                label = f"{model} uncond, {'dense' if mask else 'no'} mask"
                cases.append((label, out, ref["out.velocity_uncond"]))
    ok = bool(cases)
    for label, out, want in cases:
        e = rel_err(out, want)
        good = e <= 1e-4 and not torch.isnan(out).any()
        ok &= good
        print(f"cpu-check {label:55s} rel. error {e:.3e}  {'ok' if good else 'FAIL (limit 1e-4)'}")
    print("cpu-check:", "PASS" if ok else "FAIL")
    return ok


# ---------------------------------------------------------------------------------------------
# Timing at the real width with random weights.

def random_weights(cfg, n_layers, device, gen):
    """bf16 params [out, in] ~ N(0, 1/in), so activations stay O(1) through the layers."""
    p = {}

    def lin(name, out, inp, bias=True):
        p[name + ".weight"] = (torch.randn(out, inp, device=device, generator=gen) * inp ** -0.5).bfloat16()
        if bias:
            p[name + ".bias"] = (torch.randn(out, device=device, generator=gen) * 0.02).bfloat16()

    def vec(name, size):
        p[name] = (1 + 0.1 * torch.randn(size, device=device, generator=gen)).bfloat16()

    d = cfg.hidden
    lin("input_proj", d, cfg.in_ch)
    vec("llm_cond_norm.weight", cfg.llm)
    lin("llm_cond_proj", d, cfg.llm)
    lin("t_embedding.mlp_in", d, d)
    lin("t_embedding.mlp_out", d, d)
    lin("adaln_proj", cfg.adaln, d)
    p["embed_image_indicator.weight"] = torch.randn(2, d, device=device, generator=gen).bfloat16()
    for i in range(n_layers):
        pre = f"layers.{i}."
        lin(pre + "attention.qkv", 3 * d, d, bias=False)
        lin(pre + "attention.o", d, d, bias=False)
        lin(pre + "feed_forward.w1", cfg.ff, d, bias=False)
        lin(pre + "feed_forward.w2", d, cfg.ff, bias=False)
        lin(pre + "feed_forward.w3", cfg.ff, d, bias=False)
        lin(pre + "adaln_modulation", 4 * d, cfg.adaln)
        vec(pre + "attention.norm_q.weight", cfg.head_dim)
        vec(pre + "attention.norm_k.weight", cfg.head_dim)
        for norm in ("attention_norm1", "attention_norm2", "ffn_norm1", "ffn_norm2"):
            vec(pre + norm + ".weight", d)
    lin("final_layer.linear", cfg.in_ch, d)
    lin("final_layer.adaln_modulation", d, cfg.adaln)
    return p


def to_fp8(p):
    """Every Linear weight -> e4m3 codes + f32 <key>_scale = rowmax|w| / 448, as the fp8 repo (spec E.4)."""
    q = {}
    for k, w in p.items():
        if k.endswith(".weight") and w.dim() == 2 and k != "embed_image_indicator.weight":
            scale = w.float().abs().amax(1).clamp_min(1e-12) / 448.0             # [out] f32
            q[k] = (w.float() / scale[:, None]).to(torch.float8_e4m3fn)
            q[k + "_scale"] = scale
        else:
            q[k] = w
    return q


def packed_inputs(cfg, n_text, size, device, gen):
    """Batch 1, [text][image] as the pipeline packs it (spec F.2): no padding, one segment."""
    g = size // 16
    n_img = g * g
    i = torch.arange(n_text, device=device)
    hh, ww = torch.meshgrid(torch.arange(g, device=device), torch.arange(g, device=device), indexing="ij")
    pos_img = torch.stack([torch.full_like(hh, IMAGE_T), IMAGE_T + hh, IMAGE_T + ww], -1).view(1, n_img, 3)
    llm = torch.zeros(1, n_text + n_img, cfg.llm, device=device)              # [1, L, Dllm] f32
    llm[:, :n_text] = torch.randn(1, n_text, cfg.llm, device=device, generator=gen)
    ind_c = torch.cat([torch.full((n_text,), INDICATOR_TEXT, device=device),
                       torch.full((n_img,), INDICATOR_IMAGE, device=device)])[None]
    return dict(
        n_text=n_text, n_img=n_img, llm=llm, text_rows=i,
        pos_c=torch.cat([i[None, :, None].expand(1, n_text, 3), pos_img], 1), ind_c=ind_c,
        seg_c=torch.ones(1, n_text + n_img, dtype=torch.int64, device=device),
        pos_u=pos_img, ind_u=torch.full((1, n_img), INDICATOR_IMAGE, device=device),
        seg_u=torch.ones(1, n_img, dtype=torch.int64, device=device),
        z=torch.randn(1, n_img, cfg.in_ch, device=device, generator=gen),     # [1, N, C] f32
        zeros_text=torch.zeros(1, n_text, cfg.in_ch, device=device))


def sdpa_backend(cfg, n, mask, device):
    """Which backend eager SDPA picks for the layer's q/k/v layout (views over [B, L, H, Dh])."""
    q = torch.randn(1, n, cfg.heads, cfg.head_dim, device=device, dtype=torch.bfloat16).transpose(1, 2)
    m = torch.ones(1, 1, n, n, dtype=torch.bool, device=device) if mask else None
    try:
        return torch.nn.attention.SDPBackend(torch._fused_sdp_choice(q, q, q, m, 0.0, False)).name
    except (AttributeError, RuntimeError, ValueError) as e:  # a private API: log, don't stop
        return f"unknown ({type(e).__name__}: {e})"


def run_variant(key, fn, p_c, p_u, cfg, n_layers, inp, llm_mode, dense_mask, args, cuda):
    t = torch.tensor([0.5], device=inp["z"].device)
    gw, dt_step = 7.0, -0.05
    # Official uncond input: a zero fp32 feature tensor [1, N, Dllm] (872 MB at 1024^2), made once.
    llm_u = torch.zeros(1, inp["n_img"], cfg.llm, device=t.device) if llm_mode == "all" else None
    rows = inp["text_rows"] if llm_mode == "text" else None

    def cond():
        x = torch.cat([inp["zeros_text"], inp["z"]], 1)                         # [1, T + N, C] f32
        return fn(p_c, cfg, n_layers, x, t, inp["llm"], inp["pos_c"], inp["seg_c"], inp["ind_c"],
                  rows, dense_mask)[:, inp["n_text"]:]

    def uncond(vc):
        vu = fn(p_u, cfg, n_layers, inp["z"], t, llm_u, inp["pos_u"], inp["seg_u"], inp["ind_u"],
                None, dense_mask)
        return vc, vu, inp["z"] + (gw * vc + (1 - gw) * vu) * dt_step       # CFG + Euler, f32

    sync = torch.cuda.synchronize if cuda else (lambda: None)
    if cuda:
        torch.cuda.reset_peak_memory_stats()
    start = time.perf_counter()
    uncond(cond())
    sync()
    first_s = time.perf_counter() - start                                   # includes compilation
    for _ in range(args.warmup - 1):
        uncond(cond())
    sync()
    # A mark is a recorded CUDA event (no sync inside the loop) or, on the CPU, where every op is
    # synchronous, the wall clock.
    def mark():
        if not cuda:
            return time.perf_counter()
        event = torch.cuda.Event(enable_timing=True)
        event.record()
        return event

    def span_ms(a, b):
        return a.elapsed_time(b) if cuda else (b - a) * 1e3

    marks = []
    for _ in range(args.steps_timed):
        m0 = mark()
        vc = cond()
        m1 = mark()
        out = uncond(vc)
        marks.append((m0, m1, mark()))
    sync()
    spans = [(span_ms(m0, m1), span_ms(m1, m2)) for m0, m1, m2 in marks]  # (cond, uncond + CFG)
    steps = [a + b for a, b in spans]
    r = dict(step_ms=statistics.median(steps), cond_ms=statistics.median(a for a, _ in spans),
             uncond_ms=statistics.median(b for _, b in spans), steps_ms=[round(s, 3) for s in steps],
             first_step_s=round(first_s, 2))
    if cuda:
        r["peak_gib"] = round(torch.cuda.max_memory_allocated() / 2**30, 2)
    print(f"  {key:6s} layers {n_layers}: step {r['step_ms']:9.2f} ms (cond {r['cond_ms']:.2f}, uncond "
          f"{r['uncond_ms']:.2f}); first step {first_s:.1f} s", flush=True)
    return r, out


def layer_flops(cfg, lengths):
    """FLOPs of one layer over the given sequence lengths: linears + QK^T and PV (adaLN ignored)."""
    d = cfg.hidden
    macs_per_token = d * 3 * d + d * d + 3 * d * cfg.ff
    return sum(2 * macs_per_token * n + 2 * 2 * n * n * d for n in lengths)


def bench(args, start):
    cuda = args.device == "cuda"
    device = torch.device(args.device)
    cfg = TINY if args.tiny else REAL
    layers = sorted(set(args.layers))
    variants = args.variants
    gen = torch.Generator(device=device).manual_seed(0)
    info = dict(torch=torch.__version__, python=sys.version.split()[0], device=args.device,
                cuda=torch.version.cuda, cudnn=torch.backends.cudnn.version() if cuda else None,
                gpu=torch.cuda.get_device_name() if cuda else "cpu")
    print(f"torch {info['torch']} (CUDA {info['cuda']}, cuDNN {info['cudnn']}), python {info['python']}, "
          f"device: {info['gpu']}")
    inp = packed_inputs(cfg, args.text_tokens, args.size, device, gen)
    n_c, n_u = inp["n_text"] + inp["n_img"], inp["n_img"]
    print(f"config: hidden {cfg.hidden} = {cfg.heads} x {cfg.head_dim}, ff {cfg.ff}, adaln {cfg.adaln}, "
          f"llm {cfg.llm}; {args.size}x{args.size}: cond {n_c} tokens ({inp['n_text']} text), uncond {n_u}")
    backends = {}
    if cuda:
        for n in (n_c, n_u):
            for mask in (True, False):
                backends[f"L{n}_{'mask' if mask else 'nomask'}"] = sdpa_backend(cfg, n, mask, device)
        print("eager SDPA backend choice:", backends)

    bf16 = [random_weights(cfg, max(layers), device, gen) for _ in range(2)]  # cond, uncond
    fp8 = [to_fp8(p) for p in bf16] if "a" in variants else None
    if hasattr(torch._dynamo.config, "recompile_limit"):
        torch._dynamo.config.recompile_limit = 64
    torch._dynamo.config.cache_size_limit = 64
    # c compiles the whole forward, one graph per (pass, layer count); dynamic=False because the
    # two passes differ in length and automatic dynamic shapes would make the second symbolic.
    specs = {
        "a": ("official-style: fp8 dequant per call, dense mask", fp8, "all", True, forward),
        "b": ("bf16 resident, no mask", bf16, args.llm_proj, False, forward),
        "c": ("(b) + torch.compile default", bf16, args.llm_proj, False,
              torch.compile(forward, dynamic=False)),
        "c_mat": ("(b) + torch.compile max-autotune-no-cudagraphs", bf16, args.llm_proj, False,
                  torch.compile(forward, dynamic=False, mode="max-autotune-no-cudagraphs")),
    }
    # Variant by variant in the order given (default: the eager ones first), so a run cut short
    # has already printed the figures it finished.
    results, checks, refs = {v: {} for v in variants}, {}, {}
    for v in variants:
        _, (pc, pu), llm_mode, mask, fn = specs[v]
        for n_layers in layers:
            r, out = run_variant(v, fn, pc, pu, cfg, n_layers, inp, llm_mode, mask, args, cuda)
            results[v][n_layers] = r
            if v == "b":
                refs[n_layers] = out
            elif v.startswith("c") and n_layers in refs:
                # Compiled vs eager, same weights and inputs: bf16-level differences only.
                e = [rel_err(o.float(), ref.float()) for o, ref in zip(out, refs[n_layers])]
                checks[f"{v}_vs_b_L{n_layers}"] = dict(v_cond=e[0], v_uncond=e[1], z_next=e[2])
                print(f"  {v} vs b rel. error: v_cond {e[0]:.2e}, v_uncond {e[1]:.2e}")

    lo, hi = layers[0], layers[-1]
    extrapolated = hi > lo
    flops = layer_flops(cfg, (n_c, n_u))
    summary = {}
    for v in variants:
        s = dict(step_ms={n: round(results[v][n]["step_ms"], 3) for n in layers})
        if extrapolated:
            slope = (results[v][hi]["step_ms"] - results[v][lo]["step_ms"]) / (hi - lo)
            s.update(ms_per_layer=slope, outside_layers_ms=results[v][lo]["step_ms"] - lo * slope,
                     ms_34=results[v][hi]["step_ms"] + (FULL_LAYERS - hi) * slope,
                     layer_tflops=flops / (slope * 1e-3) / 1e12 if slope > 0 else None)
        summary[v] = s
    figure = {v: summary[v]["ms_34"] if extrapolated else results[v][hi]["step_ms"] for v in variants}
    ratios = {f"{x}/{y}": figure[x] / figure[y] for x in variants for y in variants if x < y}

    print(f"\nper step (cond + uncond), median of {args.steps_timed} after {args.warmup} warm-up(s)")
    header = f"{'variant':50s}" + "".join(f"{f'L={n} ms':>10s}" for n in layers)
    if extrapolated:
        print(f"34 layers = t({hi}) + {FULL_LAYERS - hi} x slope; D20 = 20 such steps; "
              "TFLOP/s = one layer's FLOPs (both passes) / slope")
        header += f"{'ms/layer':>10s}{'outside':>9s}{'34L ms':>9s}{'D20 s':>7s}{'TFLOP/s':>9s}"
    print(header)
    for v in variants:
        s = summary[v]
        row = f"{v + ' ' + specs[v][0]:50s}" + "".join(f"{s['step_ms'][n]:10.2f}" for n in layers)
        if extrapolated:
            row += (f"{s['ms_per_layer']:10.2f}{s['outside_layers_ms']:9.2f}{s['ms_34']:9.1f}"
                    f"{20 * s['ms_34'] / 1e3:7.2f}{s['layer_tflops'] or 0:9.0f}")
        print(row)
    print(f"ratios of {'34' if extrapolated else hi}-layer step times (x/y = how many times faster y "
          "is): " + ", ".join(f"{k} {r:.2f}x" for k, r in ratios.items()))
    report = dict(info, config=dataclasses.asdict(cfg), size=args.size, text_tokens=args.text_tokens,
                  tokens=dict(cond=n_c, uncond=n_u), layers=layers, warmup=args.warmup,
                  steps_timed=args.steps_timed, llm_proj_bc=args.llm_proj, sdpa_backend_eager=backends,
                  layer_step_flops=flops, results=results, summary=summary, ratios=ratios,
                  compiled_vs_eager=checks, variants={v: specs[v][0] for v in variants},
                  wall_s=round(time.perf_counter() - start, 1))
    print(f"total wall time {report['wall_s']} s")
    print("JSON " + json.dumps(report))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--layers", type=lambda s: [int(x) for x in s.split(",")], default=[2, 4],
                    help="comma-separated layer counts; two or more give the slope (default 2,4)")
    ap.add_argument("--text-tokens", type=int, default=502)
    ap.add_argument("--size", type=int, default=1024, help="square image side, a multiple of 16")
    ap.add_argument("--steps-timed", type=int, default=6)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--variants", type=lambda s: s.split(","), default=["a", "b", "c"],
                    help="comma-separated of a, b, c, c_mat (default a,b,c); c_mat autotunes every "
                    "GEMM shape and adds minutes")
    ap.add_argument("--llm-proj", choices=("text", "all"), default="text",
                    help="llm_cond_proj in b/c: text rows only (default) or every row as upstream")
    ap.add_argument("--tiny", action="store_true", help="the golden tiny width (smoke test on the CPU)")
    ap.add_argument("--device", default="cuda" if torch.cuda.is_available() else "cpu")
    ap.add_argument("--cpu-check", metavar="GOLDEN_DIR", help="float32 CPU parity against golden dit/io*")
    args = ap.parse_args()
    start = time.perf_counter()
    if args.cpu_check:
        torch.set_num_threads(max(1, os.cpu_count() or 1))
        sys.exit(0 if cpu_check(args.cpu_check) else 1)
    unknown = set(args.variants) - {"a", "b", "c", "c_mat"}
    if unknown or args.size % 16 or args.warmup < 1 or args.steps_timed < 1 or min(args.layers) < 1:
        ap.error(f"bad arguments (unknown variants {sorted(unknown)}?)" if unknown else
                 "--size must be a multiple of 16, --warmup/--steps-timed/--layers at least 1")
    with torch.no_grad():
        bench(args, start)


if __name__ == "__main__":
    main()
