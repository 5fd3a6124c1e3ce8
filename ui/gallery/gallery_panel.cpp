#include "ui/gallery/gallery_panel.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTextBrowser>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include "ui/compare/compare_view.h"
#include "ui/gallery/gallery_delegate.h"
#include "ui/gallery/gallery_model.h"
#include "ui/gallery/gallery_store.h"
#include "ui/gallery/image_viewer.h"
#include "ui/gallery/thumbnail_cache.h"

namespace i4::ui {

namespace {

constexpr int kThumbnailEdge = 160;

void refill(QComboBox* combo, const QString& anyText, const QStringList& values) {
    const QString current = combo->currentData().toString();
    const QSignalBlocker blocker(combo);
    combo->clear();
    combo->addItem(anyText, QString());
    for (const QString& value : values) combo->addItem(value, value);
    combo->setCurrentIndex(std::max(0, combo->findData(current)));
}

QString scheduleText(const pipeline::GenerationRequest& request) {
    QStringList parts;
    for (float v : request.guidanceSchedule) parts << QString::number(double(v));
    return parts.join(QStringLiteral(", "));
}

QString shortTitle(const GalleryRecord& record) {
    QString title = record.title();
    if (title.size() > 40) title = title.left(39) + QChar(0x2026);
    return title;
}

}  // namespace

GalleryPanel::GalleryPanel(GalleryStore* store, QWidget* parent) : QWidget(parent), m_store(store) {
    m_thumbnails = new ThumbnailCache(kThumbnailEdge, this);
    m_model = new GalleryModel(store, m_thumbnails, this);

    auto* filters = new QHBoxLayout;
    m_search = new QLineEdit(this);
    m_search->setPlaceholderText(tr("Search prompts"));
    m_search->setClearButtonEnabled(true);
    m_preset = new QComboBox(this);
    m_size = new QComboBox(this);
    m_modelFilter = new QComboBox(this);
    m_date = new QComboBox(this);
    m_date->addItem(tr("Any date"), 0);
    m_date->addItem(tr("Today"), 1);
    m_date->addItem(tr("Last 7 days"), 7);
    m_date->addItem(tr("Last 30 days"), 30);
    m_favourites = new QCheckBox(tr("Favourites"), this);
    m_group = new QCheckBox(tr("Group variations"), this);
    m_group->setChecked(true);
    m_group->setToolTip(tr("Show each image's variations right after it"));
    filters->addWidget(m_search, 2);
    for (QComboBox* combo : {m_preset, m_size, m_modelFilter, m_date}) filters->addWidget(combo);
    filters->addWidget(m_favourites);
    filters->addWidget(m_group);
    connect(m_search, &QLineEdit::textChanged, this, &GalleryPanel::applyFilter);
    for (QComboBox* combo : {m_preset, m_size, m_modelFilter, m_date}) {
        connect(combo, qOverload<int>(&QComboBox::currentIndexChanged), this,
                &GalleryPanel::applyFilter);
    }
    connect(m_favourites, &QCheckBox::toggled, this, &GalleryPanel::applyFilter);
    connect(m_group, &QCheckBox::toggled, this, [this](bool on) {
        m_model->setGroupVariations(on);
        updateEmptyMessage();
        showRecord();
    });

    m_view = new QListView(this);
    m_view->setViewMode(QListView::IconMode);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setMovement(QListView::Static);
    m_view->setUniformItemSizes(true);
    m_view->setIconSize(QSize(kThumbnailEdge, kThumbnailEdge));
    m_view->setGridSize(QSize(kThumbnailEdge + 24, kThumbnailEdge + 36));
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setMouseTracking(true);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    m_delegate = new GalleryDelegate(kThumbnailEdge, this);
    m_view->setItemDelegate(m_delegate);
    m_view->setModel(m_model);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &GalleryPanel::showRecord);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &GalleryPanel::updateActions);
    connect(m_view, &QListView::doubleClicked, this, [this](const QModelIndex& index) {
        m_view->setCurrentIndex(index);
        openViewer();
    });
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint& at) {
        const QModelIndex index = m_view->indexAt(at);
        if (index.isValid() && !m_view->selectionModel()->isSelected(index)) {
            m_view->setCurrentIndex(index);
        }
        QMenu* menu = buildContextMenu();
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_view->viewport()->mapToGlobal(at));
    });
    connect(m_delegate, &GalleryDelegate::favouriteToggled, this, &GalleryPanel::toggleFavourite);

    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("galleryEmptyMessage"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setTextFormat(Qt::RichText);
    m_empty->hide();
    connect(m_empty, &QLabel::linkActivated, this, [this] {
        const QSignalBlocker blockers[] = {QSignalBlocker(m_search), QSignalBlocker(m_preset),
                                           QSignalBlocker(m_size),   QSignalBlocker(m_modelFilter),
                                           QSignalBlocker(m_date),   QSignalBlocker(m_favourites)};
        m_search->clear();
        for (QComboBox* combo : {m_preset, m_size, m_modelFilter, m_date})
            combo->setCurrentIndex(0);
        m_favourites->setChecked(false);
        m_lineageOf.clear();
        applyFilter();
    });
    m_lineage = new QLabel(this);
    m_lineage->setObjectName(QStringLiteral("galleryLineageBanner"));
    m_lineage->setTextFormat(Qt::RichText);
    m_lineage->setStyleSheet(QStringLiteral(
        "QLabel { background: palette(alternate-base); padding: 4px; border-radius: 3px; }"));
    m_lineage->hide();
    connect(m_lineage, &QLabel::linkActivated, this, &GalleryPanel::showAll);

    // Actions: one set for the context menu, the detail pane and the shortcuts.
    makeAction(QStringLiteral("open"), tr("Open full size"), &GalleryPanel::openViewer);
    makeAction(QStringLiteral("copyImage"), tr("Copy image"), &GalleryPanel::copyImage);
    makeAction(QStringLiteral("copyCaption"), tr("Copy caption"));
    makeAction(QStringLiteral("remix"), tr("Remix"));
    makeAction(QStringLiteral("reuseSeed"), tr("Reuse this seed"));
    makeAction(QStringLiteral("useAsInput"), tr("Use as input"), &GalleryPanel::useAsInput);
    makeAction(QStringLiteral("varySubtle"), tr("Vary subtly"));
    makeAction(QStringLiteral("varyStrong"), tr("Vary strongly"));
    makeAction(QStringLiteral("varySeed"), tr("Same caption, new seed"));
    makeAction(QStringLiteral("showSource"), tr("Show source"));
    makeAction(QStringLiteral("showVariations"), tr("Show variations"),
               &GalleryPanel::showVariations);
    makeAction(QStringLiteral("compare"), tr("Compare side by side"),
               &GalleryPanel::compareSelected);
    makeAction(QStringLiteral("favourite"), tr("Favourite"));
    makeAction(QStringLiteral("reveal"), tr("Show in folder"));
    makeAction(QStringLiteral("export"), tr("Export…"));
    makeAction(QStringLiteral("delete"), tr("Delete"));
    action(QStringLiteral("copyImage"))->setShortcut(QKeySequence::Copy);
    action(QStringLiteral("delete"))->setShortcut(QKeySequence::Delete);
    action(QStringLiteral("open"))->setShortcut(Qt::Key_Space);
    for (const QString& name :
         {QStringLiteral("copyImage"), QStringLiteral("delete"), QStringLiteral("open")}) {
        action(name)->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        m_view->addAction(action(name));
    }
    // The view takes Delete for itself before the shortcut sees it; see eventFilter().
    m_view->installEventFilter(this);
    action(QStringLiteral("favourite"))->setCheckable(true);
    action(QStringLiteral("varySubtle"))
        ->setToolTip(tr("Image-to-image from this picture at strength %1, new seed")
                         .arg(pipeline::kVarySubtleStrength));
    action(QStringLiteral("varyStrong"))
        ->setToolTip(tr("Image-to-image from this picture at strength %1, new seed")
                         .arg(pipeline::kVaryStrongStrength));
    action(QStringLiteral("compare"))->setToolTip(tr("Select two to four images (Ctrl+click)"));
    connect(action(QStringLiteral("copyCaption")), &QAction::triggered, this, [this] {
        if (const auto record = currentRecord())
            QApplication::clipboard()->setText(record->prompt());
    });
    connect(action(QStringLiteral("remix")), &QAction::triggered, this, [this] {
        if (const auto record = currentRecord()) emit remixRequested(record->request);
    });
    connect(action(QStringLiteral("reuseSeed")), &QAction::triggered, this, [this] {
        if (const auto record = currentRecord()) emit reuseSeedRequested(record->request.seed);
    });
    connect(action(QStringLiteral("varySubtle")), &QAction::triggered, this,
            [this] { vary(VariationKind::Subtle); });
    connect(action(QStringLiteral("varyStrong")), &QAction::triggered, this,
            [this] { vary(VariationKind::Strong); });
    connect(action(QStringLiteral("varySeed")), &QAction::triggered, this,
            [this] { vary(VariationKind::NewSeed); });
    connect(action(QStringLiteral("showSource")), &QAction::triggered, this,
            [this] { showSource(); });
    connect(action(QStringLiteral("favourite")), &QAction::triggered, this,
            [this] { toggleFavourite(m_view->currentIndex()); });
    connect(action(QStringLiteral("reveal")), &QAction::triggered, this, [this] {
        if (const auto record = currentRecord()) {
            const QString path = m_store->imagePath(*record);
            QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(path).absolutePath()));
        }
    });
    connect(action(QStringLiteral("export")), &QAction::triggered, this,
            [this] { exportSelected(); });
    connect(action(QStringLiteral("delete")), &QAction::triggered, this,
            [this] { deleteSelected(); });

    auto* detail = new QWidget(this);
    auto* detailLayout = new QVBoxLayout(detail);
    m_image = new QLabel(detail);
    m_image->setAlignment(Qt::AlignCenter);
    m_image->setMinimumHeight(220);
    m_image->setToolTip(tr("Double-click a thumbnail to see the image full size"));
    m_details = new QTextBrowser(detail);
    m_actionsBox = new QWidget(detail);
    auto* buttons = new QGridLayout(m_actionsBox);
    buttons->setContentsMargins(0, 0, 0, 0);
    auto button = [this](const QString& name) {
        auto* b = new QToolButton(m_actionsBox);
        b->setDefaultAction(action(name));
        b->setToolButtonStyle(Qt::ToolButtonTextOnly);
        b->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        return b;
    };
    auto* varyButton = new QToolButton(m_actionsBox);
    varyButton->setText(tr("Vary"));
    varyButton->setPopupMode(QToolButton::InstantPopup);
    varyButton->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    auto* varyMenu = new QMenu(varyButton);
    for (const char* name : {"varySubtle", "varyStrong", "varySeed"})
        varyMenu->addAction(action(QLatin1String(name)));
    varyButton->setMenu(varyMenu);
    const QList<QWidget*> cells = {
        button(QStringLiteral("remix")),      varyButton,
        button(QStringLiteral("useAsInput")), button(QStringLiteral("reuseSeed")),
        button(QStringLiteral("copyImage")),  button(QStringLiteral("copyCaption")),
        button(QStringLiteral("favourite")),  button(QStringLiteral("compare")),
        button(QStringLiteral("showSource")), button(QStringLiteral("showVariations")),
        button(QStringLiteral("reveal")),     button(QStringLiteral("export")),
        button(QStringLiteral("delete"))};
    for (int i = 0; i < cells.size(); ++i) buttons->addWidget(cells[i], i / 3, i % 3);
    detailLayout->addWidget(m_image);
    detailLayout->addWidget(m_details, 1);
    detailLayout->addWidget(m_actionsBox);

    auto* gridColumn = new QWidget(this);
    auto* gridLayout = new QVBoxLayout(gridColumn);
    gridLayout->setContentsMargins(0, 0, 0, 0);
    gridLayout->addWidget(m_lineage);
    gridLayout->addWidget(m_empty);
    gridLayout->addWidget(m_view, 1);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(gridColumn);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);
    m_viewer = new ImageViewer(this);
    connect(m_viewer, &ImageViewer::stepRequested, this, [this](int delta) {
        const int row = m_view->currentIndex().row() + delta;
        if (row < 0 || row >= m_model->rowCount()) return;
        m_view->clearSelection();
        m_view->setCurrentIndex(m_model->index(row));
        openViewer();
    });
    reload();
}

QAction* GalleryPanel::makeAction(const QString& name, const QString& text,
                                  void (GalleryPanel::*slot)()) {
    auto* a = new QAction(text, this);
    a->setObjectName(name);
    m_actions.insert(name, a);
    if (slot) connect(a, &QAction::triggered, this, slot);
    return a;
}

QAction* GalleryPanel::action(const QString& name) const { return m_actions.value(name); }

bool GalleryPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_view && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->matches(QKeySequence::Delete) || key->key() == Qt::Key_Backspace) {
            if (action(QStringLiteral("delete"))->isEnabled()) deleteSelected();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void GalleryPanel::reload() {
    refillFilterChoices();
    const qint64 current = m_view->currentIndex().data(GalleryModel::RecordIdRole).toLongLong();
    m_model->reload();
    if (current > 0) selectRecord(current);
    updateEmptyMessage();
    showRecord();
    startHashFill();
}

void GalleryPanel::recordSaved(const GalleryRecord& record) {
    Q_UNUSED(record);  // its lineage came with it (GalleryStore::expectVariation)
    reload();
}

bool GalleryPanel::selectRecord(qint64 id) {
    const int row = m_model->rowOfId(id);
    if (row < 0) return false;
    m_view->setCurrentIndex(m_model->index(row));
    m_view->scrollTo(m_model->index(row));
    return true;
}

void GalleryPanel::refillFilterChoices() {
    refill(m_preset, tr("Any preset"), m_store->distinctValues(QStringLiteral("preset")));
    refill(m_size, tr("Any size"), m_store->distinctValues(QStringLiteral("size")));
    refill(m_modelFilter, tr("Any model"), m_store->distinctValues(QStringLiteral("model")));
}

void GalleryPanel::applyFilter() {
    GalleryFilter filter;
    filter.text = m_search->text().trimmed();
    filter.preset = m_preset->currentData().toString();
    filter.size = m_size->currentData().toString();
    filter.modelId = m_modelFilter->currentData().toString();
    filter.maxAgeDays = m_date->currentData().toInt();
    filter.favouritesOnly = m_favourites->isChecked();
    filter.lineageOf = m_lineageOf;
    m_model->setFilter(filter);
    if (m_lineageOf.isEmpty()) {
        m_lineage->hide();
    } else {
        const std::optional<GalleryRecord> root = m_store->recordBySha256(m_lineageOf);
        m_lineage->setText(
            tr("Showing “%1” and the %n image(s) made from it. <a href=\"all\">Show all images</a>",
               nullptr, std::max(0, m_model->rowCount() - 1))
                .arg((root ? shortTitle(*root) : tr("an image")).toHtmlEscaped()));
        m_lineage->show();
    }
    updateEmptyMessage();
    showRecord();
}

void GalleryPanel::updateEmptyMessage() {
    if (m_model->rowCount() > 0 || !m_store->isOpen()) {
        m_empty->hide();
        return;
    }
    const int total = m_store->count();
    if (total == 0) {
        m_empty->setText(tr("No images yet. Generate one, or use File › Import images."));
    } else {
        m_empty->setText(tr("No matches among %n image(s). <a href=\"clear\">Clear the filters</a>",
                            nullptr, total));
    }
    m_empty->show();
}

std::optional<GalleryRecord> GalleryPanel::currentRecord() const {
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid()) return std::nullopt;
    return index.data(GalleryModel::RecordRole).value<GalleryRecord>();
}

QVector<GalleryRecord> GalleryPanel::selectedRecords() const {
    QModelIndexList rows = m_view->selectionModel()->selectedIndexes();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QVector<GalleryRecord> out;
    for (const QModelIndex& index : rows)
        out.push_back(index.data(GalleryModel::RecordRole).value<GalleryRecord>());
    if (out.isEmpty()) {
        if (const auto record = currentRecord()) out.push_back(*record);
    }
    return out;
}

void GalleryPanel::updateActions() {
    const std::optional<GalleryRecord> record = currentRecord();
    const int selected = int(selectedRecords().size());
    const bool one = record.has_value();
    for (QAction* a : std::as_const(m_actions)) a->setEnabled(one);
    action(QStringLiteral("compare"))
        ->setEnabled(selected >= CompareView::kMinImages && selected <= CompareView::kMaxImages);
    action(QStringLiteral("export"))->setEnabled(selected > 0);
    action(QStringLiteral("delete"))->setEnabled(selected > 0);
    action(QStringLiteral("delete"))
        ->setText(selected > 1 ? tr("Delete %n images", nullptr, selected) : tr("Delete"));
    action(QStringLiteral("export"))
        ->setText(selected > 1 ? tr("Export %n images…", nullptr, selected) : tr("Export…"));
    action(QStringLiteral("showSource"))->setEnabled(one && !record->sourceSha256.isEmpty());
    action(QStringLiteral("showVariations"))
        ->setEnabled(one &&
                     m_view->currentIndex().data(GalleryModel::VariationCountRole).toInt() > 0);
    const QSignalBlocker blocker(action(QStringLiteral("favourite")));
    action(QStringLiteral("favourite"))->setChecked(one && record->favourite);
}

void GalleryPanel::showRecord() {
    const std::optional<GalleryRecord> record = currentRecord();
    updateActions();
    m_actionsBox->setEnabled(record.has_value());
    if (!record) {
        m_image->clear();
        m_details->setHtml(tr("<p>Select an image to see how it was made.</p>"));
        return;
    }
    const QImage image(m_store->imagePath(*record));
    m_image->setPixmap(QPixmap::fromImage(
        image.scaled(QSize(320, 320), Qt::KeepAspectRatio, Qt::SmoothTransformation)));
    const pipeline::GenerationRequest& r = record->request;
    auto row = [](const QString& name, const QString& value) {
        return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
            .arg(name.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QString html = QStringLiteral("<table cellspacing=3>");
    // Lineage first: it is what the grid's bands and badges point at.
    if (!record->sourceSha256.isEmpty()) {
        const std::optional<GalleryRecord> source = m_store->recordBySha256(record->sourceSha256);
        html += row(tr("Made from"),
                    source ? tr("%1 (seed %2)").arg(shortTitle(*source)).arg(source->request.seed)
                           : tr("an image not in the gallery"));
    }
    if (r.input) html += row(tr("Strength"), QLocale().toString(r.input->strength, 'g', 3));
    const int variations = m_view->currentIndex().data(GalleryModel::VariationCountRole).toInt();
    if (variations > 0) html += row(tr("Variations"), QString::number(variations));
    html += row(tr("Seed"), QString::number(r.seed));
    html += row(tr("Preset"), QString::fromStdString(r.preset));
    html += row(tr("Size"), record->sizeText());
    html += row(tr("Steps"), r.steps ? QString::number(*r.steps) : tr("preset"));
    html += row(tr("Guidance"), r.guidanceSchedule.empty() ? tr("preset") : scheduleText(r));
    html += row(tr("Model"), record->modelId);
    html += row(tr("Created"), QLocale().toString(record->created, QLocale::ShortFormat));
    html += row(tr("File"), record->fileName);
    html += QStringLiteral("</table><p><b>%1</b></p><pre style='white-space:pre-wrap'>%2</pre>")
                .arg(tr("Caption").toHtmlEscaped(), record->prompt().toHtmlEscaped());
    m_details->setHtml(html);
}

QMenu* GalleryPanel::buildContextMenu() {
    updateActions();
    auto* menu = new QMenu(this);
    auto add = [&](const char* name) { menu->addAction(action(QLatin1String(name))); };
    add("open");
    add("copyImage");
    add("copyCaption");
    menu->addSeparator();
    add("remix");
    add("reuseSeed");
    add("useAsInput");
    add("varySubtle");
    add("varyStrong");
    add("varySeed");
    menu->addSeparator();
    add("showSource");
    add("showVariations");
    add("compare");
    menu->addSeparator();
    add("favourite");
    add("reveal");
    add("export");
    add("delete");
    return menu;
}

void GalleryPanel::openViewer() {
    const auto record = currentRecord();
    if (!record) return;
    if (!m_viewer->showImage(m_store->imagePath(*record), record->title())) {
        emit statusMessage(tr("Cannot open %1").arg(m_store->imagePath(*record)));
    }
}

void GalleryPanel::copyImage() {
    const auto record = currentRecord();
    if (!record) return;
    const QImage image(m_store->imagePath(*record));
    if (image.isNull()) {
        emit statusMessage(tr("Cannot read %1").arg(m_store->imagePath(*record)));
        return;
    }
    QApplication::clipboard()->setImage(image);
    emit statusMessage(tr("Image copied to the clipboard"));
}

void GalleryPanel::toggleFavourite(const QModelIndex& index) {
    if (!index.isValid()) return;
    const GalleryRecord record = index.data(GalleryModel::RecordRole).value<GalleryRecord>();
    if (!m_store->setFavourite(record.id, !record.favourite)) return;
    const qint64 current = m_view->currentIndex().data(GalleryModel::RecordIdRole).toLongLong();
    m_model->reload();
    if (!selectRecord(current)) selectRecord(record.id);
    updateEmptyMessage();
    showRecord();
}

int GalleryPanel::deleteSelected() {
    const QVector<GalleryRecord> records = selectedRecords();
    if (records.isEmpty()) return 0;
    const QString question = records.size() == 1 ? tr("Move this image to the trash?")
                                                 : tr("Move these %n images to the trash?", nullptr,
                                                      int(records.size()));
    if (QMessageBox::question(this, tr("Delete images"), question) != QMessageBox::Yes) {
        return 0;
    }
    int removed = 0;
    QString error;
    for (const GalleryRecord& record : records) {
        QString one;
        if (m_store->remove(record.id, &one)) {
            m_thumbnails->forget(m_store->imagePath(record));
            ++removed;
        } else if (error.isEmpty()) {
            error = one;
        }
    }
    const int row = m_view->currentIndex().row();
    reload();
    if (m_model->rowCount() > 0)
        m_view->setCurrentIndex(m_model->index(std::clamp(row, 0, m_model->rowCount() - 1)));
    if (!error.isEmpty()) QMessageBox::warning(this, tr("Delete images"), error);
    return removed;
}

QString GalleryPanel::defaultExportFolder() {
    const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    return !pictures.isEmpty() && QDir(pictures).exists() ? pictures : QDir::homePath();
}

int GalleryPanel::exportSelected() {
    const QVector<GalleryRecord> records = selectedRecords();
    if (records.isEmpty()) return 0;
    QFileDialog dialog(this, tr("Export %n image(s) to a folder", nullptr, int(records.size())),
                       defaultExportFolder());
    dialog.setObjectName(QStringLiteral("exportDialog"));
    dialog.setFileMode(QFileDialog::Directory);
    dialog.setOption(QFileDialog::ShowDirsOnly);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setLabelText(QFileDialog::Accept, tr("Export"));
    if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return 0;
    const QString folder = dialog.selectedFiles().front();
    QVector<qint64> ids;
    for (const GalleryRecord& record : records) ids << record.id;
    QString error;
    QStringList written;
    const int exported = m_store->exportTo(ids, folder, &written, &error);
    QMessageBox box(exported > 0 ? QMessageBox::Information : QMessageBox::Warning,
                    tr("Export images"),
                    exported > 0 ? tr("Exported %n image(s) to %1.", nullptr, exported)
                                       .arg(QDir::toNativeSeparators(folder))
                                 : tr("Nothing was exported."),
                    QMessageBox::Ok, this);
    box.setObjectName(QStringLiteral("exportConfirmation"));
    if (!error.isEmpty()) box.setInformativeText(error);
    QPushButton* show =
        exported > 0 ? box.addButton(tr("Show folder"), QMessageBox::ActionRole) : nullptr;
    box.exec();
    if (show && box.clickedButton() == show) QDesktopServices::openUrl(QUrl::fromLocalFile(folder));
    return exported;
}

QString GalleryPanel::shaOf(GalleryRecord& record) {
    if (record.imageSha256.isEmpty()) {
        record.imageSha256 = fileSha256(m_store->imagePath(record));
        if (!record.imageSha256.isEmpty())
            m_store->setImageHashes({{record.id, record.imageSha256}});
    }
    return record.imageSha256;
}

void GalleryPanel::vary(VariationKind kind) {
    std::optional<GalleryRecord> record = currentRecord();
    if (!record) return;
    const QString sha = shaOf(*record);
    if (sha.isEmpty()) {
        emit statusMessage(tr("Cannot read %1").arg(m_store->imagePath(*record)));
        return;
    }
    const QString path = m_store->imagePath(*record);
    const pipeline::GenerationRequest request =
        variationRequest(*record, path, sha, kind, freshSeed(record->request.seed));
    if (kind == VariationKind::NewSeed && !request.input) m_store->expectVariation(request, sha);
    const QString what = kind == VariationKind::Subtle   ? tr("Subtle variation")
                         : kind == VariationKind::Strong ? tr("Strong variation")
                                                         : tr("New seed");
    emit generateRequested(
        request, tr("%1 of “%2” (seed %3)").arg(what, shortTitle(*record)).arg(request.seed));
    emit statusMessage(tr("%1 queued").arg(what));
}

bool GalleryPanel::showSource() {
    const auto record = currentRecord();
    if (!record || record->sourceSha256.isEmpty()) return false;
    const std::optional<GalleryRecord> source = m_store->recordBySha256(record->sourceSha256);
    if (!source) {
        emit statusMessage(tr("The image this was made from is not in the gallery."));
        return false;
    }
    if (m_model->rowOfId(source->id) < 0) {
        // Hidden by a filter: show everything made from the source, which includes this image.
        m_lineageOf = source->imageSha256;
        {
            const QSignalBlocker a(m_search), b(m_favourites);
            m_search->clear();
            m_favourites->setChecked(false);
        }
        for (QComboBox* combo : {m_preset, m_size, m_modelFilter, m_date}) {
            const QSignalBlocker blocker(combo);
            combo->setCurrentIndex(0);
        }
        applyFilter();
    }
    m_view->clearSelection();
    return selectRecord(source->id);
}

void GalleryPanel::showVariations() {
    std::optional<GalleryRecord> record = currentRecord();
    if (!record) return;
    m_lineageOf = shaOf(*record);
    applyFilter();
    selectRecord(record->id);
}

void GalleryPanel::showAll() {
    m_lineageOf.clear();
    const qint64 current = m_view->currentIndex().data(GalleryModel::RecordIdRole).toLongLong();
    applyFilter();
    if (current > 0) selectRecord(current);
}

void GalleryPanel::compareSelected() {
    const QVector<GalleryRecord> records = selectedRecords();
    if (records.size() < CompareView::kMinImages || records.size() > CompareView::kMaxImages) {
        emit statusMessage(tr("Select two to four images to compare."));
        return;
    }
    QStringList paths;
    for (const GalleryRecord& record : records) paths << m_store->imagePath(record);
    if (!m_compare) {
        m_compare = new CompareView(this);
        m_compare->setWindowFlag(Qt::Window);
        m_compare->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_compare, &QObject::destroyed, this, [this] { m_compare = nullptr; });
    }
    m_compare->setImages(records, paths);
    m_compare->show();
    m_compare->raise();
}

void GalleryPanel::useAsInput() {
    const auto record = currentRecord();
    if (record) emit useAsInputRequested(m_store->imagePath(*record), record->request);
}

void GalleryPanel::startHashFill() {
    if (m_hashing || !m_store->isOpen() || !m_store->needsHashes()) return;
    m_hashing = true;
    auto* watcher = new QFutureWatcher<QVector<QPair<qint64, QString>>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        m_store->setImageHashes(watcher->result());
        watcher->deleteLater();
        m_hashing = false;
        const qint64 current = m_view->currentIndex().data(GalleryModel::RecordIdRole).toLongLong();
        m_model->reload();
        if (current > 0) selectRecord(current);
        showRecord();
    });
    watcher->setFuture(QtConcurrent::run([paths = m_store->imagesWithoutHash()]() mutable {
        for (auto& entry : paths) entry.second = fileSha256(entry.second);
        return paths;
    }));
}

}  // namespace i4::ui
