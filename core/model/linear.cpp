#include "core/model/linear.h"

#include <ATen/ATen.h>

#include <nlohmann/json.hpp>

#include "core/errors.h"
#include "core/io/checkpoint.h"
#include "core/runtime/device.h"
#include "core/runtime/torch_compat.h"

namespace i4::model {
namespace {

nlohmann::json readQuantState(const io::Checkpoint& ckpt, const std::string& weightKey) {
    const std::string key = weightKey + ".quant_state.bitsandbytes__nf4";
    if (!ckpt.contains(key)) {
        ckpt.fail(weightKey,
                  "is stored as packed U8 (NF4) but its quant_state "
                  "('" +
                      key + "') is missing");
    }
    at::Tensor bytes = ckpt.tensor(key).contiguous();
    const char* text = static_cast<const char*>(bytes.data_ptr());
    nlohmann::json state = nlohmann::json::parse(text, text + bytes.numel(), nullptr, false);
    if (state.is_discarded() || !state.is_object()) ckpt.fail(key, "is not valid JSON");
    return state;
}

io::Nf4Weight loadNf4(const io::Checkpoint& ckpt, const std::string& weightKey) {
    const nlohmann::json state = readQuantState(ckpt, weightKey);
    const std::string qsKey = weightKey + ".quant_state.bitsandbytes__nf4";
    if (state.value("quant_type", "") != "nf4") {
        ckpt.fail(qsKey,
                  "has quant_type '" + state.value("quant_type", "") + "' (only nf4 is supported)");
    }
    io::Nf4Weight w;
    try {
        w.blocksize = state.at("blocksize").get<int64_t>();
        w.shape = state.at("shape").get<std::vector<int64_t>>();
    } catch (const nlohmann::json::exception&) {
        ckpt.fail(qsKey, "lacks a valid blocksize or shape");
    }
    if (w.shape.size() != 2 || w.shape[0] <= 0 || w.shape[1] <= 0)
        ckpt.fail(qsKey, "has a shape that is not [out, in]");
    if (w.blocksize < 16 || w.blocksize > 4096) ckpt.fail(qsKey, "has an invalid blocksize");
    const int64_t n = w.shape[0] * w.shape[1];
    const int64_t blocks = (n + w.blocksize - 1) / w.blocksize;
    w.packed = ckpt.tensor(weightKey);
    if (w.packed.numel() != (n + 1) / 2) {
        ckpt.fail(weightKey, "holds " + std::to_string(w.packed.numel()) + " bytes but shape [" +
                                 std::to_string(w.shape[0]) + ", " + std::to_string(w.shape[1]) +
                                 "] needs " + std::to_string((n + 1) / 2));
    }
    for (const char* part : {".absmax", ".quant_map"}) {
        if (!ckpt.contains(weightKey + part))
            ckpt.fail(weightKey, std::string("lacks its NF4 ") + (part + 1));
    }
    w.quantMap = ckpt.tensor(weightKey + ".quant_map").to(at::kFloat);
    if (w.quantMap.numel() != 16) ckpt.fail(weightKey + ".quant_map", "must hold 16 values");
    at::Tensor absmax = ckpt.tensor(weightKey + ".absmax");
    if (absmax.numel() != blocks) {
        ckpt.fail(weightKey + ".absmax", "holds " + std::to_string(absmax.numel()) +
                                             " values, expected " + std::to_string(blocks));
    }
    if (ckpt.contains(weightKey + ".nested_absmax")) {
        if (absmax.scalar_type() != at::kByte)
            ckpt.fail(weightKey + ".absmax", "must be U8 when nested");
        if (!ckpt.contains(weightKey + ".nested_quant_map"))
            ckpt.fail(weightKey, "lacks nested_quant_map");
        const int64_t nestedBlocksize = state.value("nested_blocksize", int64_t{256});
        const float offset = state.value("nested_offset", 0.0f);
        at::Tensor nestedAbsmax = ckpt.tensor(weightKey + ".nested_absmax");
        at::Tensor nestedMap = ckpt.tensor(weightKey + ".nested_quant_map");
        if (nestedMap.numel() != 256)
            ckpt.fail(weightKey + ".nested_quant_map", "must hold 256 values");
        if (nestedBlocksize <= 0 ||
            nestedAbsmax.numel() != (blocks + nestedBlocksize - 1) / nestedBlocksize) {
            ckpt.fail(weightKey + ".nested_absmax", "does not match the number of absmax blocks");
        }
        w.absmax = io::denestAbsmax(absmax, nestedAbsmax, nestedMap, nestedBlocksize, offset);
    } else {
        if (absmax.scalar_type() != at::kFloat) ckpt.fail(weightKey + ".absmax", "must be F32");
        w.absmax = absmax;
    }
    return w;
}

}  // namespace

Linear Linear::load(const io::Checkpoint& ckpt, const std::string& prefix, bool requireBias) {
    Linear layer;
    layer.m_name = prefix;
    const std::string weightKey = prefix + ".weight";
    const io::TensorInfo& info = ckpt.info(weightKey);
    const bool isNf4 = info.dtype == io::DType::U8 &&
                       (ckpt.contains(weightKey + ".absmax") ||
                        ckpt.contains(weightKey + ".quant_state.bitsandbytes__nf4"));
    if (info.dtype == io::DType::F8_E4M3) {
        if (info.shape.size() != 2) ckpt.fail(weightKey, "must be 2-D");
        const std::string scaleKey = prefix + ".weight_scale";
        if (!ckpt.contains(scaleKey)) {
            ckpt.fail(weightKey, "is F8_E4M3 but its per-row scale '" + scaleKey + "' is missing");
        }
        layer.m_format = WeightFormat::Fp8Rowwise;
        layer.m_codes = ckpt.tensor(weightKey);
        layer.m_scale = ckpt.tensor(scaleKey).to(at::kFloat).reshape({-1});
        layer.m_out = info.shape[0];
        layer.m_in = info.shape[1];
        if (layer.m_scale.numel() != layer.m_out) {
            ckpt.fail(scaleKey, "holds " + std::to_string(layer.m_scale.numel()) + " values for " +
                                    std::to_string(layer.m_out) + " rows");
        }
    } else if (info.dtype == io::DType::U8 || isNf4) {
        layer.m_format = WeightFormat::Nf4;
        layer.m_nf4 = loadNf4(ckpt, weightKey);
        layer.m_out = layer.m_nf4.shape[0];
        layer.m_in = layer.m_nf4.shape[1];
    } else if (info.dtype == io::DType::BF16 || info.dtype == io::DType::F16 ||
               info.dtype == io::DType::F32) {
        if (info.shape.size() != 2) ckpt.fail(weightKey, "must be 2-D");
        layer.m_dense = ckpt.tensor(weightKey);
        layer.m_out = info.shape[0];
        layer.m_in = info.shape[1];
    } else {
        ckpt.fail(weightKey, "has dtype " + std::string(io::dtypeName(info.dtype)) +
                                 ", which is not a weight format");
    }
    const std::string biasKey = prefix + ".bias";
    if (ckpt.contains(biasKey)) {
        layer.m_bias = ckpt.tensor(biasKey);
        if (layer.m_bias.numel() != layer.m_out) {
            ckpt.fail(biasKey, "holds " + std::to_string(layer.m_bias.numel()) + " values for " +
                                   std::to_string(layer.m_out) + " outputs");
        }
    } else if (requireBias) {
        ckpt.fail(biasKey, "is missing");
    }
    return layer;
}

Linear Linear::fromDense(const std::string& name, const at::Tensor& weight,
                         const at::Tensor& bias) {
    if (weight.dim() != 2) throw ModelError(name + ": a dense weight must be [out, in]");
    Linear layer;
    layer.m_name = name;
    layer.m_dense = weight;
    layer.m_out = weight.size(0);
    layer.m_in = weight.size(1);
    if (bias.defined()) {
        if (bias.numel() != layer.m_out) throw ModelError(name + ": bias does not match the rows");
        layer.m_bias = bias;
    }
    return layer;
}

Linear Linear::concatRows(const std::vector<Linear>& parts) {
    if (parts.empty()) throw ModelError("concatRows: no layers");
    Linear fused;
    fused.m_name = parts.front().m_name;
    fused.m_in = parts.front().m_in;
    bool sameFormat = true;
    bool anyBias = false;
    for (const Linear& p : parts) {
        if (p.m_in != fused.m_in)
            throw ModelError(p.m_name + ": input width differs from " + fused.m_name);
        sameFormat = sameFormat && p.m_format == parts.front().m_format;
        anyBias = anyBias || p.hasBias();
        fused.m_out += p.m_out;
    }
    std::vector<at::Tensor> pieces;
    const WeightFormat format = parts.front().m_format;
    bool nf4Aligned = format == WeightFormat::Nf4;
    for (const Linear& p : parts) {
        nf4Aligned = nf4Aligned && (p.m_out * p.m_in) % (2 * p.m_nf4.blocksize) == 0 &&
                     p.m_nf4.blocksize == parts.front().m_nf4.blocksize;
    }
    if (sameFormat && format == WeightFormat::Fp8Rowwise) {
        fused.m_format = format;
        std::vector<at::Tensor> scales;
        for (const Linear& p : parts) {
            pieces.push_back(p.m_codes);
            scales.push_back(p.m_scale);
        }
        fused.m_codes = at::cat(pieces, 0);
        fused.m_scale = at::cat(scales, 0);
    } else if (sameFormat && nf4Aligned) {
        fused.m_format = format;
        std::vector<at::Tensor> absmax, packed;
        for (const Linear& p : parts) {
            packed.push_back(p.m_nf4.packed.reshape({-1}));
            absmax.push_back(p.m_nf4.absmax);
        }
        fused.m_nf4 = parts.front().m_nf4;
        fused.m_nf4.packed = at::cat(packed, 0);
        fused.m_nf4.absmax = at::cat(absmax, 0);
        fused.m_nf4.shape = {fused.m_out, fused.m_in};
    } else {
        for (const Linear& p : parts) pieces.push_back(p.dequantize(at::kFloat));
        fused.m_dense = at::cat(pieces, 0);
    }
    if (anyBias) {
        std::vector<at::Tensor> biases;
        for (const Linear& p : parts) {
            biases.push_back(p.hasBias() ? p.m_bias.to(at::kFloat)
                                         : at::zeros({p.m_out}, at::kFloat));
        }
        fused.m_bias = at::cat(biases, 0);
    }
    return fused;
}

at::Tensor Linear::dequantize(at::ScalarType dtype) const {
    switch (m_format) {
        case WeightFormat::Dense:
            return dequantizeOn(m_dense.device(), dtype);
        case WeightFormat::Fp8Rowwise:
            return dequantizeOn(m_codes.device(), dtype);
        case WeightFormat::Nf4:
            return dequantizeOn(m_nf4.packed.device(), dtype);
    }
    return {};
}

at::Tensor Linear::dequantizeOn(at::Device device, at::ScalarType dtype) const {
    switch (m_format) {
        case WeightFormat::Dense:
            return runtime::toDevice(m_dense, device).to(dtype);
        case WeightFormat::Fp8Rowwise:
            return io::dequantizeFp8Rowwise(runtime::toDevice(m_codes, device),
                                            runtime::toDevice(m_scale, device))
                .to(dtype);
        case WeightFormat::Nf4: {
            io::Nf4Weight w = m_nf4;
            w.packed = runtime::toDevice(w.packed, device);
            w.absmax = runtime::toDevice(w.absmax, device);
            w.quantMap = runtime::toDevice(w.quantMap, device);
            return io::dequantizeNf4(w).to(dtype);
        }
    }
    return {};
}

void Linear::prepare(at::ScalarType dtype, at::Device device) {
    m_dense = dequantizeOn(device, dtype).contiguous();
    m_format = WeightFormat::Dense;
    m_codes = at::Tensor();
    m_scale = at::Tensor();
    m_nf4 = io::Nf4Weight();
    if (m_bias.defined()) m_bias = m_bias.to(device, dtype).contiguous();
    m_resident = true;
}

void Linear::place(WeightPlacement placement, at::ScalarType dtype, at::Device device) {
    if (placement == WeightPlacement::Resident || device.is_cpu()) {
        prepare(dtype, device);
        return;
    }
    if (placement == WeightPlacement::Fp8Matmul) {
        if (!runtime::fp8MatmulSupported()) {
            throw Error(m_name + ": fp8 matmuls are not supported by this GPU or LibTorch");
        }
        if (m_format == WeightFormat::Fp8Rowwise) {  // the published codes, as they are
            m_codes = runtime::toDevice(m_codes, device);
            m_scale = runtime::toDevice(m_scale, device).to(at::kFloat).contiguous();
        } else {
            auto [codes, scale] = runtime::quantizeFp8Rowwise(dequantizeOn(device, at::kFloat));
            m_codes = codes.contiguous();
            m_scale = scale.contiguous();
            m_dense = at::Tensor();
            m_nf4 = io::Nf4Weight();
            m_format = WeightFormat::Fp8Rowwise;
        }
        m_fp8Matmul = true;
        m_resident = false;
        if (m_bias.defined()) m_bias = m_bias.to(device, dtype).contiguous();
        return;
    }
    // StoredOnHost keeps the tensors as loaded (views of the mapped file): nothing to copy at
    // load time, and each use streams them through the staging buffers (Note [Staged uploads]).
    m_resident = false;
    if (placement == WeightPlacement::StoredOnHost) {
        if (m_bias.defined()) m_bias = m_bias.to(device, dtype).contiguous();
        return;
    }
    const auto keep = [&](at::Tensor& t) {
        if (t.defined()) t = runtime::toDevice(t, device);
    };
    keep(m_dense);
    keep(m_codes);
    keep(m_scale);
    keep(m_nf4.packed);
    keep(m_nf4.absmax);
    keep(m_nf4.quantMap);
    if (m_bias.defined()) m_bias = m_bias.to(device, dtype).contiguous();
}

int64_t Linear::storedBytes() const {
    int64_t bytes = 0;
    for (const at::Tensor* t : {&m_dense, &m_codes, &m_scale, &m_nf4.packed, &m_nf4.absmax}) {
        if (t->defined()) bytes += t->numel() * static_cast<int64_t>(t->element_size());
    }
    return bytes;
}

bool Linear::addLowRank(const at::Tensor& down, const at::Tensor& up, bool allowMerge,
                        at::ScalarType dtype, at::Device device) {
    if (down.dim() != 2 || up.dim() != 2 || down.size(1) != m_in || up.size(0) != m_out ||
        up.size(1) != down.size(0)) {
        throw ModelError(m_name + ": a low-rank update must be down [r, " + std::to_string(m_in) +
                         "] and up [" + std::to_string(m_out) + ", r]");
    }
    if (allowMerge && m_resident && m_format == WeightFormat::Dense && !m_fp8Matmul) {
        // Out of place: m_dense may still be a view of the mapped file (f32 on the CPU).
        const at::Tensor delta =
            at::matmul(runtime::toDevice(up.to(at::kFloat), m_dense.device()),
                       runtime::toDevice(down.to(at::kFloat), m_dense.device()));
        m_dense = (m_dense.to(at::kFloat) + delta).to(m_dense.scalar_type()).contiguous();
        return true;
    }
    m_lowRank.push_back({down.to(device, dtype).contiguous(), up.to(device, dtype).contiguous()});
    return false;
}

at::Tensor Linear::forward(const at::Tensor& x) const {
    const auto dtype = x.scalar_type();
    at::Tensor y;
    if (m_fp8Matmul && x.is_cuda() && dtype == at::kBFloat16) {
        std::vector<int64_t> shape = x.sizes().vec();
        shape.back() = m_out;
        y = runtime::fp8Linear(x.reshape({-1, m_in}).contiguous(), m_codes, m_scale, m_bias)
                .view(shape);
    } else {
        y = denseForward(x);
    }
    for (const LowRank& lr : m_lowRank) {
        const auto convert = [&](const at::Tensor& t) {
            return t.scalar_type() == dtype && t.device() == x.device() ? t
                                                                        : t.to(x.device(), dtype);
        };
        y = y + at::linear(at::linear(x, convert(lr.down)), convert(lr.up));
    }
    return y;
}

at::Tensor Linear::denseForward(const at::Tensor& x) const {
    const auto dtype = x.scalar_type();
    at::Tensor weight = m_format == WeightFormat::Dense && m_dense.device() == x.device()
                            ? m_dense
                            : dequantizeOn(x.device(), dtype);
    if (weight.scalar_type() != dtype) weight = weight.to(dtype);
    at::Tensor bias;
    if (m_bias.defined()) {
        bias = m_bias.scalar_type() == dtype && m_bias.device() == x.device()
                   ? m_bias
                   : m_bias.to(x.device(), dtype);
    }
    return at::linear(x, weight, bias);
}

}  // namespace i4::model
