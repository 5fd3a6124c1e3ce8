#pragma once

#include <ATen/core/Tensor.h>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <list>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "core/text/qwen3_text_encoder.h"

namespace i4::text {

// Text features per prompt, keyed by the prompt's token ids, so a running program never encodes
// the same ids twice while they fit. Memory is bounded (least recently used entries go first,
// counted in bytes). One cache belongs to one loaded text encoder: the key holds no model identity.
// Thread-safe; encoder runs are serialised so that concurrent callers asking for the same ids wait
// for one run instead of starting a second.
class ConditioningCache {
public:
    static constexpr std::size_t kDefaultMaxBytes = std::size_t(1) << 30;

    // Encodes the prompts the cache lacks; gets ids per prompt and returns their TextFeatures.
    using BatchEncoder = std::function<TextFeatures(const std::vector<std::vector<int64_t>>&)>;

    struct Stats {
        std::size_t hits = 0;       // prompts served from the cache
        std::size_t misses = 0;     // prompts sent to the encoder
        std::size_t evictions = 0;  // entries dropped to stay within maxBytes
        std::size_t entries = 0;
        std::size_t bytes = 0;
    };

    explicit ConditioningCache(std::size_t maxBytes = kDefaultMaxBytes);

    // Same result as running the encoder on `ids` (left-padded batch, features on the CPU),
    // with cached prompts taken from the cache and the others encoded in one batch.
    TextFeatures encode(const std::vector<std::vector<int64_t>>& ids, const BatchEncoder& run);
    TextFeatures encode(const std::vector<std::vector<int64_t>>& ids,
                        const Qwen3TextEncoder& encoder);

    Stats stats() const;
    std::size_t maxBytes() const { return m_maxBytes; }
    void clear();

private:
    struct IdsHash {
        std::size_t operator()(const std::vector<int64_t>& ids) const;
    };
    struct Entry {
        std::vector<int64_t> ids;
        at::Tensor features;  // [n, 13 * hidden] float32, CPU
        std::size_t bytes;
    };
    using EntryList = std::list<Entry>;  // most recently used first

    at::Tensor find(const std::vector<int64_t>& ids);
    void insert(const std::vector<int64_t>& ids, const at::Tensor& features);

    const std::size_t m_maxBytes;
    std::mutex m_runMutex;          // held for a whole encode call
    mutable std::mutex m_mapMutex;  // guards everything below
    EntryList m_entries;
    std::unordered_map<std::vector<int64_t>, EntryList::iterator, IdsHash> m_index;
    Stats m_stats;
};

}  // namespace i4::text
