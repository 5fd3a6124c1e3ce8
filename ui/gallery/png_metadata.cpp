#include "ui/gallery/png_metadata.h"

#include <QImageReader>
#include <QImageWriter>
#include <QSaveFile>

namespace i4::ui {

namespace {

const QString kMetadataKey = QStringLiteral("i4studio");

}  // namespace

bool writeImageWithMetadata(const QString& path, const QImage& image, const ImageMetadata& metadata,
                            QString* error) {
    nlohmann::json j;
    j["request"] = metadata.request.toJson();
    j["model"] = metadata.modelId.toStdString();
    j["created"] = metadata.created.toString(Qt::ISODateWithMs).toStdString();

    // QSaveFile: a crash mid-write never leaves a truncated PNG that the index points at.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error) *error = file.errorString();
        return false;
    }
    QImageWriter writer(&file, "png");
    writer.setText(kMetadataKey, QString::fromStdString(j.dump()));
    if (!writer.write(image)) {
        if (error) *error = writer.errorString();
        file.cancelWriting();
        return false;
    }
    if (!file.commit()) {
        if (error) *error = file.errorString();
        return false;
    }
    return true;
}

std::optional<ImageMetadata> readImageMetadata(const QString& path) {
    QImageReader reader(path, "png");
    const QString text = reader.text(kMetadataKey);
    if (text.isEmpty()) return std::nullopt;
    try {
        const nlohmann::json j = nlohmann::json::parse(text.toStdString());
        ImageMetadata metadata;
        metadata.request = pipeline::GenerationRequest::fromJson(j.at("request"));
        metadata.modelId = QString::fromStdString(j.value("model", std::string()));
        metadata.created = QDateTime::fromString(
            QString::fromStdString(j.value("created", std::string())), Qt::ISODateWithMs);
        return metadata;
    } catch (const std::exception&) {
        // A foreign or damaged chunk: the image is simply not one of ours.
        return std::nullopt;
    }
}

}  // namespace i4::ui
