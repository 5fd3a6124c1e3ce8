#include "core/pipeline/generation_request.h"

#include <cmath>
#include <limits>

#include "core/errors.h"

namespace i4::pipeline {
namespace {

// Requests come from files too (a PNG's metadata, a saved queue), so every number is checked for
// its kind and range here: nlohmann's get<int> would silently truncate 4294967360 to 64 and 12.5
// to 12, and get<float> of 1e300 is undefined behaviour.
[[noreturn]] void wrongType(const char* name, const char* what) {
    throw InputError(std::string("request: field '") + name + "' " + what);
}

int readInt(const nlohmann::json& node, const char* name) {
    if (!node.is_number_integer()) wrongType(name, "must be an integer");
    if (node.is_number_unsigned()) {
        if (node.get<uint64_t>() > static_cast<uint64_t>(std::numeric_limits<int>::max()))
            wrongType(name, "is out of range");
    } else {
        const int64_t v = node.get<int64_t>();
        if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max())
            wrongType(name, "is out of range");
    }
    return static_cast<int>(node.get<int64_t>());
}

double readDouble(const nlohmann::json& node, const char* name) {
    if (!node.is_number()) wrongType(name, "must be a number");
    const double v = node.get<double>();
    if (!std::isfinite(v)) wrongType(name, "must be finite");
    return v;
}

float readFloat(const nlohmann::json& node, const char* name) {
    const double v = readDouble(node, name);
    if (std::fabs(v) > static_cast<double>(std::numeric_limits<float>::max()))
        wrongType(name, "is out of range");
    return static_cast<float>(v);
}

bool isSha256Hex(const std::string& s) {
    if (s.size() != 64) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

}  // namespace

const char* inputFitName(InputFit fit) {
    switch (fit) {
        case InputFit::Crop: return "crop";
        case InputFit::Stretch: return "stretch";
    }
    return "crop";
}

std::optional<InputFit> inputFitFromName(const std::string& name) {
    if (name == "crop") return InputFit::Crop;
    if (name == "stretch") return InputFit::Stretch;
    return std::nullopt;
}

nlohmann::json ImageInput::toJson() const {
    nlohmann::json j;
    j["image"] = image;
    if (!imageSha256.empty()) j["image_sha256"] = imageSha256;
    j["strength"] = strength;
    if (!mask.empty()) j["mask"] = mask;
    if (!maskSha256.empty()) j["mask_sha256"] = maskSha256;
    j["fit"] = inputFitName(fit);
    if (extend.any()) j["extend"] = {extend.left, extend.top, extend.right, extend.bottom};
    if (feather != 0) j["feather"] = feather;
    return j;
}

ImageInput ImageInput::fromJson(const nlohmann::json& j) {
    if (!j.is_object()) wrongType("input", "must be an object");
    ImageInput in;
    const auto present = [&j](const char* name) {
        auto it = j.find(name);
        return it != j.end() && !it->is_null();
    };
    const auto readString = [&j](const char* name, const char* field) {
        const auto& v = j.at(name);
        if (!v.is_string()) wrongType(field, "must be a string");
        return v.get<std::string>();
    };
    if (!present("image")) wrongType("input.image", "is missing");
    in.image = readString("image", "input.image");
    if (in.image.empty()) wrongType("input.image", "is empty");
    if (present("image_sha256")) {
        in.imageSha256 = readString("image_sha256", "input.image_sha256");
        if (!isSha256Hex(in.imageSha256))
            wrongType("input.image_sha256", "must be 64 lower-case hex digits");
    }
    if (present("strength")) in.strength = readDouble(j.at("strength"), "input.strength");
    if (!(in.strength > 0.0 && in.strength <= 1.0))
        wrongType("input.strength", "must be in (0, 1]");
    if (present("mask")) in.mask = readString("mask", "input.mask");
    if (present("mask_sha256")) {
        in.maskSha256 = readString("mask_sha256", "input.mask_sha256");
        if (!isSha256Hex(in.maskSha256))
            wrongType("input.mask_sha256", "must be 64 lower-case hex digits");
    }
    if (present("fit")) {
        const auto fit = inputFitFromName(readString("fit", "input.fit"));
        if (!fit) wrongType("input.fit", "must be \"crop\" or \"stretch\"");
        in.fit = *fit;
    }
    if (present("extend")) {
        const auto& list = j.at("extend");
        if (!list.is_array() || list.size() != 4)
            wrongType("input.extend", "must be four integers [left, top, right, bottom]");
        int v[4];
        for (int i = 0; i < 4; ++i) {
            v[i] = readInt(list[i], "input.extend");
            if (v[i] < 0 || v[i] > kMaxCanvasExtension)
                wrongType("input.extend", "must be between 0 and 4096 pixels per side");
        }
        in.extend = {v[0], v[1], v[2], v[3]};
    }
    if (present("feather")) {
        in.feather = readInt(j.at("feather"), "input.feather");
        if (in.feather < 0 || in.feather > kMaxMaskFeather)
            wrongType("input.feather", "must be between 0 and 256 pixels");
    }
    return in;
}

bool ImageInput::operator==(const ImageInput& o) const {
    return image == o.image && imageSha256 == o.imageSha256 && strength == o.strength &&
           mask == o.mask && maskSha256 == o.maskSha256 && fit == o.fit && extend == o.extend &&
           feather == o.feather;
}

std::optional<std::string> loraTargetFromText(const std::string& text) {
    if (text.empty() || text == "auto") return std::string();
    for (const char* target : kLoraTargets) {
        if (text == target) return text;
    }
    if (text == "cond" || text == "conditional") return std::string("transformer");
    if (text == "uncond" || text == "unconditional") return std::string("unconditional_transformer");
    return std::nullopt;
}

nlohmann::json GenerationRequest::toJson() const {
    nlohmann::json j;
    j["prompts"] = prompts;
    j["width"] = width;
    j["height"] = height;
    j["preset"] = preset;
    if (steps) j["steps"] = *steps;
    if (!guidanceSchedule.empty()) j["guidance_schedule"] = guidanceSchedule;
    if (mu) j["mu"] = *mu;
    if (std) j["std"] = *std;
    j["seed"] = seed;
    j["batch"] = batch;
    if (uncheckedSize) j["unchecked_size"] = true;
    for (const LoraChoice& l : loras) {
        nlohmann::json item = {{"file", l.file}, {"weight", l.weight}};
        if (!l.target.empty()) item["target"] = l.target;
        j["loras"].push_back(std::move(item));
    }
    if (input) j["input"] = input->toJson();
    if (!magicIdea.empty()) j["magic_prompt_idea"] = magicIdea;
    return j;
}

GenerationRequest GenerationRequest::fromJson(const nlohmann::json& j) {
    if (!j.is_object()) throw InputError("request: not a JSON object");
    GenerationRequest r;
    auto field = [&j](const char* name, auto& out) {
        auto it = j.find(name);
        if (it == j.end() || it->is_null()) return;
        try {
            it->get_to(out);
        } catch (const nlohmann::json::exception&) {
            throw InputError(std::string("request: field '") + name + "' has the wrong type");
        }
    };
    field("prompts", r.prompts);
    const auto present = [&j](const char* name) {
        auto it = j.find(name);
        return it != j.end() && !it->is_null();
    };
    if (present("width")) r.width = readInt(j.at("width"), "width");
    if (present("height")) r.height = readInt(j.at("height"), "height");
    field("preset", r.preset);
    if (present("steps")) r.steps = readInt(j.at("steps"), "steps");
    if (present("guidance_schedule")) {
        const auto& list = j.at("guidance_schedule");
        if (!list.is_array()) wrongType("guidance_schedule", "must be a list of numbers");
        for (const auto& v : list) r.guidanceSchedule.push_back(readFloat(v, "guidance_schedule"));
    }
    if (present("mu")) r.mu = readDouble(j.at("mu"), "mu");
    if (present("std")) r.std = readDouble(j.at("std"), "std");
    if (present("seed")) {
        const auto& seed = j.at("seed");
        if (!seed.is_number_unsigned()) wrongType("seed", "must be a non-negative integer");
        r.seed = seed.get<uint64_t>();
    }
    if (present("batch")) r.batch = readInt(j.at("batch"), "batch");
    field("unchecked_size", r.uncheckedSize);
    if (present("loras")) {
        const auto& list = j.at("loras");
        if (!list.is_array()) wrongType("loras", "must be a list of {file, weight}");
        for (const auto& item : list) {
            if (!item.is_object() || !item.contains("file") || !item.at("file").is_string())
                wrongType("loras", "must hold objects with a 'file' string");
            LoraChoice choice;
            choice.file = item.at("file").get<std::string>();
            if (item.contains("weight")) choice.weight = readDouble(item.at("weight"), "loras");
            if (item.contains("target")) {
                const auto& target = item.at("target");
                const auto parsed =
                    target.is_string() ? loraTargetFromText(target.get<std::string>()) : std::nullopt;
                if (!parsed) {
                    wrongType("loras",
                              "has a 'target' that is not transformer, unconditional_transformer "
                              "or both");
                }
                choice.target = *parsed;
            }
            r.loras.push_back(std::move(choice));
        }
    }
    if (present("input")) r.input = ImageInput::fromJson(j.at("input"));
    field("magic_prompt_idea", r.magicIdea);
    return r;
}

bool GenerationRequest::operator==(const GenerationRequest& o) const {
    return prompts == o.prompts && width == o.width && height == o.height && preset == o.preset &&
           steps == o.steps && guidanceSchedule == o.guidanceSchedule && mu == o.mu &&
           std == o.std && seed == o.seed && batch == o.batch && uncheckedSize == o.uncheckedSize &&
           loras == o.loras && input == o.input && magicIdea == o.magicIdea;
}

}  // namespace i4::pipeline
