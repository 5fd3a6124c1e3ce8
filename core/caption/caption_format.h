#pragma once

// The canonical caption text Ideogram 4 was trained on. Torch-free: the UI includes it.

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace i4::caption {

// Trained key order (unknown keys kept after the known ones, in their original order), compact
// separators (`,` and `:`), literal UTF-8 (only control characters, `"` and `\` escaped), and
// integral bbox values written as integers. Invalid UTF-8 in strings becomes U+FFFD.
std::string formatCaption(const nlohmann::ordered_json& caption);

// Tolerant reading for importers: pretty-printed text, any key order, a caption double-encoded
// as a JSON string, or wrapped in an outer object (a single key, or a "prompt" / "caption" /
// "json_prompt" member). Returns the caption object, or nullopt when no caption object is found.
std::optional<nlohmann::ordered_json> importCaption(const std::string& text);

// importCaption + formatCaption; nullopt when the text holds no caption object.
std::optional<std::string> canonicalCaption(const std::string& text);

}  // namespace i4::caption
