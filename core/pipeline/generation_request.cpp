#include "core/pipeline/generation_request.h"

#include "core/errors.h"

namespace i4::pipeline {

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
    field("width", r.width);
    field("height", r.height);
    field("preset", r.preset);
    if (j.contains("steps")) {
        int steps = 0;
        field("steps", steps);
        r.steps = steps;
    }
    field("guidance_schedule", r.guidanceSchedule);
    if (j.contains("mu")) {
        double v = 0;
        field("mu", v);
        r.mu = v;
    }
    if (j.contains("std")) {
        double v = 0;
        field("std", v);
        r.std = v;
    }
    field("seed", r.seed);
    field("batch", r.batch);
    field("unchecked_size", r.uncheckedSize);
    return r;
}

bool GenerationRequest::operator==(const GenerationRequest& o) const {
    return prompts == o.prompts && width == o.width && height == o.height && preset == o.preset &&
           steps == o.steps && guidanceSchedule == o.guidanceSchedule && mu == o.mu &&
           std == o.std && seed == o.seed && batch == o.batch && uncheckedSize == o.uncheckedSize;
}

}  // namespace i4::pipeline
