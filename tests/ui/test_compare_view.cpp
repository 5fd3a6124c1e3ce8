// Issue 26 part 4: two to four gallery images side by side, zoomed and panned together, with
// what changed between their settings.
#include <QAction>
#include <QCheckBox>
#include <QListView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include "ui/compare/compare_view.h"
#include "ui/compare/settings_diff.h"
#include "ui/gallery/gallery_model.h"
#include "ui/gallery/gallery_panel.h"
#include "ui/gallery/gallery_store.h"

using namespace i4::ui;

namespace {

std::string caption(const std::string& colour, int xMax) {
    return R"({"high_level_description":"A )" + colour +
           R"( star","compositional_deconstruction":{"background":"sand","elements":[{"type":"obj",)"
           R"("bbox":[100,100,600,)" +
           std::to_string(xMax) + R"(],"desc":"a )" + colour + R"( star"}]}})";
}

GalleryRecord record(const std::string& prompt, uint64_t seed,
                     const std::string& preset = "V4_TURBO_12") {
    GalleryRecord r;
    r.request.prompts = {prompt};
    r.request.width = 128;
    r.request.height = 128;
    r.request.preset = preset;
    r.request.seed = seed;
    r.modelId = QStringLiteral("demo");
    r.created = QDateTime(QDate(2026, 12, 4), QTime(22, 0));
    return r;
}

const SettingRow* find(const QVector<SettingRow>& rows, const QString& name) {
    for (const SettingRow& row : rows) {
        if (row.name == name) return &row;
    }
    return nullptr;
}

QImage gradient(int width, int height) {
    QImage image(width, height, QImage::Format_RGB888);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x)
            image.setPixel(x, y, qRgb(x * 255 / width, y * 255 / height, 90));
    }
    return image;
}

}  // namespace

class TestCompareView : public QObject {
    Q_OBJECT

private slots:
    void diffNamesWhatChanged();
    void diffOfPlainPrompts();
    void zoomAndPanAreSynchronised();
    void onlyDifferencesToggle();
    void galleryComparesTheSelection();
};

void TestCompareView::diffNamesWhatChanged() {
    GalleryRecord a = record(caption("red", 500), 1);
    GalleryRecord b = record(caption("blue", 500), 2);
    GalleryRecord c = record(caption("red", 700), 1, "V4_QUALITY_48");
    c.request.input = i4::pipeline::ImageInput{};
    c.request.input->imageSha256 = "0123456789abcdef0123";
    c.request.input->strength = 0.4;
    const QVector<SettingRow> rows = settingsDiff({a, b, c});
    const SettingRow* seed = find(rows, "Seed");
    QVERIFY(seed);
    QVERIFY(seed->differs);
    QCOMPARE(seed->values, (QStringList{"1", "2", "1"}));
    QVERIFY(find(rows, "Preset")->differs);
    QVERIFY(!find(rows, "Size")->differs);
    QVERIFY(!find(rows, "Model")->differs);
    QVERIFY(find(rows, "Strength")->differs);
    QCOMPARE(find(rows, "Input image")->values.at(2), QStringLiteral("0123456789ab"));
    // The caption's fields that changed, by path; the unchanged ones are not listed.
    const SettingRow* desc = find(rows, "compositional_deconstruction.elements[0].desc");
    QVERIFY(desc);
    QCOMPARE(desc->values, (QStringList{"a red star", "a blue star", "a red star"}));
    const SettingRow* box = find(rows, "compositional_deconstruction.elements[0].bbox[3]");
    QVERIFY(box);
    QCOMPARE(box->values, (QStringList{"500", "500", "700"}));
    QVERIFY(!find(rows, "compositional_deconstruction.background"));
    QVERIFY(find(rows, "Caption")->differs);
    // Identical images: nothing differs.
    for (const SettingRow& row : settingsDiff({a, a})) QVERIFY2(!row.differs, qPrintable(row.name));
}

void TestCompareView::diffOfPlainPrompts() {
    const QVector<SettingRow> rows = settingsDiff({record("a fox", 5), record("a fox in snow", 5)});
    QVERIFY(find(rows, "Prompt")->differs);
    QVERIFY(!find(rows, "Seed")->differs);
}

void TestCompareView::zoomAndPanAreSynchronised() {
    QTemporaryDir dir;
    QStringList paths;
    // Different sizes on purpose: the views share the scale and the relative centre.
    const QList<QSize> sizes = {{256, 256}, {256, 256}, {128, 128}, {256, 192}};
    QVector<GalleryRecord> records;
    for (int i = 0; i < sizes.size(); ++i) {
        paths << dir.filePath(QStringLiteral("%1.png").arg(i));
        QVERIFY(gradient(sizes[i].width(), sizes[i].height()).save(paths.back()));
        records << record(caption("red", 500 + i), uint64_t(i));
    }
    CompareView view;
    QVERIFY(!view.setImages(records.mid(0, 1), paths.mid(0, 1)));  // one is not a comparison
    QVERIFY(!view.setImages(records + records.mid(0, 1), paths + paths.mid(0, 1)));  // five neither
    QVERIFY(view.setImages(records, paths));
    view.resize(1000, 800);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QVector<ZoomImageView*> views = view.views();
    QCOMPARE(views.size(), 4);
    QCOMPARE(views[2]->image().size(), QSize(128, 128));

    // Wheel over the second image: all four go to its scale and centre.
    ZoomImageView* second = views[1];
    const QPointF at(second->width() * 0.25, second->height() * 0.25);
    QWheelEvent wheel(at, second->mapToGlobal(at), QPoint(), QPoint(0, 360), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(second, &wheel);
    const ZoomImageView::State zoomed = second->state();
    QVERIFY(!zoomed.fit);
    QVERIFY(zoomed.centre.x() < 0.5 && zoomed.centre.y() < 0.5);  // towards the cursor
    for (ZoomImageView* v : views) {
        QVERIFY(v->state() == zoomed);
    }
    // Drag in the fourth: all pan together.
    ZoomImageView* fourth = views[3];
    QTest::mousePress(fourth, Qt::LeftButton, {}, QPoint(100, 100));
    QMouseEvent move(QEvent::MouseMove, QPointF(40, 70), fourth->mapToGlobal(QPointF(40, 70)),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(fourth, &move);
    QTest::mouseRelease(fourth, Qt::LeftButton, {}, QPoint(40, 70));
    const ZoomImageView::State panned = fourth->state();
    QVERIFY(panned.centre.x() > zoomed.centre.x());  // dragged left: the view moves right
    for (ZoomImageView* v : views) QVERIFY(v->state() == panned);
    // The same image point sits under the same screen point in the two equal-size views.
    const QPointF p1 = views[0]->mapFromImage(QPointF(64, 64));
    const QPointF p2 = views[1]->mapFromImage(QPointF(64, 64));
    QVERIFY(qAbs(p1.x() - p2.x()) < 1e-6 && qAbs(p1.y() - p2.y()) < 1e-6);
    // Keys and double-click too: '0' fits every view.
    views[2]->setFocus();
    QTest::keyClick(views[2], Qt::Key_0);
    for (ZoomImageView* v : views) QVERIFY(v->state().fit);
}

void TestCompareView::onlyDifferencesToggle() {
    QTemporaryDir dir;
    QStringList paths = {dir.filePath("a.png"), dir.filePath("b.png")};
    QVERIFY(gradient(64, 64).save(paths[0]));
    QVERIFY(gradient(64, 64).save(paths[1]));
    CompareView view;
    QVERIFY(view.setImages({record("a fox", 1), record("a fox", 2)}, paths));
    // Only the seed and nothing else changed.
    QCOMPARE(view.table()->rowCount(), 1);
    QCOMPARE(view.table()->verticalHeaderItem(0)->text(), QStringLiteral("Seed"));
    QCOMPARE(view.table()->item(0, 1)->text(), QStringLiteral("2"));
    QVERIFY(view.table()->item(0, 0)->font().bold());
    view.setOnlyDifferences(false);
    QCOMPARE(view.table()->rowCount(), int(view.rows().size()));
    QVERIFY(view.table()->rowCount() > 8);
}

void TestCompareView::galleryComparesTheSelection() {
    QTemporaryDir dir;
    GalleryStore store(dir.path());
    QVERIFY(store.open());
    for (int i = 0; i < 3; ++i) {
        GalleryRecord r = record(caption(i == 1 ? "blue" : "red", 500), uint64_t(10 + i));
        QVERIFY(store.add(gradient(128, 128), r.request, r.modelId));
    }
    GalleryPanel panel(&store);
    panel.resize(1100, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QListView* list = panel.view();
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                      list->visualRect(panel.model()->index(0)).center());
    QVERIFY(!panel.action("compare")->isEnabled());
    QTest::mouseClick(list->viewport(), Qt::LeftButton, Qt::ShiftModifier,
                      list->visualRect(panel.model()->index(2)).center());
    QCOMPARE(panel.selectedRecords().size(), 3);
    QVERIFY(panel.action("compare")->isEnabled());
    panel.action("compare")->trigger();
    CompareView* compare = panel.compareView();
    QVERIFY(compare);
    QTRY_VERIFY(compare->isVisible());
    QCOMPARE(compare->views().size(), 3);
    const SettingRow* seed = find(compare->rows(), "Seed");
    QCOMPARE(seed->values, (QStringList{"12", "11", "10"}));  // grid order: newest first
    QVERIFY(find(compare->rows(), "compositional_deconstruction.elements[0].desc"));
}

QTEST_MAIN(TestCompareView)
#include "test_compare_view.moc"
