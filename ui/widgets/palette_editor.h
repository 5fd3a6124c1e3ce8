#pragma once

#include <QStringList>
#include <QWidget>

class QHBoxLayout;
class QToolButton;

namespace i4::ui {

// A row of colour swatches (uppercase #RRGGBB) with an add button. Click a swatch to change
// it, right-click to remove it.
class PaletteEditor : public QWidget {
    Q_OBJECT

public:
    explicit PaletteEditor(int maxColors, QWidget* parent = nullptr);

    QStringList colors() const { return m_colors; }
    void setColors(const QStringList& colors);

signals:
    void colorsChanged(const QStringList& colors);

private:
    void rebuild();
    void editColor(int index);

    int m_maxColors;
    QStringList m_colors;
    QHBoxLayout* m_row = nullptr;
    QToolButton* m_addButton = nullptr;
};

}  // namespace i4::ui
