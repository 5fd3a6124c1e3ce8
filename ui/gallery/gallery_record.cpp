#include "ui/gallery/gallery_record.h"

namespace i4::ui {

QString GalleryRecord::prompt() const {
    return request.prompts.empty() ? QString() : QString::fromStdString(request.prompts.front());
}

QString GalleryRecord::sizeText() const {
    return QStringLiteral("%1x%2").arg(request.width).arg(request.height);
}

}  // namespace i4::ui
