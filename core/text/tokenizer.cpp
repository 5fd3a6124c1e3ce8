#include "core/text/tokenizer.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <limits>
#include <mutex>
#include <nlohmann/json.hpp>
#include <queue>
#include <unordered_map>

#include "core/errors.h"
#include "core/io/json_file.h"

namespace i4::text {

namespace {

constexpr const char* kImStart = "<|im_start|>";
constexpr const char* kImEnd = "<|im_end|>";
// Pieces longer than this are not cached: they are rare and would crowd out the common ones.
constexpr std::size_t kMaxCachedPieceBytes = 128;
constexpr std::size_t kMaxCacheEntries = 1 << 16;

void appendUtf8(std::string& out, uint32_t cp) {
    uint8_t buf[4];
    const utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

// Throws InputError at the first byte that does not start a valid UTF-8 character.
void checkUtf8(std::string_view text, const char* what) {
    const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
    std::size_t pos = 0;
    while (pos < text.size()) {
        if (bytes[pos] < 0x80) {
            ++pos;
            continue;
        }
        utf8proc_int32_t cp = 0;
        const utf8proc_ssize_t n =
            utf8proc_iterate(bytes + pos, static_cast<utf8proc_ssize_t>(text.size() - pos), &cp);
        if (n <= 0 || cp < 0) {
            throw InputError(std::string(what) + " is not valid UTF-8: bad byte 0x" +
                             [](unsigned v) {
                                 const char* hex = "0123456789abcdef";
                                 return std::string{hex[v >> 4], hex[v & 15]};
                             }(bytes[pos]) +
                             " at byte offset " + std::to_string(pos));
        }
        pos += static_cast<std::size_t>(n);
    }
}

// GPT-2 `bytes_to_unicode`: printable Latin-1 bytes map to themselves, the other 68 bytes to
// U+0100.. in ascending byte order, so every byte has a visible, non-space character.
std::array<uint32_t, 256> byteToUnicode() {
    std::array<uint32_t, 256> table{};
    uint32_t next = 256;
    for (uint32_t b = 0; b < 256; ++b) {
        const bool printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || b >= 0xAE;
        table[b] = printable ? b : next++;
    }
    return table;
}

struct AddedToken {
    std::string content;
    int32_t id = 0;
};

struct MergeRule {
    int32_t rank;
    int32_t merged;
};

uint64_t pairKey(int32_t a, int32_t b) {
    return (static_cast<uint64_t>(static_cast<uint32_t>(a)) << 32) | static_cast<uint32_t>(b);
}

// The Split regex's pattern from `pre_tokenizer` (a Sequence or a single pre-tokenizer).
std::optional<std::string> findSplitRegex(const nlohmann::json& node) {
    if (!node.is_object()) return std::nullopt;
    if (node.value("type", "") == "Split" && node.contains("pattern") &&
        node["pattern"].contains("Regex")) {
        return node["pattern"]["Regex"].get<std::string>();
    }
    if (node.contains("pretokenizers")) {
        for (const auto& child : node["pretokenizers"]) {
            if (auto found = findSplitRegex(child)) return found;
        }
    }
    return std::nullopt;
}

bool normalizerIsNfc(const nlohmann::json& node, const std::string& where) {
    if (node.is_null()) return false;
    const std::string type = node.value("type", "");
    if (type == "NFC") return true;
    if (type == "Sequence") {
        bool nfc = false;
        for (const auto& child : node.at("normalizers")) nfc = normalizerIsNfc(child, where) || nfc;
        return nfc;
    }
    throw ModelError(where + ": normalizer type '" + type + "' is not supported (expected NFC)");
}

}  // namespace

struct Tokenizer::Impl {
    std::filesystem::path path;
    std::unordered_map<std::string, int32_t> vocab;
    std::vector<std::string> idToToken;  // byte-level strings, or added-token contents
    std::vector<bool> isAdded;
    std::unordered_map<uint64_t, MergeRule> merges;
    std::array<int32_t, 256> byteIds{};
    std::array<uint32_t, 256> byteChars{};
    std::unordered_map<uint32_t, uint8_t> charToByte;
    std::vector<AddedToken> added;                               // longest first
    std::array<std::vector<std::size_t>, 256> addedByFirstByte;  // indices into `added`
    bool nfc = false;
    pcre2_code* regex = nullptr;

    mutable std::mutex cacheMutex;
    mutable std::unordered_map<std::string, std::vector<int32_t>> cache;

    ~Impl() {
        if (regex) pcre2_code_free(regex);
    }

    void load(const nlohmann::json& j);
    std::string where() const { return "tokenizer " + path.string(); }
    void encodeInto(std::string_view text, std::vector<int64_t>& out) const;
    void encodeSegment(std::string_view segment, std::vector<int64_t>& out) const;
    void encodePiece(std::string_view piece, std::vector<int64_t>& out) const;
    std::vector<int32_t> bpe(std::string_view piece) const;
    std::optional<int32_t> lookup(std::string_view token) const;
};

void Tokenizer::Impl::load(const nlohmann::json& j) {
    const nlohmann::json& model = j.at("model");
    if (model.value("type", "BPE") != "BPE") {
        throw ModelError(where() + ": model.type '" + model.value("type", "") +
                         "' is not supported (expected BPE)");
    }
    int32_t maxId = -1;
    for (const auto& [token, id] : model.at("vocab").items()) {
        const int32_t value = id.get<int32_t>();
        vocab.emplace(token, value);
        maxId = std::max(maxId, value);
    }
    // All added tokens are matched on the raw text. Qwen's are normalized=false; for a token
    // marked normalized=true the raw and NFC texts differ only in non-NFC spellings of it.
    for (const auto& entry : j.value("added_tokens", nlohmann::json::array())) {
        if (entry.value("lstrip", false) || entry.value("rstrip", false) ||
            entry.value("single_word", false)) {
            throw ModelError(where() + ": added token '" + entry.value("content", "") +
                             "' uses lstrip/rstrip/single_word, which is not supported");
        }
        AddedToken token{entry.at("content").get<std::string>(), entry.at("id").get<int32_t>()};
        if (token.content.empty()) throw ModelError(where() + ": empty added token");
        maxId = std::max(maxId, token.id);
        added.push_back(std::move(token));
    }
    idToToken.assign(static_cast<std::size_t>(maxId + 1), std::string());
    isAdded.assign(idToToken.size(), false);
    for (const auto& [token, id] : vocab) {
        if (id < 0)
            throw ModelError(where() + ": negative id for vocabulary entry '" + token + "'");
        idToToken[static_cast<std::size_t>(id)] = token;
    }
    std::stable_sort(added.begin(), added.end(), [](const AddedToken& a, const AddedToken& b) {
        return a.content.size() > b.content.size();
    });
    for (std::size_t i = 0; i < added.size(); ++i) {
        idToToken[static_cast<std::size_t>(added[i].id)] = added[i].content;
        isAdded[static_cast<std::size_t>(added[i].id)] = true;
        addedByFirstByte[static_cast<uint8_t>(added[i].content[0])].push_back(i);
    }

    byteChars = byteToUnicode();
    for (int b = 0; b < 256; ++b) {
        std::string ch;
        appendUtf8(ch, byteChars[b]);
        charToByte[byteChars[b]] = static_cast<uint8_t>(b);
        const auto it = vocab.find(ch);
        if (it == vocab.end()) {
            throw ModelError(where() + ": vocabulary lacks the byte-level token for byte " +
                             std::to_string(b) + " ('" + ch + "')");
        }
        byteIds[b] = it->second;
    }

    // Merges come as "a b" strings (older files) or ["a", "b"] pairs (tokenizers >= 0.20).
    const nlohmann::json& mergeList = model.at("merges");
    merges.reserve(mergeList.size());
    int32_t rank = 0;
    for (const auto& m : mergeList) {
        std::string left, right;
        if (m.is_string()) {
            const std::string s = m.get<std::string>();
            const auto space = s.find(' ');
            if (space == std::string::npos || s.find(' ', space + 1) != std::string::npos) {
                throw ModelError(where() + ": model.merges[" + std::to_string(rank) +
                                 "] is not of the form \"a b\": '" + s + "'");
            }
            left = s.substr(0, space);
            right = s.substr(space + 1);
        } else if (m.is_array() && m.size() == 2) {
            left = m[0].get<std::string>();
            right = m[1].get<std::string>();
        } else {
            throw ModelError(where() + ": model.merges[" + std::to_string(rank) +
                             "] is neither \"a b\" nor [\"a\", \"b\"]");
        }
        const auto a = vocab.find(left);
        const auto b = vocab.find(right);
        const auto ab = vocab.find(left + right);
        if (a == vocab.end() || b == vocab.end() || ab == vocab.end()) {
            throw ModelError(where() + ": model.merges[" + std::to_string(rank) + "] ('" + left +
                             "', '" + right + "') uses a token missing from the vocabulary");
        }
        // A repeated pair keeps its first (best) rank, as the reference implementation does.
        merges.emplace(pairKey(a->second, b->second), MergeRule{rank, ab->second});
        ++rank;
    }

    nfc = normalizerIsNfc(j.value("normalizer", nlohmann::json()), where());

    const auto pattern = findSplitRegex(j.value("pre_tokenizer", nlohmann::json()));
    if (!pattern) {
        throw ModelError(where() + ": pre_tokenizer has no Split regex (byte-level BPE expected)");
    }
    int errorCode = 0;
    PCRE2_SIZE errorOffset = 0;
    regex = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern->data()), pattern->size(),
                          PCRE2_UTF | PCRE2_UCP, &errorCode, &errorOffset, nullptr);
    if (!regex) {
        PCRE2_UCHAR message[256];
        pcre2_get_error_message(errorCode, message, sizeof(message));
        throw ModelError(where() + ": pre_tokenizer regex does not compile at offset " +
                         std::to_string(errorOffset) + ": " +
                         reinterpret_cast<const char*>(message));
    }
    // JIT is a speed-up only; the interpreter gives the same matches where JIT is unavailable.
    pcre2_jit_compile(regex, PCRE2_JIT_COMPLETE);
}

std::optional<int32_t> Tokenizer::Impl::lookup(std::string_view token) const {
    for (const AddedToken& a : added) {
        if (a.content == token) return a.id;
    }
    const auto it = vocab.find(std::string(token));
    if (it != vocab.end()) return it->second;
    return std::nullopt;
}

void Tokenizer::Impl::encodeInto(std::string_view text, std::vector<int64_t>& out) const {
    // Added tokens are found on the raw text first (normalized=false), leftmost then longest.
    std::size_t segmentStart = 0;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const AddedToken* match = nullptr;
        for (std::size_t index : addedByFirstByte[static_cast<uint8_t>(text[pos])]) {
            const AddedToken& candidate = added[index];
            if (text.compare(pos, candidate.content.size(), candidate.content) == 0) {
                match = &candidate;  // `added` is sorted longest first
                break;
            }
        }
        if (!match) {
            ++pos;
            continue;
        }
        encodeSegment(text.substr(segmentStart, pos - segmentStart), out);
        out.push_back(match->id);
        pos += match->content.size();
        segmentStart = pos;
    }
    encodeSegment(text.substr(segmentStart), out);
}

void Tokenizer::Impl::encodeSegment(std::string_view segment, std::vector<int64_t>& out) const {
    if (segment.empty()) return;
    std::string normalized;
    const bool ascii = std::all_of(segment.begin(), segment.end(),
                                   [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (nfc && !ascii) {
        utf8proc_uint8_t* mapped = nullptr;
        const utf8proc_ssize_t n =
            utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(segment.data()),
                         static_cast<utf8proc_ssize_t>(segment.size()), &mapped,
                         static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
        if (n < 0) {
            throw InputError(std::string("text cannot be normalised (NFC): ") + utf8proc_errmsg(n));
        }
        normalized.assign(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
        std::free(mapped);
        segment = normalized;
    }

    // Split with behaviour "Isolated": every match is a piece, and so is any text between them.
    pcre2_match_data* data = pcre2_match_data_create_from_pattern(regex, nullptr);
    const auto* subject = reinterpret_cast<PCRE2_SPTR>(segment.data());
    std::size_t offset = 0;
    std::size_t pieceEnd = 0;
    while (offset < segment.size()) {
        const int rc =
            pcre2_match(regex, subject, segment.size(), offset, PCRE2_NO_UTF_CHECK, data, nullptr);
        if (rc == PCRE2_ERROR_NOMATCH) break;
        if (rc < 0) {
            pcre2_match_data_free(data);
            PCRE2_UCHAR message[256];
            pcre2_get_error_message(rc, message, sizeof(message));
            throw InputError(std::string("pre-tokenizer regex failed: ") +
                             reinterpret_cast<const char*>(message));
        }
        const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(data);
        const std::size_t start = ovector[0];
        const std::size_t end = ovector[1];
        if (start > pieceEnd) encodePiece(segment.substr(pieceEnd, start - pieceEnd), out);
        if (end > start) {
            encodePiece(segment.substr(start, end - start), out);
            offset = end;
        } else {
            // An empty match: step over one whole character so the loop always advances.
            offset = end + 1;
            while (offset < segment.size() &&
                   (static_cast<uint8_t>(segment[offset]) & 0xC0) == 0x80) {
                ++offset;
            }
        }
        pieceEnd = std::max(pieceEnd, end);
    }
    pcre2_match_data_free(data);
    if (pieceEnd < segment.size()) encodePiece(segment.substr(pieceEnd), out);
}

void Tokenizer::Impl::encodePiece(std::string_view piece, std::vector<int64_t>& out) const {
    const bool cacheable = piece.size() <= kMaxCachedPieceBytes;
    if (cacheable) {
        std::lock_guard<std::mutex> lock(cacheMutex);
        const auto it = cache.find(std::string(piece));
        if (it != cache.end()) {
            out.insert(out.end(), it->second.begin(), it->second.end());
            return;
        }
    }
    std::vector<int32_t> ids = bpe(piece);
    out.insert(out.end(), ids.begin(), ids.end());
    if (cacheable) {
        std::lock_guard<std::mutex> lock(cacheMutex);
        // Prompts reuse a small set of pieces; starting over when full keeps memory bounded.
        if (cache.size() >= kMaxCacheEntries) cache.clear();
        cache.emplace(std::string(piece), std::move(ids));
    }
}

std::vector<int32_t> Tokenizer::Impl::bpe(std::string_view piece) const {
    // Symbols form a linked list; a min-heap on (rank, position) picks the next merge, the same
    // order as the reference BPE (lowest rank first, leftmost among equals). Stale heap entries
    // are recognised by comparing the ids they were made for.
    struct Symbol {
        int32_t id;
        int32_t prev;
        int32_t next;
    };
    struct Candidate {
        int32_t rank;
        int32_t left;
        int32_t right;
        int32_t leftId;
        int32_t rightId;
        bool operator>(const Candidate& o) const {
            return rank != o.rank ? rank > o.rank : left > o.left;
        }
    };
    const auto n = static_cast<int32_t>(piece.size());
    std::vector<Symbol> symbols(static_cast<std::size_t>(n));
    for (int32_t i = 0; i < n; ++i) {
        symbols[i] = {byteIds[static_cast<uint8_t>(piece[i])], i - 1, i + 1 < n ? i + 1 : -1};
    }
    std::priority_queue<Candidate, std::vector<Candidate>, std::greater<Candidate>> heap;
    const auto push = [&](int32_t left) {
        if (left < 0) return;
        const int32_t right = symbols[left].next;
        if (right < 0) return;
        const auto it = merges.find(pairKey(symbols[left].id, symbols[right].id));
        if (it != merges.end()) {
            heap.push({it->second.rank, left, right, symbols[left].id, symbols[right].id});
        }
    };
    for (int32_t i = 0; i + 1 < n; ++i) push(i);
    while (!heap.empty()) {
        const Candidate c = heap.top();
        heap.pop();
        Symbol& left = symbols[c.left];
        if (left.id != c.leftId || left.next != c.right || symbols[c.right].id != c.rightId)
            continue;
        left.id = merges.at(pairKey(c.leftId, c.rightId)).merged;
        Symbol& right = symbols[c.right];
        left.next = right.next;
        if (right.next >= 0) symbols[right.next].prev = c.left;
        right.id = -1;  // dead
        push(left.prev);
        push(c.left);
    }
    std::vector<int32_t> ids;
    for (int32_t i = n > 0 ? 0 : -1; i >= 0; i = symbols[i].next) ids.push_back(symbols[i].id);
    return ids;
}

std::string chatText(std::string_view system, std::string_view prompt) {
    std::string text;
    text.reserve(system.size() + 32);
    text += kImStart;
    text += "system\n";
    text += system;
    text += kImEnd;
    text += "\n";
    return text + chatText(prompt);
}

std::string chatText(std::string_view prompt) {
    std::string text;
    text.reserve(prompt.size() + 48);
    text += kImStart;
    text += "user\n";
    text += prompt;
    text += kImEnd;
    text += "\n";
    text += kImStart;
    text += "assistant\n";
    return text;
}

Tokenizer::Tokenizer(std::shared_ptr<Impl> impl) : m_impl(std::move(impl)) {}

Tokenizer Tokenizer::fromFile(const std::filesystem::path& tokenizerJson) {
    const nlohmann::json j = io::readJsonFile(tokenizerJson, "tokenizer");
    auto impl = std::make_shared<Impl>();
    impl->path = tokenizerJson;
    try {
        impl->load(j);
    } catch (const nlohmann::json::exception& e) {
        throw ModelError(impl->where() + ": unexpected structure: " + e.what());
    }
    return Tokenizer(std::move(impl));
}

Tokenizer Tokenizer::fromModelFolder(const std::filesystem::path& modelDir) {
    const std::filesystem::path file = modelDir / "tokenizer" / "tokenizer.json";
    if (!std::filesystem::is_regular_file(file)) {
        throw ModelError("model folder " + modelDir.string() + " has no tokenizer/tokenizer.json");
    }
    return fromFile(file);
}

std::vector<int64_t> Tokenizer::encode(std::string_view text) const {
    checkUtf8(text, "text");
    std::vector<int64_t> ids;
    ids.reserve(text.size() / 3 + 8);
    m_impl->encodeInto(text, ids);
    return ids;
}

std::size_t Tokenizer::countChatTokens(std::string_view prompt) const {
    checkUtf8(prompt, "prompt");
    for (const char* token : {kImStart, kImEnd}) {
        const auto id = m_impl->lookup(token);
        if (!id || !m_impl->isAdded[static_cast<std::size_t>(*id)]) {
            throw ModelError(m_impl->where() + ": lacks the chat token " + token +
                             " as an added token, so it cannot frame a prompt (spec B.1)");
        }
    }
    std::vector<int64_t> ids;
    m_impl->encodeInto(chatText(prompt), ids);
    return ids.size();
}

std::vector<int64_t> Tokenizer::encodeChat(std::string_view prompt) const {
    const std::size_t count = countChatTokens(prompt);
    if (count > kMaxTextTokens) {
        throw InputError("prompt is " + std::to_string(count) +
                         " tokens long with chat framing; the text encoder takes at most " +
                         std::to_string(kMaxTextTokens));
    }
    std::vector<int64_t> ids;
    ids.reserve(count);
    m_impl->encodeInto(chatText(prompt), ids);
    return ids;
}

std::string Tokenizer::decode(const std::vector<int64_t>& ids) const {
    std::string text;
    for (int64_t id : ids) {
        if (id < 0 || id >= idCount() || (m_impl->idToToken[id].empty())) {
            throw InputError("token id " + std::to_string(id) + " is not in " + m_impl->where());
        }
        const std::string& token = m_impl->idToToken[static_cast<std::size_t>(id)];
        if (m_impl->isAdded[static_cast<std::size_t>(id)]) {
            text += token;
            continue;
        }
        const auto* bytes = reinterpret_cast<const utf8proc_uint8_t*>(token.data());
        std::size_t pos = 0;
        while (pos < token.size()) {
            utf8proc_int32_t cp = 0;
            const utf8proc_ssize_t n = utf8proc_iterate(
                bytes + pos, static_cast<utf8proc_ssize_t>(token.size() - pos), &cp);
            const auto it = n > 0 ? m_impl->charToByte.find(static_cast<uint32_t>(cp))
                                  : m_impl->charToByte.end();
            if (it == m_impl->charToByte.end()) {
                throw ModelError(m_impl->where() + ": vocabulary entry " + std::to_string(id) +
                                 " is not a byte-level string");
            }
            text += static_cast<char>(it->second);
            pos += static_cast<std::size_t>(n);
        }
    }
    return text;
}

std::optional<int64_t> Tokenizer::tokenId(std::string_view token) const {
    const auto id = m_impl->lookup(token);
    if (!id) return std::nullopt;
    return *id;
}

bool Tokenizer::isAddedToken(int64_t id) const {
    return id >= 0 && id < idCount() && m_impl->isAdded[static_cast<std::size_t>(id)];
}

int64_t Tokenizer::idCount() const { return static_cast<int64_t>(m_impl->idToToken.size()); }

const std::filesystem::path& Tokenizer::path() const { return m_impl->path; }

}  // namespace i4::text
