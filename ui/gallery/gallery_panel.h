#pragma once

#include <QHash>
#include <QWidget>
#include <optional>

#include "ui/gallery/gallery_record.h"
#include "ui/gallery/variations.h"

class QAction;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QMenu;
class QPushButton;
class QTextBrowser;

namespace i4::ui {

class CompareView;
class GalleryDelegate;
class GalleryModel;
class GalleryStore;
class ImageViewer;
class ThumbnailCache;

// Browse what was made: search and filters, a thumbnail grid (several images can be selected),
// and a detail pane with the metadata and the actions; the same actions in a context menu.
// Double-click opens the full-size viewer; Delete deletes the selection (after a question).
class GalleryPanel : public QWidget {
    Q_OBJECT

public:
    GalleryPanel(GalleryStore* store, QWidget* parent = nullptr);

    GalleryModel* model() const { return m_model; }
    // After the store gained images: refresh the grid and the filter choices.
    void reload();
    // A new image was saved: refresh the grid (keeping the current image).
    void recordSaved(const i4::ui::GalleryRecord& record);
    // Makes the image with this id current (detail pane filled); false if it is not listed.
    bool selectRecord(qint64 id);
    QListView* view() const { return m_view; }

    // The selected images, in grid order (the current one alone when nothing is selected).
    QVector<GalleryRecord> selectedRecords() const;
    void openViewer();
    void copyImage();
    // Asks, then moves the selected images to the trash. Returns how many went.
    int deleteSelected();
    // Asks for a folder (the Pictures folder first), copies the selected PNGs there and says
    // where they went. Returns how many were written.
    int exportSelected();
    static QString defaultExportFolder();
    // Queues a variation of the current image through generateRequested().
    void vary(VariationKind kind);
    // Lineage: select the current image's source (clearing filters that hide it), or show only
    // the current image and everything made from it.
    bool showSource();
    void showVariations();
    void showAll();
    void compareSelected();
    void useAsInput();
    void toggleFavourite(const QModelIndex& index);

    ImageViewer* viewer() const { return m_viewer; }
    CompareView* compareView() const { return m_compare; }
    QLabel* emptyMessage() const { return m_empty; }
    QLabel* lineageBanner() const { return m_lineage; }
    // The actions of the context menu and the detail pane, by object name (tests).
    QAction* action(const QString& name) const;
    // The context menu for the current selection (shown by a right click).
    QMenu* buildContextMenu();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

signals:
    void remixRequested(const i4::pipeline::GenerationRequest& request);
    // A job for the queue (variations).
    void generateRequested(const i4::pipeline::GenerationRequest& request, const QString& title);
    // Start from this image: the Create tab's input image becomes `path`.
    void useAsInputRequested(const QString& path, const i4::pipeline::GenerationRequest& request);
    // "Reuse this seed": the Create tab's seed becomes this image's, locked.
    void reuseSeedRequested(quint64 seed);
    void statusMessage(const QString& message);

private:
    void applyFilter();
    void refillFilterChoices();
    void showRecord();
    void updateActions();
    void updateEmptyMessage();
    void startHashFill();
    QAction* makeAction(const QString& name, const QString& text,
                        void (GalleryPanel::*slot)() = nullptr);
    std::optional<GalleryRecord> currentRecord() const;
    // The current image's sha256, hashed now (and stored) if the index has none yet.
    QString shaOf(GalleryRecord& record);

    GalleryStore* m_store;
    ThumbnailCache* m_thumbnails = nullptr;
    GalleryModel* m_model = nullptr;
    GalleryDelegate* m_delegate = nullptr;
    QLineEdit* m_search = nullptr;
    QComboBox* m_preset = nullptr;
    QComboBox* m_size = nullptr;
    QComboBox* m_modelFilter = nullptr;
    QComboBox* m_date = nullptr;
    QCheckBox* m_favourites = nullptr;
    QCheckBox* m_group = nullptr;
    QListView* m_view = nullptr;
    QLabel* m_empty = nullptr;
    QLabel* m_lineage = nullptr;
    QString m_lineageOf;
    QLabel* m_image = nullptr;
    QTextBrowser* m_details = nullptr;
    QPushButton* m_favourite = nullptr;
    QWidget* m_actionsBox = nullptr;
    QHash<QString, QAction*> m_actions;
    ImageViewer* m_viewer = nullptr;
    CompareView* m_compare = nullptr;  // a window of its own while open
    bool m_hashing = false;
};

}  // namespace i4::ui
