#include "core/vae/latent_norm.h"

#include <ATen/ATen.h>

#include <cstdio>

#include "core/errors.h"

namespace i4::vae {

// Published values in token order (ph, pw, c); see Note [Latent normalisation].
const std::array<float, kTokenChannels> kLatentShift{
    0.01984364f,  0.10149707f,  0.29689495f,  0.27188619f,  -0.21445648f, -0.15979549f,
    0.05021099f,  -0.15083604f, -0.15360136f, -0.20131799f, 0.01922352f,  0.06226260f,
    0.10140969f,  -0.06739428f, 0.37582610f,  -0.23371200f, 0.35164491f,  -0.02590912f,
    -0.02719350f, -0.10833897f, -0.14768480f, -0.01130957f, -0.22983720f, 0.23526423f,
    -0.10893522f, 0.11957631f,  0.04047799f,  0.31345890f,  -0.17225064f, -0.18646109f,
    -0.34691978f, -0.03571246f, 0.02583857f,  0.10190072f,  0.28402294f,  0.26952152f,
    -0.21634675f, -0.17938656f, 0.04358909f,  -0.15007621f, -0.15485020f, -0.18971131f,
    0.02710861f,  0.05609494f,  0.10697846f,  -0.06854968f, 0.38167698f,  -0.24269937f,
    0.35705471f,  -0.03063305f, -0.02946109f, -0.11244286f, -0.14336038f, -0.01362137f,
    -0.21863696f, 0.23228983f,  -0.11739769f, 0.11693044f,  0.02563311f,  0.31356594f,
    -0.17420591f, -0.19006285f, -0.34905377f, -0.04025005f, 0.01924137f,  0.07652984f,
    0.29956080f,  0.26280570f,  -0.22011674f, -0.12715361f, 0.04879879f,  -0.14075719f,
    -0.15935895f, -0.21235840f, 0.01974813f,  0.05523547f,  0.10011992f,  -0.06428964f,
    0.37781868f,  -0.21491644f, 0.34254215f,  -0.03153528f, -0.03100820f, -0.10761415f,
    -0.14730405f, -0.02475182f, -0.22855880f, 0.25150810f,  -0.10445128f, 0.12446000f,
    0.07062869f,  0.30880162f,  -0.18016875f, -0.18869164f, -0.34533499f, -0.01291770f,
    0.02578168f,  0.07993659f,  0.28642181f,  0.26038408f,  -0.22459419f, -0.14820155f,
    0.04059549f,  -0.14043529f, -0.16111187f, -0.20203050f, 0.02602069f,  0.04852717f,
    0.10432153f,  -0.06309942f, 0.38402443f,  -0.22397003f, 0.34814481f,  -0.03774432f,
    -0.03381438f, -0.11245691f, -0.14128767f, -0.02853208f, -0.21752016f, 0.24872463f,
    -0.11399775f, 0.12226870f,  0.05620835f,  0.30917800f,  -0.18065738f, -0.19401479f,
    -0.34495114f, -0.01760592f,
};

const std::array<float, kTokenChannels> kLatentScale{
    1.63933691f, 1.70204478f, 1.73642566f, 1.90004803f, 1.66753160f, 1.69059584f, 1.56853198f,
    1.62314944f, 1.89106626f, 1.58086668f, 1.60822129f, 1.60962993f, 1.63322129f, 1.56074359f,
    1.73419528f, 1.79192650f, 1.64040632f, 1.66802808f, 1.60390303f, 1.75480492f, 1.63187587f,
    1.64334594f, 1.61722884f, 1.60146046f, 1.63459219f, 1.55291476f, 1.68771497f, 1.68415657f,
    1.78966054f, 1.66631641f, 1.65626686f, 1.65976433f, 1.63487607f, 1.69513249f, 1.72933756f,
    1.91310663f, 1.67035057f, 1.72286863f, 1.56719251f, 1.61934825f, 1.88628859f, 1.56911539f,
    1.59455129f, 1.60829869f, 1.62470611f, 1.56052853f, 1.73677003f, 1.77563606f, 1.63732541f,
    1.66370527f, 1.59508952f, 1.75153949f, 1.63029275f, 1.64517667f, 1.61659342f, 1.59722044f,
    1.64103121f, 1.54085310f, 1.68610394f, 1.67772755f, 1.78998563f, 1.66621713f, 1.65458955f,
    1.66041308f, 1.64710857f, 1.68163503f, 1.74000294f, 1.92784786f, 1.67411194f, 1.67395548f,
    1.57406532f, 1.62199356f, 1.87618195f, 1.55843750f, 1.57438785f, 1.61711053f, 1.63094305f,
    1.55644029f, 1.73124302f, 1.80666627f, 1.64636210f, 1.65932006f, 1.60816188f, 1.75682671f,
    1.64695873f, 1.63121722f, 1.61380832f, 1.60478651f, 1.63396035f, 1.53505068f, 1.65534289f,
    1.67132281f, 1.80317197f, 1.67673140f, 1.65700938f, 1.68426259f, 1.65339716f, 1.67540638f,
    1.73298504f, 1.94067348f, 1.67893609f, 1.70635117f, 1.57309060f, 1.61928553f, 1.87148809f,
    1.56244866f, 1.56697152f, 1.61584394f, 1.62759496f, 1.55480378f, 1.73484107f, 1.79055143f,
    1.64688773f, 1.66121492f, 1.60135887f, 1.75254572f, 1.64798332f, 1.62989921f, 1.61381592f,
    1.60792883f, 1.63939668f, 1.53075757f, 1.65371318f, 1.66801185f, 1.80029087f, 1.67591476f,
    1.65655173f, 1.68533454f,
};

namespace {

at::Tensor constant(const std::array<float, kTokenChannels>& values, const at::Tensor& like) {
    // [128] float32 on the device of `like`
    return at::from_blob(const_cast<float*>(values.data()), {kTokenChannels}, at::kFloat)
        .to(like.device(), at::kFloat, false, true);
}

void checkTokens(const at::Tensor& tokens, const char* what) {
    if (tokens.dim() != 3 || tokens.size(2) != kTokenChannels) {
        throw InputError(std::string(what) + ": expected tokens [B, L, 128], got " +
                         std::to_string(tokens.dim()) + "-D tensor");
    }
}

}  // namespace

at::Tensor denormalizeTokens(const at::Tensor& tokens) {
    checkTokens(tokens, "denormalizeTokens");
    at::Tensor z = tokens.to(at::kFloat);
    return (z * constant(kLatentScale, z) + constant(kLatentShift, z)).to(tokens.scalar_type());
}

at::Tensor normalizeTokens(const at::Tensor& tokens) {
    checkTokens(tokens, "normalizeTokens");
    at::Tensor z = tokens.to(at::kFloat);
    return ((z - constant(kLatentShift, z)) / constant(kLatentScale, z)).to(tokens.scalar_type());
}

at::Tensor unpatchify(const at::Tensor& tokens, int64_t gridH, int64_t gridW) {
    checkTokens(tokens, "unpatchify");
    if (gridH <= 0 || gridW <= 0 || tokens.size(1) != gridH * gridW) {
        throw InputError("unpatchify: " + std::to_string(tokens.size(1)) +
                         " tokens do not form a " + std::to_string(gridH) + "x" +
                         std::to_string(gridW) + " grid");
    }
    const int64_t batch = tokens.size(0);
    // [B, gh, gw, ph, pw, c] -> [B, c, gh, ph, gw, pw]
    return tokens.reshape({batch, gridH, gridW, kPatch, kPatch, kLatentChannels})
        .permute({0, 5, 1, 3, 2, 4})
        .reshape({batch, kLatentChannels, gridH * kPatch, gridW * kPatch});
}

at::Tensor patchify(const at::Tensor& latent) {
    if (latent.dim() != 4 || latent.size(1) != kLatentChannels || latent.size(2) % kPatch != 0 ||
        latent.size(3) % kPatch != 0) {
        throw InputError("patchify: expected a latent [B, 32, H, W] with even H and W");
    }
    const int64_t batch = latent.size(0);
    const int64_t gridH = latent.size(2) / kPatch;
    const int64_t gridW = latent.size(3) / kPatch;
    // [B, c, gh, ph, gw, pw] -> [B, gh, gw, ph, pw, c]
    return latent.reshape({batch, kLatentChannels, gridH, kPatch, gridW, kPatch})
        .permute({0, 2, 4, 3, 5, 1})
        .reshape({batch, gridH * gridW, kTokenChannels});
}

BatchNormComparison compareWithBatchNorm(const at::Tensor& runningMean,
                                         const at::Tensor& runningVar, double eps) {
    BatchNormComparison result;
    if (runningMean.numel() != kTokenChannels || runningVar.numel() != kTokenChannels) {
        result.summary = "bn statistics have " + std::to_string(runningMean.numel()) + "/" +
                         std::to_string(runningVar.numel()) +
                         " values, not 128; using the published latent constants";
        return result;
    }
    const at::Tensor mean = runningMean.to(at::kDouble).reshape({kTokenChannels});
    const at::Tensor std = at::sqrt(runningVar.to(at::kDouble).reshape({kTokenChannels}) + eps);
    const at::Tensor shift = constant(kLatentShift, mean).to(at::kDouble);
    const at::Tensor scale = constant(kLatentScale, mean).to(at::kDouble);
    result.maxShiftDiff = (shift - mean).abs().max().item<double>();
    result.maxScaleDiff = (scale - std).abs().max().item<double>();
    result.agrees =
        result.maxShiftDiff <= kBatchNormTolerance && result.maxScaleDiff <= kBatchNormTolerance;
    char line[256];
    std::snprintf(line, sizeof line,
                  "latent constants %s the VAE's bn statistics (max |shift-mean| %.3g, "
                  "max |scale-sqrt(var+eps)| %.3g); decoding uses the published constants",
                  result.agrees ? "match" : "differ from", result.maxShiftDiff,
                  result.maxScaleDiff);
    result.summary = line;
    return result;
}

}  // namespace i4::vae
