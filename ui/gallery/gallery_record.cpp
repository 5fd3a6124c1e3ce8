#include "ui/gallery/gallery_record.h"

#include <nlohmann/json.hpp>

namespace i4::ui {

QString GalleryRecord::prompt() const {
    return request.prompts.empty() ? QString() : QString::fromStdString(request.prompts.front());
}

QString GalleryRecord::title() const {
    const QString text = prompt();
    const nlohmann::json caption = nlohmann::json::parse(text.toStdString(), nullptr, false);
    if (caption.is_object()) {
        const auto description = caption.find("high_level_description");
        if (description != caption.end() && description->is_string() &&
            !description->get<std::string>().empty()) {
            return QString::fromStdString(description->get<std::string>()).simplified();
        }
        const auto composition = caption.find("compositional_deconstruction");
        if (composition != caption.end() && composition->is_object()) {
            const auto background = composition->find("background");
            if (background != composition->end() && background->is_string()) {
                return QString::fromStdString(background->get<std::string>()).simplified();
            }
        }
    }
    return text.section(QLatin1Char('\n'), 0, 0).simplified();
}

QString GalleryRecord::sizeText() const {
    return QStringLiteral("%1x%2").arg(request.width).arg(request.height);
}

}  // namespace i4::ui
