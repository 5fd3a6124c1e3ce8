#include "core/io/checkpoint.h"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "core/errors.h"
#include "core/io/tensor_view.h"

namespace i4::io {
namespace fs = std::filesystem;

namespace {

bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() &&
           s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

nlohmann::json readIndex(const fs::path& indexPath, const std::string& label) {
    std::ifstream in(indexPath);
    if (!in) throw ModelError(label + ": cannot read " + indexPath.string());
    nlohmann::json index = nlohmann::json::parse(in, nullptr, false);
    if (index.is_discarded() || !index.is_object()) {
        throw FormatError(label + ": " + indexPath.string() + " is not valid JSON");
    }
    auto map = index.find("weight_map");
    if (map == index.end() || !map->is_object()) {
        throw FormatError(label + ": " + indexPath.string() + " has no \"weight_map\" object");
    }
    return *map;
}

}  // namespace

Checkpoint Checkpoint::openFolder(const fs::path& dir, const std::string& label) {
    if (!fs::is_directory(dir)) {
        throw ModelError(label + ": folder " + dir.string() + " is missing");
    }
    // Preferred names first, as the reference loader tries them; then any index or single file.
    for (const char* name :
         {"diffusion_pytorch_model.safetensors.index.json", "model.safetensors.index.json",
          "diffusion_pytorch_model.safetensors", "model.safetensors"}) {
        if (fs::is_regular_file(dir / name)) return openFile(dir / name, label);
    }
    std::vector<fs::path> indexes, singles;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (endsWith(name, ".safetensors.index.json")) indexes.push_back(entry.path());
        if (endsWith(name, ".safetensors")) singles.push_back(entry.path());
    }
    if (indexes.size() == 1) return openFile(indexes.front(), label);
    if (indexes.empty() && singles.size() == 1) return openFile(singles.front(), label);
    if (indexes.empty() && singles.empty()) {
        throw ModelError(label + ": no .safetensors weights in " + dir.string());
    }
    throw ModelError(label + ": several weight files in " + dir.string() +
                     " and no index to say which belong together");
}

Checkpoint Checkpoint::openFile(const fs::path& file, const std::string& label) {
    Checkpoint ckpt;
    ckpt.m_label = label;
    ckpt.m_dir = file.parent_path();
    const std::string name = file.filename().string();
    if (!endsWith(name, ".index.json")) {
        ckpt.addFile(SafetensorsFile::open(file));
        return ckpt;
    }
    const nlohmann::json weightMap = readIndex(file, label);
    std::set<std::string> shards;
    for (const auto& [key, shard] : weightMap.items()) {
        if (!shard.is_string()) {
            throw FormatError(label + ": " + file.string() + ": weight_map entry '" + key +
                              "' is not a file name");
        }
        const std::string shardName = shard.get<std::string>();
        if (fs::path(shardName).is_absolute() || shardName.find("..") != std::string::npos) {
            throw FormatError(label + ": " + file.string() + ": shard name '" + shardName +
                              "' must be relative to the index's folder");
        }
        shards.insert(shardName);
    }
    for (const std::string& shardName : shards) {
        const fs::path shardPath = ckpt.m_dir / shardName;
        if (!fs::is_regular_file(shardPath)) {
            throw ModelError(label + ": shard " + shardPath.string() + " named in " +
                             file.filename().string() + " is missing");
        }
        ckpt.addFile(SafetensorsFile::open(shardPath));
    }
    for (const auto& [key, shard] : weightMap.items()) {
        auto it = ckpt.m_where.find(key);
        const std::string expected = (ckpt.m_dir / shard.get<std::string>()).string();
        if (it == ckpt.m_where.end()) {
            throw ModelError(label + ": tensor '" + key + "' is listed in " +
                             file.filename().string() + " but missing from " + expected);
        }
        if (ckpt.m_files[it->second.file]->path().string() != expected) {
            throw ModelError(label + ": tensor '" + key + "' is listed for " + expected +
                             " but stored in " + ckpt.m_files[it->second.file]->path().string());
        }
    }
    return ckpt;
}

void Checkpoint::addFile(std::shared_ptr<const SafetensorsFile> file) {
    const std::size_t index = m_files.size();
    for (const TensorInfo& info : file->tensors()) {
        auto [it, inserted] = m_where.emplace(info.name, Location{index, &info});
        if (!inserted) {
            throw FormatError(m_label + ": tensor '" + info.name +
                              "' is in two shards: " + m_files[it->second.file]->path().string() +
                              " and " + file->path().string());
        }
    }
    m_files.push_back(std::move(file));
}

std::vector<std::string> Checkpoint::keys() const {
    std::vector<std::string> result;
    result.reserve(m_where.size());
    for (const auto& entry : m_where) result.push_back(entry.first);
    return result;
}

void Checkpoint::stripKeyPrefix(const std::string& prefix) {
    if (prefix.empty()) return;
    std::map<std::string, Location> renamed;
    for (const auto& [key, where] : m_where) {
        const bool prefixed = key.compare(0, prefix.size(), prefix) == 0;
        const std::string name = prefixed ? key.substr(prefix.size()) : key;
        if (!renamed.emplace(name, where).second) {
            throw FormatError(m_label + " (" + m_dir.string() + "): tensor '" + name +
                              "' is stored both with and without the prefix '" + prefix + "'");
        }
    }
    m_where = std::move(renamed);
    m_keyPrefix = prefix;
}

const TensorInfo& Checkpoint::info(const std::string& key) const {
    auto it = m_where.find(key);
    if (it == m_where.end()) {
        throw ModelError(m_label + " (" + m_dir.string() + "): tensor '" + m_keyPrefix + key +
                         "' is missing");
    }
    return *it->second.info;
}

const SafetensorsFile& Checkpoint::fileOf(const std::string& key) const {
    info(key);
    return *m_files[m_where.at(key).file];
}

at::Tensor Checkpoint::tensor(const std::string& key) const {
    const TensorInfo& ti = info(key);
    return tensorView(m_files[m_where.at(key).file], ti);
}

void Checkpoint::fail(const std::string& key, const std::string& what) const {
    auto it = m_where.find(key);
    const std::string file =
        it == m_where.end() ? m_dir.string() : m_files[it->second.file]->path().string();
    const std::string stored = it == m_where.end() ? m_keyPrefix + key : it->second.info->name;
    throw ModelError(m_label + " (" + file + "): tensor '" + stored + "' " + what);
}

}  // namespace i4::io
