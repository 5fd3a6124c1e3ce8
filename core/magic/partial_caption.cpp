#include "core/magic/partial_caption.h"

#include <string>
#include <vector>

namespace i4::magic {
namespace {

using Json = nlohmann::ordered_json;

enum class State {
    ObjectKeyOrEnd,    // after '{'
    ObjectKey,         // after ',' in an object
    ObjectColon,       // after a key
    ObjectValue,       // after ':'
    ObjectCommaOrEnd,  // after a member's value
    ArrayValueOrEnd,   // after '['
    ArrayValue,        // after ',' in an array
    ArrayCommaOrEnd,   // after an element
};

struct Frame {
    bool object;
    State state;
};

bool isNumberChar(char c) {
    return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E';
}

// Bytes a UTF-8 sequence starting with `lead` takes (1 for anything that is not a lead byte).
std::size_t utf8Length(unsigned char lead) {
    if (lead >= 0xF0) return 4;
    if (lead >= 0xE0) return 3;
    if (lead >= 0xC0) return 2;
    return 1;
}

}  // namespace

// A single left-to-right pass that remembers the last place where the text so far is a complete
// JSON value once the open containers are closed ("cut"), plus, at the end, the place inside a
// string value being written. Anything it cannot follow (invalid JSON) ends the pass; the last cut
// before it still counts.
std::optional<nlohmann::ordered_json> parsePartialCaption(std::string_view text) {
    // A reasoning model's <think> block comes first and may hold braces of its own.
    std::size_t from = 0;
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    if (first != std::string_view::npos && text.substr(first, 7) == "<think>") {
        const std::size_t close = text.find("</think>", first);
        if (close == std::string_view::npos) return std::nullopt;
        from = close + 8;
    }
    const std::size_t start = text.find('{', from);
    if (start == std::string_view::npos) return std::nullopt;
    const std::size_t n = text.size();

    std::vector<Frame> stack;
    std::size_t cutEnd = 0;
    std::string cutSuffix;
    bool haveCut = false;

    const auto closers = [&] {
        std::string suffix;
        for (auto it = stack.rbegin(); it != stack.rend(); ++it) suffix += it->object ? '}' : ']';
        return suffix;
    };
    const auto cutAt = [&](std::size_t end) {
        cutEnd = end;
        cutSuffix = closers();
        haveCut = true;
    };
    const auto expectingValue = [&] {
        if (stack.empty()) return false;
        const State s = stack.back().state;
        return s == State::ObjectValue || s == State::ArrayValueOrEnd || s == State::ArrayValue;
    };
    bool rootDone = false;
    const auto valueDone = [&](std::size_t end) {
        if (stack.empty()) {
            rootDone = true;
        } else {
            stack.back().state =
                stack.back().object ? State::ObjectCommaOrEnd : State::ArrayCommaOrEnd;
        }
        cutAt(end);
    };

    bool inString = false;
    bool stringIsKey = false;
    std::size_t stringStart = 0;
    std::size_t stringEnd = n;  // where an unfinished string value may be cut
    std::size_t i = start;
    while (i < n && !rootDone) {
        const char c = text[i];
        if (inString) {
            if (c == '\\') {
                const std::size_t need = (i + 1 < n && text[i + 1] == 'u') ? 6 : 2;
                if (i + need > n) {
                    stringEnd = i;
                    break;
                }
                i += need;
            } else if (c == '"') {
                inString = false;
                if (stringIsKey) {
                    stack.back().state = State::ObjectColon;
                } else {
                    valueDone(i + 1);
                }
                ++i;
            } else if (static_cast<unsigned char>(c) < 0x20) {
                break;
            } else {
                ++i;
            }
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            ++i;
            continue;
        }
        const bool valueHere = expectingValue() || (stack.empty() && i == start);
        if (c == '{' || c == '[') {
            if (!valueHere) break;
            stack.push_back(c == '{' ? Frame{true, State::ObjectKeyOrEnd}
                                     : Frame{false, State::ArrayValueOrEnd});
            cutAt(i + 1);
            ++i;
        } else if (c == '}' || c == ']') {
            if (stack.empty() || stack.back().object != (c == '}')) break;
            const State s = stack.back().state;
            if (s != State::ObjectKeyOrEnd && s != State::ObjectCommaOrEnd &&
                s != State::ArrayValueOrEnd && s != State::ArrayCommaOrEnd) {
                break;
            }
            stack.pop_back();
            valueDone(i + 1);
            ++i;
        } else if (c == ',') {
            if (stack.empty()) break;
            State& s = stack.back().state;
            if (s == State::ObjectCommaOrEnd) {
                s = State::ObjectKey;
            } else if (s == State::ArrayCommaOrEnd) {
                s = State::ArrayValue;
            } else {
                break;
            }
            ++i;
        } else if (c == ':') {
            if (stack.empty() || stack.back().state != State::ObjectColon) break;
            stack.back().state = State::ObjectValue;
            ++i;
        } else if (c == '"') {
            if (!stack.empty() && (stack.back().state == State::ObjectKeyOrEnd ||
                                   stack.back().state == State::ObjectKey)) {
                stringIsKey = true;
            } else if (valueHere && !stack.empty()) {
                stringIsKey = false;
            } else {
                break;
            }
            inString = true;
            stringStart = i;
            ++i;
        } else if (c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n') {
            if (!valueHere || stack.empty()) break;
            const bool number = !(c == 't' || c == 'f' || c == 'n');
            std::size_t j = i;
            while (j < n && (number ? isNumberChar(text[j]) : (text[j] >= 'a' && text[j] <= 'z'))) {
                ++j;
            }
            if (j == n) break;  // may still grow: "12" of "120", "tr" of "true"
            const std::string_view word = text.substr(i, j - i);
            if (!number && word != "true" && word != "false" && word != "null") break;
            valueDone(j);  // a malformed number is caught when the candidate is parsed
            i = j;
        } else {
            break;
        }
    }

    std::vector<std::string> candidates;
    if (inString && !stringIsKey) {
        // Drop a trailing, incomplete UTF-8 sequence so that the closed string is valid.
        std::size_t end = stringEnd;
        std::size_t lead = end;
        while (lead > stringStart + 1 &&
               (static_cast<unsigned char>(text[lead - 1]) & 0xC0) == 0x80) {
            --lead;
        }
        if (lead > stringStart + 1) {
            const std::size_t first = lead - 1;
            if (first + utf8Length(static_cast<unsigned char>(text[first])) > end) end = first;
        }
        candidates.push_back(std::string(text.substr(start, end - start)) + '"' + closers());
    }
    if (haveCut) candidates.push_back(std::string(text.substr(start, cutEnd - start)) + cutSuffix);
    for (const auto& candidate : candidates) {
        Json value = Json::parse(candidate, nullptr, false);
        if (!value.is_discarded() && value.is_object()) return value;
    }
    return std::nullopt;
}

}  // namespace i4::magic
