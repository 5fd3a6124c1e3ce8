#pragma once

// Streaming support: the caption so far, from the text a back end has produced so far. Torch-free
// (the GUI's caption editor shows it while the rest streams in).

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

namespace i4::magic {

// The longest prefix of `text` that can be completed into valid JSON by closing the open strings,
// arrays and objects, completed and parsed. A leading <think>...</think> block (nullopt while it
// is open) and any text before the first '{' (a code fence, a remark) are skipped. A string value that is still being written is included as far as it goes
// (so a description grows word by word); an object key, a number or a literal is included only
// once it is complete, so a bbox never shows a half-written coordinate. nullopt before the first
// '{' or when nothing parses.
std::optional<nlohmann::ordered_json> parsePartialCaption(std::string_view text);

}  // namespace i4::magic
