// Issue 29, part 8: while the demo model is active, the caption editor says what it can draw (a
// hint on the layout canvas) and which fields it does not read (a badge on each); another
// model takes them away.
#include <QLabel>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/ui/fake_engine.h"
#include "ui/generation/demo_model_hints.h"
#include "ui/main_window.h"
#include "ui/settings/app_settings.h"
#include "ui/widgets/caption_editor.h"
#include "ui/widgets/layout_canvas.h"

using namespace i4::ui;

class TestDemoHints : public QObject {
    Q_OBJECT

private slots:
    void shownForTheDemoModelOnly();
};

void TestDemoHints::shownForTheDemoModelOnly() {
    QTemporaryDir dir;
    AppSettings settings(dir.filePath("settings.ini"));
    settings.setGalleryFolder(dir.filePath("gallery"));
    QDir(dir.path()).mkpath("real");
    QFile index(dir.filePath("real/model_index.json"));
    QVERIFY(index.open(QIODevice::WriteOnly));
    index.write("{\"_class_name\":\"Ideogram4Pipeline\"}");
    index.close();
    settings.setModelFolders({QStringLiteral(I4_DEMO_MODEL_DIR), dir.filePath("real")});
    settings.setActiveModelFolder(QStringLiteral(I4_DEMO_MODEL_DIR));
    MainWindow window(&settings, std::make_unique<test::FakeEngine>());
    window.setModelLoader([](const QString&, const i4::pipeline::LoadOptions&) {
        return std::unique_ptr<Engine>(std::make_unique<test::FakeEngine>());
    });
    window.resize(1360, 860);
    window.show();
    QVERIFY(window.findChild<QLabel*>(QStringLiteral("demoCanvasHint")) == nullptr);
    window.loadActiveModel();

    QLabel* hint =
        window.captionEditor()->canvas()->findChild<QLabel*>(QStringLiteral("demoCanvasHint"));
    QVERIFY(hint);
    QVERIFY(hint->isVisible());
    QVERIFY(hint->text().contains(QStringLiteral("edges")));
    QVERIFY(hint->toolTip().contains(QStringLiteral("purple")));
    // Across the canvas's bottom, inside it.
    const QRect canvas = window.captionEditor()->canvas()->rect();
    QVERIFY(canvas.contains(hint->geometry()));
    QVERIFY(hint->geometry().bottom() > canvas.height() / 2);
    int badges = 0;
    for (const QString& name : DemoModelHints::unreadFields()) {
        QWidget* field = window.captionEditor()->findChild<QWidget*>(name);
        QVERIFY2(field, qPrintable(name));
        QLabel* badge =
            field->findChild<QLabel*>(QStringLiteral("demoBadge"), Qt::FindDirectChildrenOnly);
        QVERIFY2(badge, qPrintable(name));
        QVERIFY(!badge->isHidden());
        ++badges;
    }
    QCOMPARE(badges, DemoModelHints::unreadFields().size());
    // The fields the demo does read carry none.
    QVERIFY(window.captionEditor()
                ->findChild<QWidget*>(QStringLiteral("background"))
                ->findChild<QLabel*>(QStringLiteral("demoBadge")) == nullptr);

    settings.setActiveModelFolder(dir.filePath("real"));
    window.loadActiveModel();
    QVERIFY(!window.demoHints()->isActive());
    QVERIFY(hint->isHidden());
    for (QLabel* badge : window.captionEditor()->findChildren<QLabel*>(QStringLiteral("demoBadge")))
        QVERIFY(badge->isHidden());
}

QTEST_MAIN(TestDemoHints)
#include "test_demo_hints.moc"
