#include <QMenu>
#include <QtTest>

#include "ui/widgets/layout_canvas.h"

using namespace i4::ui;

namespace {

void sendMouse(QWidget* widget, QEvent::Type type, QPointF pos, Qt::MouseButtons buttons) {
    const Qt::MouseButton button = type == QEvent::MouseMove ? Qt::NoButton : Qt::LeftButton;
    QMouseEvent event(type, pos, widget->mapToGlobal(pos), button, buttons, Qt::NoModifier);
    QApplication::sendEvent(widget, &event);
}

void drag(QWidget* widget, QPointF from, QPointF to) {
    sendMouse(widget, QEvent::MouseButtonPress, from, Qt::LeftButton);
    sendMouse(widget, QEvent::MouseMove, (from + to) / 2, Qt::LeftButton);
    sendMouse(widget, QEvent::MouseMove, to, Qt::LeftButton);
    sendMouse(widget, QEvent::MouseButtonRelease, to, Qt::NoButton);
}

}  // namespace

class TestLayoutCanvas : public QObject {
    Q_OBJECT

private slots:
    void init();
    void pageKeepsAspect();
    void drawProducesBox();
    void moveKeepsSizeAndStaysInside();
    void resizeFromCorner();
    void cornerOfUnselectedBoxResizes();
    void deleteKeyAsksToDelete();
    void contextMenuDeletesAndAdds();

private:
    std::unique_ptr<LayoutCanvas> m_canvas;
};

void TestLayoutCanvas::init() {
    m_canvas = std::make_unique<LayoutCanvas>();
    // 2:1 image in a 1016x516 widget: the page is exactly 1000x500 at (8, 8).
    m_canvas->setAspect(2048, 1024);
    m_canvas->resize(1016, 516);
    m_canvas->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_canvas.get()));
}

void TestLayoutCanvas::pageKeepsAspect() {
    QCOMPARE(m_canvas->pageRect(), QRectF(8, 8, 1000, 500));
    m_canvas->setAspect(512, 1024);
    const QRectF page = m_canvas->pageRect();
    QCOMPARE(page.height(), 500.0);
    QCOMPARE(page.width(), 250.0);
}

void TestLayoutCanvas::drawProducesBox() {
    QSignalSpy drawn(m_canvas.get(), &LayoutCanvas::boxDrawn);
    // x 108..608 of 1000 px -> 100..600; y 58..308 of 500 px -> 100..600.
    drag(m_canvas.get(), QPointF(108, 58), QPointF(608, 308));
    QCOMPARE(drawn.count(), 1);
    const BBox box = drawn.at(0).at(0).value<BBox>();
    QCOMPARE(box.v, (std::array<int, 4>{100, 100, 600, 600}));

    // Dragging up-left draws the same box (normalised), and past the page edge clamps.
    drag(m_canvas.get(), QPointF(608, 308), QPointF(-50, -50));
    QCOMPARE(drawn.count(), 2);
    QCOMPARE(drawn.at(1).at(0).value<BBox>().v, (std::array<int, 4>{0, 0, 600, 600}));

    // A click is not a box.
    drag(m_canvas.get(), QPointF(300, 300), QPointF(302, 301));
    QCOMPARE(drawn.count(), 2);
}

void TestLayoutCanvas::moveKeepsSizeAndStaysInside() {
    CaptionElement element;
    element.bbox = BBox{{100, 100, 300, 400}};  // x 108..408, y 58..158
    m_canvas->setElements({element});
    QSignalSpy changed(m_canvas.get(), &LayoutCanvas::elementBoxChanged);
    QSignalSpy selected(m_canvas.get(), &LayoutCanvas::elementSelected);
    drag(m_canvas.get(), QPointF(200, 100), QPointF(300, 150));  // +100 px, +50 px
    QCOMPARE(selected.count(), 1);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(changed.last().at(0).toInt(), 0);
    QCOMPARE(changed.last().at(1).value<BBox>().v, (std::array<int, 4>{200, 200, 400, 500}));

    // Far past the bottom-right corner: the box stops at the edge, size unchanged.
    element.bbox = changed.last().at(1).value<BBox>();
    m_canvas->setElements({element});
    drag(m_canvas.get(), QPointF(400, 160), QPointF(2000, 2000));
    QCOMPARE(changed.last().at(1).value<BBox>().v, (std::array<int, 4>{800, 700, 1000, 1000}));
}

void TestLayoutCanvas::resizeFromCorner() {
    CaptionElement element;
    element.kind = CaptionElement::Kind::Text;
    element.text = QStringLiteral("SALE");
    element.bbox = BBox{{100, 100, 300, 400}};  // bottom-right corner at (408, 158)
    m_canvas->setElements({element});
    m_canvas->setSelected(0);
    QSignalSpy changed(m_canvas.get(), &LayoutCanvas::elementBoxChanged);
    drag(m_canvas.get(), QPointF(408, 158), QPointF(508, 208));
    QVERIFY(changed.count() >= 1);
    QCOMPARE(changed.last().at(1).value<BBox>().v, (std::array<int, 4>{100, 100, 400, 500}));
    QCOMPARE(m_canvas->toBBox(m_canvas->toWidgetRect(BBox{{100, 100, 400, 500}})).v,
             (std::array<int, 4>{100, 100, 400, 500}));
}

// Issue 29: the corner of a box that is not selected resizes (and selects) it; it used to start
// drawing a new box.
void TestLayoutCanvas::cornerOfUnselectedBoxResizes() {
    CaptionElement a, b;
    a.bbox = BBox{{100, 100, 300, 400}};  // bottom-right corner at (408, 158)
    b.bbox = BBox{{600, 600, 900, 900}};
    m_canvas->setElements({a, b});
    m_canvas->setSelected(1);
    QSignalSpy changed(m_canvas.get(), &LayoutCanvas::elementBoxChanged);
    QSignalSpy drawn(m_canvas.get(), &LayoutCanvas::boxDrawn);
    QSignalSpy finished(m_canvas.get(), &LayoutCanvas::dragFinished);
    drag(m_canvas.get(), QPointF(408, 158), QPointF(508, 208));
    QCOMPARE(drawn.count(), 0);
    QVERIFY(changed.count() >= 1);
    QCOMPARE(changed.last().at(0).toInt(), 0);
    QCOMPARE(changed.last().at(1).value<BBox>().v, (std::array<int, 4>{100, 100, 400, 500}));
    QCOMPARE(m_canvas->selected(), 0);
    QCOMPARE(finished.count(), 1);  // one undo step per drag
}

void TestLayoutCanvas::deleteKeyAsksToDelete() {
    CaptionElement a;
    a.bbox = BBox{{100, 100, 300, 400}};
    m_canvas->setElements({a, a});
    QSignalSpy deleted(m_canvas.get(), &LayoutCanvas::deleteRequested);
    QTest::keyClick(m_canvas.get(), Qt::Key_Delete);
    QCOMPARE(deleted.count(), 0);  // nothing selected
    m_canvas->setSelected(1);
    QTest::keyClick(m_canvas.get(), Qt::Key_Delete);
    QCOMPARE(deleted.count(), 1);
    QCOMPARE(deleted.at(0).at(0).toInt(), 1);
}

void TestLayoutCanvas::contextMenuDeletesAndAdds() {
    CaptionElement a;
    a.bbox = BBox{{100, 100, 300, 400}};  // x 108..408, y 58..158
    m_canvas->setElements({a});
    QSignalSpy deleted(m_canvas.get(), &LayoutCanvas::deleteRequested);
    QSignalSpy added(m_canvas.get(), &LayoutCanvas::addRequested);
    QStringList seen;
    auto chooseFromMenu = [&seen](const QString& text) {
        QTimer::singleShot(0, [&seen, text] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            QVERIFY(menu);
            for (QAction* action : menu->actions()) {
                seen << action->text();
                if (action->text() == text) action->trigger();
            }
            menu->close();
        });
    };
    chooseFromMenu(QStringLiteral("Delete element"));
    QContextMenuEvent onBox(QContextMenuEvent::Mouse, QPoint(200, 100),
                            m_canvas->mapToGlobal(QPoint(200, 100)));
    QApplication::sendEvent(m_canvas.get(), &onBox);
    QCOMPARE(deleted.count(), 1);
    QCOMPARE(deleted.at(0).at(0).toInt(), 0);
    QVERIFY(seen.contains(QStringLiteral("Bring forward")));

    chooseFromMenu(QStringLiteral("Add text here"));
    QContextMenuEvent onEmpty(QContextMenuEvent::Mouse, QPoint(708, 308),
                              m_canvas->mapToGlobal(QPoint(708, 308)));
    QApplication::sendEvent(m_canvas.get(), &onEmpty);
    QCOMPARE(added.count(), 1);
    QCOMPARE(added.at(0).at(0).toBool(), true);
    // A quarter of the page centred on the click: x 700 of 1000, y 600 of 1000.
    QCOMPARE(added.at(0).at(1).value<BBox>().v, (std::array<int, 4>{475, 575, 725, 825}));
}

QTEST_MAIN(TestLayoutCanvas)
#include "test_layout_canvas.moc"
