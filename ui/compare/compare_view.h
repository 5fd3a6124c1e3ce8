#pragma once

#include <QVector>
#include <QWidget>

#include "ui/compare/settings_diff.h"
#include "ui/gallery/zoom_image_view.h"

class QCheckBox;
class QTableWidget;

namespace i4::ui {

// Two to four gallery images side by side: one ZoomImageView each, zoomed and panned together
// (a wheel or drag in one moves all of them to the same scale and the same relative place), and
// a table of their settings with what changed between them marked (settingsDiff()).
class CompareView : public QWidget {
    Q_OBJECT

public:
    static constexpr int kMinImages = 2;
    static constexpr int kMaxImages = 4;

    explicit CompareView(QWidget* parent = nullptr);

    // `paths[i]` is the PNG of `records[i]`. False (nothing changed) outside 2..4 images.
    bool setImages(const QVector<GalleryRecord>& records, const QStringList& paths);
    QVector<ZoomImageView*> views() const { return m_views; }
    QTableWidget* table() const { return m_table; }
    const QVector<SettingRow>& rows() const { return m_rows; }
    // Shows only the rows that differ (the default) or every setting.
    void setOnlyDifferences(bool on);

private:
    void syncFrom(ZoomImageView* source);
    void fillTable();

    QWidget* m_grid = nullptr;
    QVector<ZoomImageView*> m_views;
    QTableWidget* m_table = nullptr;
    QCheckBox* m_onlyDifferences = nullptr;
    QVector<SettingRow> m_rows;
    bool m_syncing = false;
};

}  // namespace i4::ui
