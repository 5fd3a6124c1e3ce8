#include "core/text/conditioning_cache.h"

#include <ATen/ATen.h>

#include "core/errors.h"

namespace i4::text {

std::size_t ConditioningCache::IdsHash::operator()(const std::vector<int64_t>& ids) const {
    // FNV-1a over the ids: cheap, and prompts differ early anyway.
    uint64_t h = 1469598103934665603ull;
    for (int64_t id : ids) {
        h ^= static_cast<uint64_t>(id);
        h *= 1099511628211ull;
    }
    return static_cast<std::size_t>(h);
}

ConditioningCache::ConditioningCache(std::size_t maxBytes) : m_maxBytes(maxBytes) {}

at::Tensor ConditioningCache::find(const std::vector<int64_t>& ids) {
    std::lock_guard<std::mutex> lock(m_mapMutex);
    const auto it = m_index.find(ids);
    if (it == m_index.end()) return {};
    m_entries.splice(m_entries.begin(), m_entries, it->second);
    return it->second->features;
}

void ConditioningCache::insert(const std::vector<int64_t>& ids, const at::Tensor& features) {
    const std::size_t bytes =
        features.numel() * features.element_size() + ids.size() * sizeof(int64_t) + sizeof(Entry);
    std::lock_guard<std::mutex> lock(m_mapMutex);
    if (bytes > m_maxBytes || m_index.count(ids)) return;
    while (!m_entries.empty() && m_stats.bytes + bytes > m_maxBytes) {
        const Entry& victim = m_entries.back();
        m_stats.bytes -= victim.bytes;
        m_index.erase(victim.ids);
        m_entries.pop_back();
        ++m_stats.evictions;
    }
    m_entries.push_front(Entry{ids, features, bytes});
    m_index.emplace(ids, m_entries.begin());
    m_stats.bytes += bytes;
    m_stats.entries = m_entries.size();
}

TextFeatures ConditioningCache::encode(const std::vector<std::vector<int64_t>>& ids,
                                       const BatchEncoder& run) {
    if (ids.empty()) throw InputError("text encoder: no prompts to encode");
    std::lock_guard<std::mutex> runLock(m_runMutex);

    std::vector<at::Tensor> perPrompt(ids.size());  // [n_b, F] float32
    std::vector<std::vector<int64_t>> missing;
    std::vector<std::size_t> missingOf(ids.size(), SIZE_MAX);  // index into `missing`
    std::size_t hits = 0;
    for (std::size_t b = 0; b < ids.size(); ++b) {
        perPrompt[b] = find(ids[b]);
        if (perPrompt[b].defined()) {
            ++hits;
            continue;
        }
        // A prompt repeated within the batch is encoded once.
        for (std::size_t m = 0; m < missing.size(); ++m) {
            if (missing[m] == ids[b]) missingOf[b] = m;
        }
        if (missingOf[b] == SIZE_MAX) {
            missingOf[b] = missing.size();
            missing.push_back(ids[b]);
        }
    }

    if (!missing.empty()) {
        const TextFeatures fresh = run(missing);
        const at::Tensor features = fresh.features.to(at::kCPU, at::kFloat);  // [M, Lm, F]
        const int64_t freshLen = features.size(1);
        std::vector<at::Tensor> freshPrompt(missing.size());
        for (std::size_t m = 0; m < missing.size(); ++m) {
            const auto n = static_cast<int64_t>(missing[m].size());
            freshPrompt[m] = features[static_cast<int64_t>(m)].narrow(0, freshLen - n, n).clone();
            insert(missing[m], freshPrompt[m]);
        }
        for (std::size_t b = 0; b < ids.size(); ++b) {
            if (!perPrompt[b].defined()) perPrompt[b] = freshPrompt[missingOf[b]];
        }
    }
    {
        std::lock_guard<std::mutex> lock(m_mapMutex);
        m_stats.hits += hits;
        m_stats.misses += missing.size();
    }

    TextFeatures result;
    int64_t maxLen = 0;
    for (const auto& prompt : ids) {
        result.lengths.push_back(static_cast<int64_t>(prompt.size()));
        maxLen = std::max(maxLen, result.lengths.back());
    }
    const auto batch = static_cast<int64_t>(ids.size());
    const int64_t featureSize = perPrompt[0].size(1);
    result.features = at::zeros({batch, maxLen, featureSize}, at::kFloat);  // [B, L, F]
    result.mask = at::zeros({batch, maxLen}, at::kBool);                    // [B, L]
    for (int64_t b = 0; b < batch; ++b) {
        const int64_t n = result.lengths[b];
        result.features[b].narrow(0, maxLen - n, n).copy_(perPrompt[b]);
        result.mask[b].narrow(0, maxLen - n, n).fill_(true);
    }
    return result;
}

TextFeatures ConditioningCache::encode(const std::vector<std::vector<int64_t>>& ids,
                                       const Qwen3TextEncoder& encoder) {
    return encode(ids, [&encoder](const std::vector<std::vector<int64_t>>& batch) {
        return encoder.encode(batch);
    });
}

ConditioningCache::Stats ConditioningCache::stats() const {
    std::lock_guard<std::mutex> lock(m_mapMutex);
    return m_stats;
}

void ConditioningCache::clear() {
    std::lock_guard<std::mutex> lock(m_mapMutex);
    m_entries.clear();
    m_index.clear();
    m_stats.bytes = 0;
    m_stats.entries = 0;
}

}  // namespace i4::text
