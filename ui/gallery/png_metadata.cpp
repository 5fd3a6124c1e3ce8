#include "ui/gallery/png_metadata.h"

#include "core/image/png_io.h"
#include "ui/generation/image_conversion.h"

namespace i4::ui {

bool writeImageWithMetadata(const QString& path, const QImage& image, const ImageMetadata& metadata,
                            QString* error) {
    image::PngMetadata png;
    // The same format marker and app as the CLI's document (core/pipeline/image_output.h).
    nlohmann::json document = image::newImageDocument();
    document["request"] = metadata.request.toJson();
    document["model"] = metadata.modelId.toStdString();
    document["created"] = metadata.created.toString(Qt::ISODateWithMs).toStdString();
    if (!metadata.sourceSha256.isEmpty())
        document["variation_of"] = metadata.sourceSha256.toStdString();
    png.document = document;
    png.parameters = image::ParametersLine::fromRequest(metadata.request, 0, metadata.request.seed,
                                                        metadata.modelId.toStdString())
                         .format();
    try {
        // Atomic (temporary file + rename): the index never points at a half-written PNG.
        image::writePng(path.toStdString(), toRgbImage(image), png);
        return true;
    } catch (const std::exception& e) {
        if (error) *error = QString::fromStdString(e.what());
        return false;
    }
}

QString modelIdFromDocument(const nlohmann::json& document) {
    const auto model = document.find("model");
    if (model == document.end()) return {};
    if (model->is_string()) return QString::fromStdString(model->get<std::string>());
    if (!model->is_object()) return {};
    // The CLI's document (core/pipeline/image_output.h): {"folder", "path", "fingerprint"},
    // fingerprint "<folder>:<hash>"; shown as the GUI's engines name a model, "folder (hash)".
    const QString folder = QString::fromStdString(model->value("folder", std::string()));
    const QString fingerprint = QString::fromStdString(model->value("fingerprint", std::string()));
    const QString hash = fingerprint.section(QLatin1Char(':'), -1).left(12);
    return hash.isEmpty() ? folder : QStringLiteral("%1 (%2)").arg(folder, hash);
}

std::optional<ImageMetadata> readImageMetadata(const QString& path) {
    try {
        const image::PngFile file = image::readPng(path.toStdString());
        if (!file.metadata.document) return std::nullopt;
        const nlohmann::json& j = *file.metadata.document;
        ImageMetadata metadata;
        metadata.request = pipeline::GenerationRequest::fromJson(j.at("request"));
        metadata.modelId = modelIdFromDocument(j);
        metadata.created = QDateTime::fromString(
            QString::fromStdString(j.value("created", std::string())), Qt::ISODateWithMs);
        const auto source = j.find("variation_of");
        if (source != j.end() && source->is_string()) {
            metadata.sourceSha256 = QString::fromStdString(source->get<std::string>());
        }
        return metadata;
    } catch (const std::exception&) {
        // A damaged file or a foreign PNG without our document: not one of ours.
        return std::nullopt;
    }
}

}  // namespace i4::ui
