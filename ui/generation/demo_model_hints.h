#pragma once

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QVector>

class QLabel;
class QWidget;

namespace i4::ui {

class CaptionEditor;

// Note [the demo model's limits in the app]
// The demo model knows one small world (resources/models/demo/README.md): one to three flat
// shapes in six colours, boxes on a grid one cell away from the edges, one fixed style, no
// palettes and no text. While it is the active model the caption editor says so where the user
// works: a hint across the bottom of the layout canvas, and a badge on each field it does not
// read (style, palettes, an element's text). Both are overlays owned here, so the editor's own
// layout is untouched; they go away when another model becomes active.
class DemoModelHints : public QObject {
    Q_OBJECT

public:
    explicit DemoModelHints(CaptionEditor* editor, QObject* parent = nullptr);

    void setActive(bool demo);
    bool isActive() const { return m_active; }
    // The hint on the canvas (null until the first activation).
    QLabel* canvasHint() const { return m_canvasHint; }
    // The badged fields' object names.
    static const QStringList& unreadFields();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    struct Badge {
        QPointer<QWidget> field;
        QPointer<QLabel> label;
    };
    void place();

    CaptionEditor* m_editor;
    bool m_active = false;
    QLabel* m_canvasHint = nullptr;
    QVector<Badge> m_badges;
};

}  // namespace i4::ui
