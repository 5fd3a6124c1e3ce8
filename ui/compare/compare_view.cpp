#include "ui/compare/compare_view.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace i4::ui {

CompareView::CompareView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("compareView"));
    setWindowTitle(tr("Compare images"));
    m_grid = new QWidget(this);
    new QGridLayout(m_grid);
    m_table = new QTableWidget(this);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_onlyDifferences = new QCheckBox(tr("Only what differs"), this);
    m_onlyDifferences->setChecked(true);
    connect(m_onlyDifferences, &QCheckBox::toggled, this, &CompareView::fillTable);
    auto* fit = new QPushButton(tr("Fit"), this);
    auto* actual = new QPushButton(tr("100 %"), this);
    connect(fit, &QPushButton::clicked, this, [this] {
        if (!m_views.isEmpty()) m_views.front()->fit();
    });
    connect(actual, &QPushButton::clicked, this, [this] {
        if (!m_views.isEmpty()) m_views.front()->actualSize();
    });
    auto* hint = new QLabel(tr("Wheel to zoom and drag to pan: every image follows."), this);
    hint->setWordWrap(true);

    auto* bottom = new QWidget(this);
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    auto* controls = new QHBoxLayout;
    controls->addWidget(fit);
    controls->addWidget(actual);
    controls->addWidget(hint, 1);
    controls->addWidget(m_onlyDifferences);
    bottomLayout->addLayout(controls);
    bottomLayout->addWidget(m_table, 1);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_grid);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({620, 240});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);
    resize(1200, 860);
}

bool CompareView::setImages(const QVector<GalleryRecord>& records, const QStringList& paths) {
    if (records.size() < kMinImages || records.size() > kMaxImages ||
        paths.size() != records.size()) {
        return false;
    }
    qDeleteAll(m_grid->findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly));
    m_views.clear();
    auto* grid = static_cast<QGridLayout*>(m_grid->layout());
    const int columns = records.size() == 4 ? 2 : int(records.size());
    for (int i = 0; i < records.size(); ++i) {
        auto* cell = new QWidget(m_grid);
        auto* cellLayout = new QVBoxLayout(cell);
        cellLayout->setContentsMargins(0, 0, 0, 0);
        auto* label = new QLabel(cell);
        QString text = tr("%1 · seed %2").arg(QChar('A' + i)).arg(records[i].request.seed);
        if (records[i].request.input) {
            text = tr("%1 · strength %2")
                       .arg(text, QLocale().toString(records[i].request.input->strength, 'g', 3));
        }
        label->setText(text);
        label->setToolTip(records[i].prompt().left(300));
        auto* view = new ZoomImageView(cell);
        view->setImage(QImage(paths[i]));
        cellLayout->addWidget(label);
        cellLayout->addWidget(view, 1);
        grid->addWidget(cell, i / columns, i % columns);
        connect(view, &ZoomImageView::viewChanged, this, [this, view] { syncFrom(view); });
        m_views.push_back(view);
    }
    m_rows = settingsDiff(records);
    fillTable();
    return true;
}

void CompareView::syncFrom(ZoomImageView* source) {
    if (m_syncing) return;
    m_syncing = true;
    for (ZoomImageView* view : m_views) {
        if (view != source) view->setState(source->state());
    }
    m_syncing = false;
}

void CompareView::setOnlyDifferences(bool on) { m_onlyDifferences->setChecked(on); }

void CompareView::fillTable() {
    const bool only = m_onlyDifferences->isChecked();
    QVector<const SettingRow*> shown;
    for (const SettingRow& row : m_rows) {
        if (!only || row.differs) shown.push_back(&row);
    }
    const int columns = m_views.size();
    m_table->clear();
    m_table->setColumnCount(columns);
    m_table->setRowCount(int(shown.size()));
    QStringList headers;
    for (int c = 0; c < columns; ++c) headers << QString(QChar('A' + c));
    m_table->setHorizontalHeaderLabels(headers);
    QStringList names;
    for (int r = 0; r < shown.size(); ++r) {
        names << shown[r]->name;
        for (int c = 0; c < columns; ++c) {
            auto* item = new QTableWidgetItem(shown[r]->values.value(c));
            item->setToolTip(shown[r]->values.value(c));
            if (shown[r]->differs) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
                item->setBackground(QColor(255, 236, 179));
                item->setForeground(Qt::black);
            }
            m_table->setItem(r, c, item);
        }
    }
    m_table->setVerticalHeaderLabels(names);
    m_table->resizeRowsToContents();
}

}  // namespace i4::ui
