// Issue 29 part 6: the gallery as a place to look into — full-size viewer, clipboard,
// multi-select with Delete and Export, favourites, "no matches", caption labels, context menu.
#include <QAbstractButton>
#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTranslator>
#include <QtTest>
#include <functional>

#include "ui/gallery/gallery_delegate.h"
#include "ui/gallery/gallery_model.h"
#include "ui/gallery/gallery_panel.h"
#include "ui/gallery/gallery_store.h"
#include "ui/gallery/image_viewer.h"
#include "ui/gallery/png_metadata.h"
#include "ui/gallery/zoom_image_view.h"
#include "ui/settings/translations.h"

using namespace i4::ui;

namespace {

i4::pipeline::GenerationRequest makeRequest(const std::string& prompt, uint64_t seed) {
    i4::pipeline::GenerationRequest r;
    r.prompts = {prompt};
    r.width = 192;
    r.height = 128;
    r.preset = "V4_TURBO_12";
    r.seed = seed;
    return r;
}

// A picture with structure, so that a wrong crop or scale shows in the pixels.
QImage makeImage(QRgb colour) {
    QImage image(192, 128, QImage::Format_RGB888);
    image.fill(colour);
    for (int y = 0; y < 16; ++y) {
        for (int x = 0; x < 16; ++x) image.setPixel(x, y, qRgb(255, 255, 255));
    }
    return image;
}

// Answers the modal dialogs that appear, in order: each handler gets the active modal widget
// and returns true once it has dealt with it.
class ModalScript : public QObject {
public:
    using Handler = std::function<bool(QWidget*)>;
    explicit ModalScript(QList<Handler> handlers) : m_handlers(std::move(handlers)) {
        m_timer.setInterval(20);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            QWidget* modal = QApplication::activeModalWidget();
            if (!modal || m_handlers.isEmpty() || modal == m_last) return;
            if (m_handlers.front()(modal)) {
                m_last = modal;
                m_handlers.removeFirst();
                ++m_handled;
            }
        });
        m_timer.start();
    }
    int handled() const { return m_handled; }

private:
    QList<Handler> m_handlers;
    QTimer m_timer;
    QPointer<QWidget> m_last;
    int m_handled = 0;
};

bool pressButton(QWidget* modal, QMessageBox::StandardButton which) {
    auto* box = qobject_cast<QMessageBox*>(modal);
    if (!box || !box->button(which)) return false;
    box->button(which)->click();
    return true;
}

}  // namespace

class TestGalleryBrowse : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void thumbnailsLabelledByCaption();
    void favouriteStarPersists();
    void noMatchesSaysHowMany();
    void doubleClickOpensZoomableViewer();
    void copyImageToClipboard();
    void multiSelectDelete();
    void multiSelectExportToPictures();
    void contextMenuOffersTheActions();
    void exportToAFolderThatCannotBeMadeSaysSo();
    void stringsAreTranslated();
    void germanAtASmallWindowFits();

private:
    void clickRow(int row, Qt::KeyboardModifiers modifiers = {});

    QTemporaryDir m_home;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<GalleryStore> m_store;
    std::unique_ptr<GalleryPanel> m_panel;
};

void TestGalleryBrowse::initTestCase() {
    // Trash, Pictures and the XDG user dirs all inside the test.
    qputenv("HOME", m_home.path().toUtf8());
    qputenv("XDG_DATA_HOME", m_home.filePath("data").toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath("config").toUtf8());
    QVERIFY(QDir().mkpath(m_home.filePath("Pictures")));
    QVERIFY(QDir().mkpath(m_home.filePath("data")));
}

void TestGalleryBrowse::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_store = std::make_unique<GalleryStore>(m_dir->path());
    QVERIFY(m_store->open());
    QVERIFY(m_store->add(
        makeImage(qRgb(200, 30, 30)),
        makeRequest(R"({"high_level_description":"A red circle on sand",)"
                    R"("compositional_deconstruction":{"background":"sand","elements":[]}})",
                    11),
        "demo"));
    QVERIFY(m_store->add(makeImage(qRgb(30, 200, 30)), makeRequest("green square\nsecond line", 22),
                         "demo"));
    QVERIFY(m_store->add(
        makeImage(qRgb(30, 30, 200)),
        makeRequest(R"({"compositional_deconstruction":{"background":"a blue sky","elements":[]}})",
                    33),
        "demo"));
    m_panel = std::make_unique<GalleryPanel>(m_store.get());
    m_panel->resize(1100, 700);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
    QCOMPARE(m_panel->model()->rowCount(), 3);
}

void TestGalleryBrowse::cleanup() {
    m_panel.reset();
    m_store.reset();
    m_dir.reset();
}

void TestGalleryBrowse::clickRow(int row, Qt::KeyboardModifiers modifiers) {
    QListView* view = m_panel->view();
    const QRect rect = view->visualRect(m_panel->model()->index(row));
    QVERIFY(rect.isValid());
    QTest::mouseClick(view->viewport(), Qt::LeftButton, modifiers, rect.center());
}

void TestGalleryBrowse::thumbnailsLabelledByCaption() {
    // Newest first: the JSON caption without a description, the plain prompt, the described one.
    QStringList labels;
    for (int row = 0; row < 3; ++row) labels << m_panel->model()->index(row).data().toString();
    QCOMPARE(labels, (QStringList{"a blue sky", "green square", "A red circle on sand"}));
}

void TestGalleryBrowse::favouriteStarPersists() {
    QListView* view = m_panel->view();
    const QModelIndex second = m_panel->model()->index(1);
    const qint64 id = second.data(GalleryModel::RecordIdRole).toLongLong();
    QVERIFY(!second.data(GalleryModel::FavouriteRole).toBool());
    auto* delegate = qobject_cast<GalleryDelegate*>(view->itemDelegate());
    QVERIFY(delegate);
    const QPoint star = delegate->starRect(view->visualRect(second)).center();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, star);
    QTRY_VERIFY(m_store->record(id)->favourite);
    QVERIFY(m_panel->model()
                ->index(m_panel->model()->rowOfId(id))
                .data(GalleryModel::FavouriteRole)
                .toBool());
    // In the SQLite index: a new store on the same folder sees it.
    m_panel.reset();
    m_store.reset();
    GalleryStore reopened(m_dir->path());
    QVERIFY(reopened.open());
    QVERIFY(!reopened.rebuiltOnOpen());
    QVERIFY(reopened.record(id)->favourite);
    GalleryFilter favourites;
    favourites.favouritesOnly = true;
    QCOMPARE(reopened.query(favourites).size(), 1);
    // A second click on the star takes it away again.
    GalleryPanel panel(&reopened);
    panel.resize(1100, 700);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    const QModelIndex again = panel.model()->index(panel.model()->rowOfId(id));
    QTest::mouseClick(panel.view()->viewport(), Qt::LeftButton, {},
                      delegate->starRect(panel.view()->visualRect(again)).center());
    QTRY_VERIFY(!reopened.record(id)->favourite);
}

void TestGalleryBrowse::noMatchesSaysHowMany() {
    QLabel* empty = m_panel->emptyMessage();
    QVERIFY(empty->isHidden());
    auto* search = m_panel->findChild<QLineEdit*>();
    QVERIFY(search);
    search->setText(QStringLiteral("unicorn"));
    QCOMPARE(m_panel->model()->rowCount(), 0);
    QVERIFY(empty->isVisible());
    QVERIFY2(empty->text().contains(QLatin1String("No matches")), qPrintable(empty->text()));
    // "3 images" once the English plural forms are loaded (the app loads them; a bare test not).
    QVERIFY2(empty->text().contains(QLatin1String("3 image")), qPrintable(empty->text()));
    // The link clears the filters.
    emit empty->linkActivated(QStringLiteral("clear"));
    QCOMPARE(m_panel->model()->rowCount(), 3);
    QVERIFY(search->text().isEmpty());
    QVERIFY(empty->isHidden());
    search->setText(QStringLiteral("circle"));
    QCOMPARE(m_panel->model()->rowCount(), 1);
    QVERIFY(empty->isHidden());
}

void TestGalleryBrowse::doubleClickOpensZoomableViewer() {
    QListView* view = m_panel->view();
    const QModelIndex first = m_panel->model()->index(0);
    // A real double-click: press, release, then the double-click event.
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(first).center());
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(first).center());
    ImageViewer* viewer = m_panel->viewer();
    QTRY_VERIFY(viewer->isVisible());
    const GalleryRecord record = first.data(GalleryModel::RecordRole).value<GalleryRecord>();
    QCOMPARE(viewer->path(), m_store->imagePath(record));
    ZoomImageView* zoom = viewer->view();
    QCOMPARE(zoom->image().size(), QSize(192, 128));
    QVERIFY(QTest::qWaitForWindowExposed(viewer));
    QVERIFY(zoom->state().fit);
    const double fitted = zoom->effectiveZoom();
    QVERIFY(fitted > 1.0);  // a 192x128 image in a 900-wide window is enlarged to fit

    // Wheel: zooms about the cursor, the image point under it stays put.
    const QPointF at(zoom->width() * 0.3, zoom->height() * 0.4);
    const QPointF under = zoom->mapToImage(at);
    QWheelEvent wheel(at, zoom->mapToGlobal(at), QPoint(), QPoint(0, 240), Qt::NoButton,
                      Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(zoom, &wheel);
    QVERIFY(!zoom->state().fit);
    QVERIFY(qAbs(zoom->effectiveZoom() - fitted * 1.5625) < 1e-9);
    const QPointF still = zoom->mapFromImage(under);
    QVERIFY(qAbs(still.x() - at.x()) < 1e-6 && qAbs(still.y() - at.y()) < 1e-6);

    // Drag: pans by the mouse's movement.
    const QPointF before = zoom->effectiveCentre();
    QTest::mousePress(zoom, Qt::LeftButton, {}, QPoint(200, 200));
    QMouseEvent move(QEvent::MouseMove, QPointF(260, 230), zoom->mapToGlobal(QPointF(260, 230)),
                     Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(zoom, &move);
    QTest::mouseRelease(zoom, Qt::LeftButton, {}, QPoint(260, 230));
    const QPointF after = zoom->effectiveCentre();
    QVERIFY(qAbs((before.x() - after.x()) * 192 * zoom->effectiveZoom() - 60) < 1e-6);
    QVERIFY(qAbs((before.y() - after.y()) * 128 * zoom->effectiveZoom() - 30) < 1e-6);

    // Right / Left: the next and previous image of the grid, fitted afresh.
    QTest::keyClick(zoom, Qt::Key_Right);
    QCOMPARE(viewer->path(),
             m_store->imagePath(
                 m_panel->model()->index(1).data(GalleryModel::RecordRole).value<GalleryRecord>()));
    QCOMPARE(m_panel->view()->currentIndex().row(), 1);
    QVERIFY(zoom->state().fit);
    QTest::keyClick(zoom, Qt::Key_Left);
    QCOMPARE(viewer->path(), m_store->imagePath(record));
    QTest::keyClick(zoom, Qt::Key_Left);  // nothing before the first
    QCOMPARE(viewer->path(), m_store->imagePath(record));

    // Double-click in the viewer: 100 % at the clicked point; again: back to fit.
    QVERIFY(zoom->state().fit);
    const QPointF clicked(zoom->width() * 0.25, zoom->height() * 0.5);
    const QPointF pixel = zoom->mapToImage(clicked);
    QTest::mouseDClick(zoom, Qt::LeftButton, {}, clicked.toPoint());
    QVERIFY(!zoom->state().fit);
    QCOMPARE(zoom->effectiveZoom(), 1.0);
    QVERIFY(qAbs(zoom->effectiveCentre().x() * 192 - pixel.x()) < 1.0);
    QTest::mouseDClick(zoom, Qt::LeftButton, {}, QPoint(100, 100));
    QVERIFY(zoom->state().fit);
}

void TestGalleryBrowse::copyImageToClipboard() {
    QApplication::clipboard()->clear();
    clickRow(1);
    const GalleryRecord record =
        m_panel->view()->currentIndex().data(GalleryModel::RecordRole).value<GalleryRecord>();
    QCOMPARE(record.request.seed, uint64_t(22));
    m_panel->view()->setFocus();
    QTest::keySequence(m_panel->view(), QKeySequence::Copy);
    const QImage copied = QApplication::clipboard()->image();
    QCOMPARE(copied.size(), QSize(192, 128));
    QCOMPARE(copied.convertToFormat(QImage::Format_RGB888),
             QImage(m_store->imagePath(record)).convertToFormat(QImage::Format_RGB888));
}

void TestGalleryBrowse::multiSelectDelete() {
    clickRow(0);
    clickRow(2, Qt::ControlModifier);
    QCOMPARE(m_panel->selectedRecords().size(), 2);
    const QVector<GalleryRecord> chosen = m_panel->selectedRecords();
    // The first answer is No: nothing goes.
    {
        ModalScript script({[](QWidget* w) { return pressButton(w, QMessageBox::No); }});
        m_panel->view()->setFocus();
        QTest::keyClick(m_panel->view(), Qt::Key_Delete);
        QCOMPARE(script.handled(), 1);
    }
    QCOMPARE(m_store->count(), 3);
    QString question;
    ModalScript script({[&question](QWidget* w) {
        if (auto* box = qobject_cast<QMessageBox*>(w)) question = box->text();
        return pressButton(w, QMessageBox::Yes);
    }});
    QTest::keyClick(m_panel->view(), Qt::Key_Delete);
    QCOMPARE(script.handled(), 1);
    QVERIFY2(question.contains(QLatin1String("2")), qPrintable(question));
    QCOMPARE(m_store->count(), 1);
    QCOMPARE(m_panel->model()->rowCount(), 1);
    for (const GalleryRecord& record : chosen) {
        QVERIFY(!QFile::exists(m_store->imagePath(record)));
        QVERIFY(!m_store->record(record.id));
    }
    QCOMPARE(m_panel->model()
                 ->index(0)
                 .data(GalleryModel::RecordRole)
                 .value<GalleryRecord>()
                 .request.seed,
             uint64_t(22));
}

void TestGalleryBrowse::multiSelectExportToPictures() {
    const QString pictures = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    QCOMPARE(QDir(pictures).absolutePath(), QDir(m_home.filePath("Pictures")).absolutePath());
    QCOMPARE(GalleryPanel::defaultExportFolder(), pictures);
    const QString target = m_home.filePath("Pictures/exported");
    QVERIFY(QDir().mkpath(target));
    clickRow(0);
    clickRow(1, Qt::ControlModifier);
    QVERIFY(m_panel->action("export")->isEnabled());
    QVERIFY(m_panel->action("export")->text().contains(QLatin1String("2")));
    QString startedIn, confirmation;
    auto chooseFolder = [&](QWidget* w) {
        auto* dialog = qobject_cast<QFileDialog*>(w);
        if (!dialog) return false;
        startedIn = dialog->directory().absolutePath();
        dialog->setDirectory(target);
        static_cast<QDialog*>(dialog)->accept();  // QFileDialog::accept, protected there
        return true;
    };
    auto confirm = [&](QWidget* w) {
        if (auto* box = qobject_cast<QMessageBox*>(w)) confirmation = box->text();
        return pressButton(w, QMessageBox::Ok);
    };
    {
        ModalScript script({chooseFolder, confirm});
        QCOMPARE(m_panel->exportSelected(), 2);
        QCOMPARE(script.handled(), 2);
    }
    QCOMPARE(startedIn, QDir(pictures).absolutePath());
    QVERIFY2(confirmation.contains(QLatin1String("2")) &&
                 confirmation.contains(QDir::toNativeSeparators(target)),
             qPrintable(confirmation));
    QStringList files = QDir(target).entryList({"*.png"}, QDir::Files);
    QCOMPARE(files.size(), 2);
    // The PNGs keep their metadata: each reads back with its request.
    QSet<uint64_t> seeds;
    for (const QString& file : files) {
        const auto metadata = readImageMetadata(QDir(target).filePath(file));
        QVERIFY(metadata);
        seeds.insert(metadata->request.seed);
    }
    QCOMPARE(seeds, (QSet<uint64_t>{33, 22}));
    // Exporting again never overwrites: two more files.
    {
        ModalScript script({chooseFolder, confirm});
        QCOMPARE(m_panel->exportSelected(), 2);
    }
    QCOMPARE(QDir(target).entryList({"*.png"}, QDir::Files).size(), 4);
    // Cancelled: nothing written, no confirmation.
    {
        ModalScript script({[](QWidget* w) {
            auto* dialog = qobject_cast<QFileDialog*>(w);
            if (!dialog) return false;
            dialog->reject();
            return true;
        }});
        QCOMPARE(m_panel->exportSelected(), 0);
    }
    QCOMPARE(QDir(target).entryList({"*.png"}, QDir::Files).size(), 4);
}

void TestGalleryBrowse::contextMenuOffersTheActions() {
    clickRow(0);
    std::unique_ptr<QMenu> menu(m_panel->buildContextMenu());
    QStringList names;
    for (QAction* a : menu->actions()) {
        if (!a->isSeparator()) names << a->objectName();
    }
    for (const char* name : {"open", "copyImage", "copyCaption", "remix", "reuseSeed", "useAsInput",
                             "varySubtle", "varyStrong", "varySeed", "showSource", "showVariations",
                             "compare", "favourite", "reveal", "export", "delete"}) {
        QVERIFY2(names.contains(QLatin1String(name)), name);
    }
    QVERIFY(m_panel->action("open")->isEnabled());
    QVERIFY(!m_panel->action("compare")->isEnabled());     // one image selected
    QVERIFY(!m_panel->action("showSource")->isEnabled());  // made from nothing
    clickRow(1, Qt::ControlModifier);
    menu.reset(m_panel->buildContextMenu());
    QVERIFY(m_panel->action("compare")->isEnabled());
    // "Reuse this seed" hands the current image's seed over.
    QSignalSpy seeds(m_panel.get(), &GalleryPanel::reuseSeedRequested);
    m_panel->action("reuseSeed")->trigger();
    QCOMPARE(seeds.count(), 1);
    QCOMPARE(seeds.at(0).at(0).toULongLong(), m_panel->view()
                                                  ->currentIndex()
                                                  .data(GalleryModel::RecordRole)
                                                  .value<GalleryRecord>()
                                                  .request.seed);
    // The menu's "Open full size" opens the viewer.
    m_panel->action("open")->trigger();
    QTRY_VERIFY(m_panel->viewer()->isVisible());
}

// A target that cannot be a folder (a file is in the way): nothing written, the reason named.
void TestGalleryBrowse::exportToAFolderThatCannotBeMadeSaysSo() {
    const QString blocked = m_home.filePath("Pictures/not-a-folder");
    QFile file(blocked);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.close();
    const QVector<GalleryRecord> all = m_store->query();
    QString error;
    QStringList written;
    QCOMPARE(m_store->exportTo({all[0].id, all[1].id}, blocked + "/inside", &written, &error), 0);
    QVERIFY(written.isEmpty());
    QVERIFY2(error.contains(blocked), qPrintable(error));
    // An id that is not in the gallery is skipped, the others still go.
    QTemporaryDir target;
    QCOMPARE(m_store->exportTo({all[0].id, 987654}, target.path(), &written, &error), 1);
    QCOMPARE(written.size(), 1);
    QVERIFY(QFile::exists(written.front()));
}

// The gallery's own strings are in the German and Japanese catalogues, plural forms included.
void TestGalleryBrowse::stringsAreTranslated() {
    QTranslator german, japanese;
    QVERIFY(german.load(QStringLiteral(":/i18n/i4studio_de.qm")));
    QVERIFY(japanese.load(QStringLiteral(":/i18n/i4studio_ja.qm")));
    QCOMPARE(german.translate("i4::ui::GalleryPanel", "Vary subtly"),
             QStringLiteral("Leicht variieren"));
    QCOMPARE(japanese.translate("i4::ui::GalleryPanel", "Compare side by side"),
             QStringLiteral("並べて比較"));
    QCOMPARE(german.translate("i4::ui::ImageViewer", "Copy image"),
             QStringLiteral("Bild kopieren"));
    QCOMPARE(german.translate("SettingsDiff", "Input image"), QStringLiteral("Eingabebild"));
    const char* noMatches = "No matches among %n image(s). <a href=\"clear\">Clear the filters</a>";
    QVERIFY(german.translate("i4::ui::GalleryPanel", noMatches, nullptr, 3)
                .startsWith("Keine Treffer unter %n Bildern"));
    QVERIFY(german.translate("i4::ui::GalleryPanel", noMatches, nullptr, 1)
                .startsWith("Kein Treffer unter %n Bild."));
    QCOMPARE(japanese.translate("i4::ui::GalleryDelegate", "%n variation(s)", nullptr, 2),
             QStringLiteral("バリエーション %n"));
}

// In German, in the gallery tab of a 1024x700 window, every action button shows its whole label
// and the filters fit. With $I4_SCREENSHOT_DIR set, the panel is saved as gallery-de-small.png.
void TestGalleryBrowse::germanAtASmallWindowFits() {
    QCOMPARE(installTranslators(qApp, QStringLiteral("de")), QStringLiteral("de"));
    GalleryPanel panel(m_store.get());
    panel.resize(1024, 560);  // the tab's share of a 1024x700 window
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QVERIFY(
        panel.selectRecord(panel.model()->index(0).data(GalleryModel::RecordIdRole).toLongLong()));
    QCOMPARE(panel.action("varySubtle")->text(), QStringLiteral("Leicht variieren"));
    for (QToolButton* button : panel.findChildren<QToolButton*>()) {
        if (!button->isVisible()) continue;
        QVERIFY2(button->width() >= button->sizeHint().width(),
                 qPrintable(QStringLiteral("%1: %2 < %3")
                                .arg(button->text())
                                .arg(button->width())
                                .arg(button->sizeHint().width())));
    }
    for (QWidget* w : panel.findChildren<QComboBox*>()) {
        QVERIFY2(w->width() >= w->minimumSizeHint().width(), qPrintable(w->objectName()));
    }
    const QString dir = qEnvironmentVariable("I4_SCREENSHOT_DIR");
    if (!dir.isEmpty()) QVERIFY(panel.grab().save(QDir(dir).filePath("gallery-de-small.png")));
    installTranslators(qApp, QStringLiteral("en"));
}

QTEST_MAIN(TestGalleryBrowse)
#include "test_gallery_browse.moc"
