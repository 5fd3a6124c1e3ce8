#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "core/pipeline/generation_request.h"

namespace i4::pipeline {

// Bytes the kernel says can be had without swapping (/proc/meminfo MemAvailable); 0 if unknown.
uint64_t availableMemoryBytes();

// Memory the weights of a model folder take once loaded at `bytesPerParameter` (4 for float32,
// 2 for bf16), from the safetensors headers alone (nothing is read).
uint64_t estimateLoadBytes(const std::filesystem::path& folder, int bytesPerParameter);

// Refuses, before anything is allocated, a load that cannot fit: a real Ideogram 4 folder in
// float32 needs ~100 GB, and running out of memory half-way would take the whole app down.
// Throws ModelError with both figures and what to do instead; `available` 0 = unknown = allowed.
void checkMemoryFits(uint64_t needed, uint64_t available, const std::string& dtypeName);

// Note [per-request memory]
// What one generation needs on top of the loaded weights, estimated from the model's configs
// before anything is allocated. The phases run one after another, so the peak is the largest:
// - text: per prompt, the encoder's hidden states and (on the CPU, where attention is plain
//   matmuls) its [heads, T, T] scores; the [B, T, 13*hidden] float32 features;
// - denoising: the [B, L, llm_features] float32 conditioning input the whole loop keeps (L = text
//   + image tokens), plus one transformer block's working set at that L: hidden states, qkv,
//   the SwiGLU intermediate and, on the CPU, the [B, heads, L, L] attention scores (on CUDA,
//   LibTorch 2.x's fused attention keeps them tiled);
// - decoding, one image at a time: the decoder's widest full-resolution feature maps and its
//   mid-block attention in 4096-row chunks.
// The text length is bounded from the prompts' bytes (a token is at least one byte), capped at
// the model's 2048, so the estimate holds before tokenising. It errs high; it exists to refuse a
// request that would take the machine down (100000 x 64 once grew past 15 GB), not to squeeze
// the last megabyte out of one that fits.
struct RequestMemoryModel {
    int64_t ditHeads = 0;
    int64_t ditHeadDim = 0;
    int64_t ditIntermediate = 0;
    int64_t llmFeatures = 0;  // the conditioning width, 13 taps x text hidden
    int64_t textHidden = 0;
    int64_t textHeads = 0;
    int64_t textIntermediate = 0;
    std::vector<int> vaeDecoderChannels;  // widest first-level last (block_out_channels order)
    bool vaeMidAttention = true;
    int vaeDownscale = 8;

    // From `<folder>/{transformer,text_encoder,vae}/config.json`; throws ModelError naming the
    // file when one is missing or malformed.
    static RequestMemoryModel fromFolder(const std::filesystem::path& folder);
};

// Bytes one generation of `images` images of width x height needs beyond the weights, with at
// most `textTokens` tokens per prompt, computing in `bytesPerElement` (4 fp32, 2 bf16) on
// `device` ("cpu" or "cuda").
uint64_t estimateRequestBytes(const RequestMemoryModel& model, int width, int height,
                              int64_t images, int64_t textTokens, int bytesPerElement,
                              const std::string& device);

// The most tokens a prompt of `bytes` bytes can become once chat-framed, capped at the limit.
int64_t textTokenBound(const std::vector<std::string>& prompts);

// Refuses a request whose estimate exceeds `availableBytes` (0 = unknown = allowed) with an
// InputError naming the size needed and available, the largest size of the same aspect ratio
// that would fit, and the largest batch that fits at the size asked. `weightsBytes` are weights
// still to be loaded (counted against the same memory; 0 once they are resident).
void checkRequestFits(const RequestMemoryModel& model, const GenerationRequest& request,
                      const std::string& device, int bytesPerElement, uint64_t availableBytes,
                      uint64_t weightsBytes = 0);

// The memory free for a request on `device` now: MemAvailable on the CPU; on CUDA the driver's
// free memory after LibTorch's cache has handed back its unused blocks.
uint64_t freeBytesFor(const std::string& device);

// The one call a loaded bundle makes before it runs a request (LoadedBundle::run): the model's
// configs, the device's free memory and the refusal above. `dtype` is "fp32" or "bf16".
void checkRequestMemory(const std::filesystem::path& folder, const GenerationRequest& request,
                        const std::string& device, const std::string& dtype);

}  // namespace i4::pipeline
