#pragma once

// What both magic prompt back ends share: the chat they send (a system prompt written from
// docs/caption-schema.md, with the picture's aspect ratio) and the checks on what comes back
// (fences and chatter stripped, canonical form, caption verifier). Torch-free.

#include <string>

#include "core/magic/magic_prompt_backend.h"

namespace i4::magic {

struct AspectRatio {
    double width = 1;
    double height = 1;
};

// "16:9", "4:3", "1:1", "2.39:1": two positive numbers with a colon, each side at most 100 and the
// ratio between 1:8 and 8:1. Throws InputError naming the text otherwise.
AspectRatio parseAspect(const std::string& aspect);

// Throws InputError for an empty (or whitespace-only) idea, a bad aspect, temperature outside
// [0, 2], top-p outside (0, 1] or maxTokens outside [64, 32768].
void validateRequest(const MagicPromptRequest& request);

// The system turn: the task, the caption's keys in their trained order, the bbox convention for
// this aspect ratio, colours as hex. English; our own wording (Note [magic prompt wording]).
std::string buildSystemPrompt(const MagicPromptRequest& request);

// The user turn: the idea as written, trimmed.
std::string buildUserMessage(const MagicPromptRequest& request);

// Raw model text -> canonical caption text (formatCaption), verified. Strips a leading
// <think>...</think> block, Markdown code fences and any text around the outermost JSON object.
// Throws MagicPromptError when no caption object is found or when the verifier has any warning
// (the message names the first JSON path and rule).
std::string finishMagicCaption(const std::string& raw);

}  // namespace i4::magic
