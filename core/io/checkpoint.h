#pragma once

#include <ATen/core/Tensor.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/io/safetensors_file.h"

namespace i4::io {

// The weights of one model component (a folder such as `transformer/`): either a sharded
// `*.safetensors.index.json` (shard names relative to the index) or a single `.safetensors` file.
// A key found in two shards is an error. Lookups that fail name the component and the key.
class Checkpoint {
public:
    // Opens the component folder `dir`; `label` names it in messages (e.g. "transformer").
    static Checkpoint openFolder(const std::filesystem::path& dir, const std::string& label);
    // Opens one `.safetensors` file or one `.safetensors.index.json`.
    static Checkpoint openFile(const std::filesystem::path& file, const std::string& label);

    const std::string& label() const { return m_label; }
    const std::filesystem::path& dir() const { return m_dir; }
    const std::vector<std::shared_ptr<const SafetensorsFile>>& files() const { return m_files; }

    bool contains(const std::string& key) const { return m_where.count(key) != 0; }
    std::vector<std::string> keys() const;  // sorted
    const TensorInfo& info(const std::string& key) const;
    const SafetensorsFile& fileOf(const std::string& key) const;
    // A zero-copy CPU view in the stored dtype (F8_E4M3 as uint8 codes).
    at::Tensor tensor(const std::string& key) const;
    // Throws ModelError "<label> (<file>): tensor '<key>' ..." — for loaders' own checks. The key
    // is named as the file stores it (with any stripped prefix).
    [[noreturn]] void fail(const std::string& key, const std::string& what) const;

    // Makes every key that starts with `prefix` answer to its name without it, so a single-file
    // repack ("model.diffusion_model.layers.0...", ComfyUI) loads through our names; other keys
    // keep theirs. A stripped name that clashes with a key already present is a FormatError.
    // An empty prefix changes nothing.
    void stripKeyPrefix(const std::string& prefix);
    const std::string& keyPrefix() const { return m_keyPrefix; }

private:
    struct Location {
        std::size_t file;
        const TensorInfo* info;
    };
    void addFile(std::shared_ptr<const SafetensorsFile> file);

    std::string m_label;
    std::string m_keyPrefix;
    std::filesystem::path m_dir;
    std::vector<std::shared_ptr<const SafetensorsFile>> m_files;
    std::map<std::string, Location> m_where;
};

}  // namespace i4::io
