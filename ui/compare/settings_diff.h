#pragma once

#include <QString>
#include <QStringList>
#include <QVector>

#include "ui/gallery/gallery_record.h"

namespace i4::ui {

// One setting of two to four images side by side: its name, each image's value as shown, and
// whether they differ.
struct SettingRow {
    QString name;
    QStringList values;
    bool differs = false;
};

// What changed between the images: every setting a request carries (caption, preset, size,
// seed, steps, guidance, mu, std, model, LoRAs, input image and strength), one row each. When
// every prompt is a JSON caption, each caption field that differs also gets a row of its own,
// named by its path ("compositional_deconstruction.elements[1].desc"), so a changed colour or box
// is named rather than buried in two long captions.
QVector<SettingRow> settingsDiff(const QVector<GalleryRecord>& records);

}  // namespace i4::ui
