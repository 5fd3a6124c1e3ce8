#include "ui/gallery/gallery_panel.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDesktopServices>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

#include "ui/gallery/gallery_model.h"
#include "ui/gallery/gallery_store.h"
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
    filters->addWidget(m_search, 2);
    for (QComboBox* combo : {m_preset, m_size, m_modelFilter, m_date}) filters->addWidget(combo);
    filters->addWidget(m_favourites);
    connect(m_search, &QLineEdit::textChanged, this, &GalleryPanel::applyFilter);
    for (QComboBox* combo : {m_preset, m_size, m_modelFilter, m_date}) {
        connect(combo, qOverload<int>(&QComboBox::currentIndexChanged), this,
                &GalleryPanel::applyFilter);
    }
    connect(m_favourites, &QCheckBox::toggled, this, &GalleryPanel::applyFilter);

    m_view = new QListView(this);
    m_view->setViewMode(QListView::IconMode);
    m_view->setResizeMode(QListView::Adjust);
    m_view->setMovement(QListView::Static);
    m_view->setUniformItemSizes(true);
    m_view->setIconSize(QSize(kThumbnailEdge, kThumbnailEdge));
    m_view->setGridSize(QSize(kThumbnailEdge + 24, kThumbnailEdge + 36));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setModel(m_model);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &GalleryPanel::showRecord);

    auto* detail = new QWidget(this);
    auto* detailLayout = new QVBoxLayout(detail);
    m_image = new QLabel(detail);
    m_image->setAlignment(Qt::AlignCenter);
    m_image->setMinimumHeight(220);
    m_details = new QTextBrowser(detail);
    m_actions = new QWidget(detail);
    auto* actions = new QGridLayout(m_actions);
    actions->setContentsMargins(0, 0, 0, 0);
    auto* remix = new QPushButton(tr("Remix"), m_actions);
    auto* copy = new QPushButton(tr("Copy caption"), m_actions);
    m_favourite = new QPushButton(tr("Favourite"), m_actions);
    m_favourite->setCheckable(true);
    auto* reveal = new QPushButton(tr("Show in folder"), m_actions);
    auto* exportButton = new QPushButton(tr("Export…"), m_actions);
    auto* remove = new QPushButton(tr("Delete"), m_actions);
    const QList<QPushButton*> buttons = {remix, copy, m_favourite, reveal, exportButton, remove};
    for (int i = 0; i < buttons.size(); ++i) actions->addWidget(buttons[i], i / 3, i % 3);
    detailLayout->addWidget(m_image);
    detailLayout->addWidget(m_details, 1);
    detailLayout->addWidget(m_actions);
    m_actions->setEnabled(false);

    connect(remix, &QPushButton::clicked, this, [this] {
        if (const auto record = currentRecord()) emit remixRequested(record->request);
    });
    connect(copy, &QPushButton::clicked, this, [this] {
        if (const auto record = currentRecord()) {
            QApplication::clipboard()->setText(record->prompt());
        }
    });
    connect(m_favourite, &QPushButton::toggled, this, [this](bool on) {
        const auto record = currentRecord();
        if (!record || record->favourite == on) return;
        m_store->setFavourite(record->id, on);
        const int row = m_view->currentIndex().row();
        m_model->reload();
        m_view->setCurrentIndex(m_model->index(std::min(row, m_model->rowCount() - 1)));
    });
    connect(reveal, &QPushButton::clicked, this, [this] {
        if (const auto record = currentRecord()) {
            const QString path = m_store->imagePath(*record);
            QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(path).absolutePath()));
        }
    });
    connect(exportButton, &QPushButton::clicked, this, [this] {
        const auto record = currentRecord();
        if (!record) return;
        const QString target = QFileDialog::getSaveFileName(
            this, tr("Export image"), record->fileName, tr("PNG images (*.png)"));
        if (target.isEmpty()) return;
        QFile::remove(target);
        if (!QFile::copy(m_store->imagePath(*record), target)) {
            QMessageBox::warning(this, tr("Export image"), tr("Could not write %1.").arg(target));
        }
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const auto record = currentRecord();
        if (!record) return;
        if (QMessageBox::question(this, tr("Delete image"), tr("Move this image to the trash?")) !=
            QMessageBox::Yes) {
            return;
        }
        QString error;
        if (!m_store->remove(record->id, &error)) {
            QMessageBox::warning(this, tr("Delete image"), error);
            return;
        }
        m_thumbnails->forget(m_store->imagePath(*record));
        reload();
    });

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_view);
    splitter->addWidget(detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(splitter, 1);
    reload();
}

void GalleryPanel::reload() {
    refillFilterChoices();
    m_model->reload();
    showRecord();
}

bool GalleryPanel::selectRecord(qint64 id) {
    const int row = m_model->rowOfId(id);
    if (row < 0) return false;
    m_view->setCurrentIndex(m_model->index(row));
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
    m_model->setFilter(filter);
    showRecord();
}

std::optional<GalleryRecord> GalleryPanel::currentRecord() const {
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid()) return std::nullopt;
    return index.data(GalleryModel::RecordRole).value<GalleryRecord>();
}

void GalleryPanel::showRecord() {
    const std::optional<GalleryRecord> record = currentRecord();
    m_actions->setEnabled(record.has_value());
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
    html += row(tr("Preset"), QString::fromStdString(r.preset));
    html += row(tr("Size"), record->sizeText());
    html += row(tr("Seed"), QString::number(r.seed));
    html += row(tr("Steps"), r.steps ? QString::number(*r.steps) : tr("preset"));
    html += row(tr("Guidance"), r.guidanceSchedule.empty() ? tr("preset") : scheduleText(r));
    html += row(tr("Model"), record->modelId);
    html += row(tr("Created"), QLocale().toString(record->created, QLocale::ShortFormat));
    html += row(tr("File"), record->fileName);
    html += QStringLiteral("</table><p><b>%1</b></p><pre style='white-space:pre-wrap'>%2</pre>")
                .arg(tr("Caption").toHtmlEscaped(), record->prompt().toHtmlEscaped());
    m_details->setHtml(html);
    const QSignalBlocker blocker(m_favourite);
    m_favourite->setChecked(record->favourite);
}

}  // namespace i4::ui
