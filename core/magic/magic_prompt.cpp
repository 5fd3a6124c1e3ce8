#include "core/magic/magic_prompt.h"

#include <cmath>
#include <cstdlib>
#include <sstream>

#include "core/caption/caption_format.h"
#include "core/caption/caption_verifier.h"

namespace i4::magic {
namespace {

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
}

// A number for the prompt: "16", "2.39", "1.78".
std::string shortNumber(double value) {
    std::ostringstream out;
    out.precision(3);
    out << value;
    return out.str();
}

// At most `limit` bytes of `text` for an error message, cut at a character boundary.
std::string excerpt(const std::string& text, std::size_t limit = 80) {
    if (text.size() <= limit) return text;
    std::size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    return text.substr(0, end) + "…";
}

}  // namespace

AspectRatio parseAspect(const std::string& aspect) {
    const auto bad = [&](const std::string& why) {
        return InputError("aspect ratio '" + aspect + "': " + why +
                          " (write it as width:height, e.g. 16:9)");
    };
    const auto colon = aspect.find(':');
    if (colon == std::string::npos) throw bad("no ':'");
    const auto number = [&](const std::string& part) {
        const std::string text = trimmed(part);
        if (text.empty()) throw bad("a side is empty");
        char* end = nullptr;
        const double value = std::strtod(text.c_str(), &end);
        if (end != text.c_str() + text.size() || !std::isfinite(value)) {
            throw bad("'" + text + "' is not a number");
        }
        if (value <= 0 || value > 100) throw bad("each side must be above 0 and at most 100");
        return value;
    };
    AspectRatio ratio{number(aspect.substr(0, colon)), number(aspect.substr(colon + 1))};
    const double r = ratio.width / ratio.height;
    if (r > 8 || r < 1.0 / 8) throw bad("the ratio must lie between 1:8 and 8:1");
    return ratio;
}

void validateRequest(const MagicPromptRequest& request) {
    if (trimmed(request.idea).empty()) throw InputError("the idea for the magic prompt is empty");
    parseAspect(request.aspect);
    if (!(request.temperature >= 0 && request.temperature <= 2)) {
        throw InputError("magic prompt temperature " + shortNumber(request.temperature) +
                         " is outside 0..2");
    }
    if (!(request.topP > 0 && request.topP <= 1)) {
        throw InputError("magic prompt top-p " + shortNumber(request.topP) + " is outside (0, 1]");
    }
    if (request.maxTokens < 64 || request.maxTokens > 32768) {
        throw InputError("magic prompt token limit " + std::to_string(request.maxTokens) +
                         " is outside 64..32768");
    }
}

// Note [magic prompt wording]: written for this project from docs/caption-schema.md; it does not
// reuse the official tool's prompt. It names every key in its trained order (the constrained
// local decoder enforces the order anyway; an endpoint model only has these words), states the
// bbox convention with numbers worked out for the request's aspect ratio (the part models get
// wrong most: y first, and units that are not square on a non-square picture), and asks for bare
// JSON so that finishMagicCaption() rarely has to strip anything.
std::string buildSystemPrompt(const MagicPromptRequest& request) {
    const AspectRatio ratio = parseAspect(request.aspect);
    const std::string aspect = shortNumber(ratio.width) + ":" + shortNumber(ratio.height);
    const double yPerX = ratio.width / ratio.height;  // y units per x unit of a square region
    std::ostringstream p;
    p << "You write captions for an image generator. The user gives you a short idea for a "
         "picture; you answer with a detailed caption of that picture as a single JSON object. "
         "Reply with the JSON object only: no Markdown, no code fences, no explanation before or "
         "after it.\n\n"
         "The JSON object has exactly these keys, in this order:\n"
         "1. \"high_level_description\": one or two sentences that say what the whole picture "
         "shows.\n"
         "2. \"style_description\": an object whose keys come in this order: \"aesthetics\" "
         "(mood and visual qualities), \"lighting\" (where the light comes from and how it "
         "falls), then either \"photo\" (camera, lens, framing, depth of field) followed by "
         "\"medium\" set to \"photograph\", for a photographic picture, or \"medium\" (for "
         "example \"digital illustration\", \"watercolour\", \"3D render\") followed by "
         "\"art_style\" (the artistic style in a few words), for any other picture; never both "
         "\"photo\" and \"art_style\". Last comes \"color_palette\": a list of at most 16 colours "
         "that dominate the picture.\n"
         "3. \"compositional_deconstruction\": an object with \"background\" (a description of "
         "everything behind the main subjects) and then \"elements\": a list of the picture's "
         "main subjects, usually one to six. Each element is an object whose keys come in this "
         "order: \"type\" (\"obj\" for a thing, person or animal, \"text\" for written words), "
         "\"bbox\", then for a \"text\" element only \"text\" (the exact words, with their "
         "capitalisation), then \"desc\" (what the element looks like: shape, material, pose, "
         "for text the typeface and its colour), and last \"color_palette\" (at most 5 colours "
         "of that element).\n\n"
         "Colours are written as upper-case six-digit hex codes, such as \"#1E90FF\".\n"
         "A \"bbox\" is [y_min, x_min, y_max, x_max]: four whole numbers from 0 to 1000, measured "
         "from the top-left corner of the picture, y (down) first and x (across) second, with "
         "y_min < y_max and x_min < x_max. 0 to 1000 spans the full height in y and the full "
         "width in x. This picture's aspect ratio is "
      << aspect << " (width:height), so a region that looks square spans " << shortNumber(yPerX)
      << " times as many y units as x units. Boxes may overlap when the subjects do; keep "
         "every box inside 0..1000 and give each element room that matches its size in the "
         "picture.\n\n"
         "Stay faithful to the idea: keep its subjects, their number, their arrangement and any "
         "words it asks to show, and add concrete visual detail (materials, colours, light, "
         "setting) where the idea leaves it open. Write the caption in English, except for the "
         "words of \"text\" elements, which stay in the language the idea gives them; write any "
         "non-English character as itself, not as a \\u escape.";
    return p.str();
}

std::string buildUserMessage(const MagicPromptRequest& request) { return trimmed(request.idea); }

std::string finishMagicCaption(const std::string& raw) {
    std::string text = raw;
    // A reasoning model's <think>...</think> comes before the answer.
    if (const auto close = text.find("</think>");
        close != std::string::npos && trimmed(text.substr(0, close)).rfind("<think>", 0) == 0) {
        text = text.substr(close + 8);
    }
    // Markdown fences: keep what lies between the first fence line and the next fence.
    if (const auto fence = text.find("```"); fence != std::string::npos) {
        const auto lineEnd = text.find('\n', fence);
        if (lineEnd != std::string::npos) {
            const auto closing = text.find("```", lineEnd);
            text = text.substr(lineEnd + 1, closing == std::string::npos ? std::string::npos
                                                                         : closing - lineEnd - 1);
        }
    }
    // Chatter around the object: from the first '{' to the last '}'.
    const auto open = text.find('{');
    const auto close = text.rfind('}');
    if (open == std::string::npos || close == std::string::npos || close < open) {
        const std::string shown = trimmed(raw);
        throw MagicPromptError(shown.empty()
                                   ? "The magic prompt's answer was empty."
                                   : "The magic prompt's answer holds no JSON caption: \"" +
                                         excerpt(shown) + "\"");
    }
    text = text.substr(open, close - open + 1);
    const auto caption = caption::importCaption(text);
    if (!caption) {
        throw MagicPromptError("The magic prompt's answer is not a valid JSON caption: \"" +
                               excerpt(text) + "\"");
    }
    std::string formatted = caption::formatCaption(*caption);
    const auto warnings = caption::verifyCaption(formatted);
    if (!warnings.empty()) {
        std::string message =
            "The magic prompt's caption breaks the caption schema: " + warnings.front().jsonPath +
            ": " + warnings.front().message;
        if (warnings.size() > 1) {
            message += " (and " + std::to_string(warnings.size() - 1) + " more)";
        }
        throw MagicPromptError(message);
    }
    return formatted;
}

}  // namespace i4::magic
