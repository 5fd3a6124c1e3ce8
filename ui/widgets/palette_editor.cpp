#include "ui/widgets/palette_editor.h"

#include <QColorDialog>
#include <QHBoxLayout>
#include <QToolButton>

#include "ui/caption/caption.h"

namespace i4::ui {

PaletteEditor::PaletteEditor(int maxColors, QWidget* parent)
    : QWidget(parent), m_maxColors(maxColors) {
    m_row = new QHBoxLayout(this);
    m_row->setContentsMargins(0, 0, 0, 0);
    m_row->setSpacing(2);
    m_addButton = new QToolButton(this);
    m_addButton->setText(QStringLiteral("+"));
    m_addButton->setToolTip(tr("Add a colour"));
    connect(m_addButton, &QToolButton::clicked, this, [this] { editColor(int(m_colors.size())); });
    m_row->addWidget(m_addButton);
    m_row->addStretch(1);
    rebuild();
}

void PaletteEditor::setColors(const QStringList& colors) {
    if (colors == m_colors) return;
    m_colors = colors.mid(0, m_maxColors);
    rebuild();
}

void PaletteEditor::rebuild() {
    while (m_row->count() > 2) {
        QLayoutItem* item = m_row->takeAt(0);
        // Later, not now: rebuild() runs inside the clicked swatch's own signal.
        item->widget()->hide();
        item->widget()->deleteLater();
        delete item;
    }
    for (int i = 0; i < m_colors.size(); ++i) {
        auto* swatch = new QToolButton(this);
        swatch->setFixedSize(22, 22);
        swatch->setStyleSheet(QStringLiteral("QToolButton { background: %1; border: 1px solid "
                                             "palette(mid); border-radius: 3px; }")
                                  .arg(m_colors[i]));
        swatch->setToolTip(tr("%1 — click to change, right-click to remove").arg(m_colors[i]));
        swatch->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(swatch, &QToolButton::clicked, this, [this, i] { editColor(i); });
        connect(swatch, &QToolButton::customContextMenuRequested, this, [this, i] {
            m_colors.removeAt(i);
            rebuild();
            emit colorsChanged(m_colors);
        });
        m_row->insertWidget(i, swatch);
    }
    m_addButton->setEnabled(m_colors.size() < m_maxColors);
}

void PaletteEditor::editColor(int index) {
    const QColor initial = index < m_colors.size() ? QColor(m_colors[index]) : QColor(Qt::gray);
    const QColor chosen = QColorDialog::getColor(initial, this, tr("Choose a colour"));
    if (!chosen.isValid()) return;
    const QString hex = normalizeHexColor(chosen.name(QColor::HexRgb));
    if (index < m_colors.size()) {
        m_colors[index] = hex;
    } else if (m_colors.size() < m_maxColors) {
        m_colors << hex;
    }
    rebuild();
    emit colorsChanged(m_colors);
}

}  // namespace i4::ui
