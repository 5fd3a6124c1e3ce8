#pragma once

#include <QWidget>
#include <optional>

#include "ui/gallery/gallery_record.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPushButton;
class QTextBrowser;

namespace i4::ui {

class GalleryModel;
class GalleryStore;
class ThumbnailCache;

// Browse what was made: search and filters, a thumbnail grid, and a detail pane with the
// metadata and the actions (remix, copy caption, favourite, reveal, delete, export).
class GalleryPanel : public QWidget {
    Q_OBJECT

public:
    GalleryPanel(GalleryStore* store, QWidget* parent = nullptr);

    GalleryModel* model() const { return m_model; }
    // After the store gained images: refresh the grid and the filter choices.
    void reload();
    // Makes the image with this id current (detail pane filled); false if it is not listed.
    bool selectRecord(qint64 id);
    QListView* view() const { return m_view; }

signals:
    void remixRequested(const i4::pipeline::GenerationRequest& request);

private:
    void applyFilter();
    void refillFilterChoices();
    void showRecord();
    std::optional<GalleryRecord> currentRecord() const;

    GalleryStore* m_store;
    ThumbnailCache* m_thumbnails = nullptr;
    GalleryModel* m_model = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_preset = nullptr;
    QComboBox* m_size = nullptr;
    QComboBox* m_modelFilter = nullptr;
    QComboBox* m_date = nullptr;
    QCheckBox* m_favourites = nullptr;
    QListView* m_view = nullptr;
    QLabel* m_image = nullptr;
    QTextBrowser* m_details = nullptr;
    QPushButton* m_favourite = nullptr;
    QWidget* m_actions = nullptr;
};

}  // namespace i4::ui
