#include "core/caption/caption_format.h"

#include <cmath>

#include "core/caption/caption_schema.h"

namespace i4::caption {
namespace {

using Json = nlohmann::ordered_json;

// A copy of `object` with the keys of `order` first (those present), then the rest as they were.
Json ordered(const Json& object, const std::vector<std::string>& order) {
    Json result = Json::object();
    for (const auto& key : order) {
        if (object.contains(key)) result[key] = object.at(key);
    }
    for (const auto& item : object.items()) {
        if (!result.contains(item.key())) result[item.key()] = item.value();
    }
    return result;
}

Json canonicalElement(const Json& element) {
    if (!element.is_object()) return element;
    const bool isText = element.contains("type") && element.at("type") == "text";
    Json result =
        ordered(element, isText ? schema::textElementKeys() : schema::objectElementKeys());
    if (result.contains("bbox") && result.at("bbox").is_array()) {
        for (auto& value : result.at("bbox")) {
            // 200.0 -> 200: the trained captions hold integers.
            if (value.is_number_float() && std::isfinite(value.get<double>()) &&
                std::floor(value.get<double>()) == value.get<double>() &&
                std::abs(value.get<double>()) < 1e15) {
                value = static_cast<int64_t>(value.get<double>());
            }
        }
    }
    return result;
}

Json canonical(const Json& caption) {
    if (!caption.is_object()) return caption;
    Json result = ordered(caption, schema::rootKeys());
    if (result.contains("style_description") && result.at("style_description").is_object()) {
        auto& style = result.at("style_description");
        const bool art = style.contains("art_style") && !style.contains("photo");
        style = ordered(style, art ? schema::artStyleKeys() : schema::photoStyleKeys());
    }
    if (result.contains("compositional_deconstruction") &&
        result.at("compositional_deconstruction").is_object()) {
        auto& composition = result.at("compositional_deconstruction");
        composition = ordered(composition, schema::compositionKeys());
        if (composition.contains("elements") && composition.at("elements").is_array()) {
            for (auto& element : composition.at("elements")) element = canonicalElement(element);
        }
    }
    return result;
}

bool looksLikeCaption(const Json& value) {
    if (!value.is_object()) return false;
    for (const auto& key : schema::rootKeys()) {
        if (value.contains(key)) return true;
    }
    return false;
}

std::optional<Json> parse(const std::string& text) {
    Json value = Json::parse(text, nullptr, false);
    if (value.is_discarded()) return std::nullopt;
    return value;
}

}  // namespace

std::string formatCaption(const nlohmann::ordered_json& caption) {
    return canonical(caption).dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::optional<nlohmann::ordered_json> importCaption(const std::string& text) {
    std::optional<Json> value = parse(text);
    // Unwrap at most a few layers: double-encoded strings and single-purpose outer objects.
    for (int depth = 0; value && depth < 4; ++depth) {
        if (looksLikeCaption(*value)) return value;
        if (value->is_string()) {
            value = parse(value->get<std::string>());
        } else if (value->is_object()) {
            std::optional<Json> inner;
            for (const char* key : {"prompt", "caption", "json_prompt"}) {
                if (value->contains(key)) inner = value->at(key);
            }
            if (!inner && value->size() == 1) inner = value->begin().value();
            value = inner;
        } else {
            return std::nullopt;
        }
    }
    return std::nullopt;
}

std::optional<std::string> canonicalCaption(const std::string& text) {
    const auto caption = importCaption(text);
    if (!caption) return std::nullopt;
    return formatCaption(*caption);
}

}  // namespace i4::caption
