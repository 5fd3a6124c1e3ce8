#include <QElapsedTimer>
#include <QLocale>
#include <QTemporaryDir>
#include <QtTest>
#include <algorithm>

#include "tests/ui/fake_engine.h"
#include "ui/generation/token_counter.h"
#include "ui/main_window.h"
#include "ui/settings/app_settings.h"
#include "ui/widgets/caption_editor.h"
#include "ui/widgets/token_count_label.h"

using namespace i4::ui;

namespace {

QString words(int count) {
    QStringList list;
    for (int i = 0; i < count; ++i) list << QStringLiteral("w%1").arg(i);
    return list.join(QLatin1Char(' '));
}

QString expectedText(int tokens) {
    return QStringLiteral("%1 / %2 tokens")
        .arg(QLocale().toString(tokens), QLocale().toString(2048));
}

}  // namespace

// The counter under the caption: live through Engine::countTokens, never on the UI thread.
class TestTokenCounter : public QObject {
    Q_OBJECT

private slots:
    void init();
    void countsTheCaption();
    void warnsAboveTheLimit();
    void slowCountDoesNotStallTyping();
    void burstOfEditsCountsTheLatestText();
    void unknownWithoutModel();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
};

void TestTokenCounter::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<AppSettings>(m_dir->filePath("settings.ini"));
    m_settings->setGalleryFolder(m_dir->filePath("gallery"));
}

void TestTokenCounter::countsTheCaption() {
    MainWindow window(m_settings.get(), std::make_unique<test::FakeEngine>());
    window.captionEditor()->setPromptText(words(12));
    TokenCountLabel* label = window.tokenCountLabel();
    QTRY_COMPARE(label->text(), expectedText(5 + 12));
    QVERIFY(!label->isOverLimit());
    QVERIFY(label->styleSheet().isEmpty());
}

void TestTokenCounter::warnsAboveTheLimit() {
    MainWindow window(m_settings.get(), std::make_unique<test::FakeEngine>());
    TokenCountLabel* label = window.tokenCountLabel();
    window.captionEditor()->setPromptText(words(2043));  // 2048 with the framing: still fine
    QTRY_COMPARE(label->countShown(), 2048);
    QVERIFY(!label->isOverLimit());
    window.captionEditor()->setPromptText(words(2044));
    QTRY_COMPARE(label->countShown(), 2049);
    QVERIFY(label->isOverLimit());
    QCOMPARE(label->text(), expectedText(2049));
    QVERIFY(label->styleSheet().contains(QStringLiteral("color")));
    window.captionEditor()->setPromptText(words(3));
    QTRY_COMPARE(label->countShown(), 8);
    QVERIFY(label->styleSheet().isEmpty());
}

void TestTokenCounter::slowCountDoesNotStallTyping() {
    auto engine = std::make_unique<test::FakeEngine>();
    engine->countTime = std::chrono::milliseconds(400);
    MainWindow window(m_settings.get(), std::move(engine));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QSignalSpy counted(window.tokenCounter(), &TokenCounter::counted);

    QVector<qint64> gaps;
    QElapsedTimer sinceTick;
    QTimer ticker;
    ticker.setInterval(5);
    ticker.setTimerType(Qt::PreciseTimer);
    connect(&ticker, &QTimer::timeout, this, [&] { gaps.push_back(sinceTick.restart()); });
    QEventLoop loop;
    connect(window.tokenCounter(), &TokenCounter::counted, &loop, [&](int tokens) {
        if (tokens == 5 + 5) loop.quit();
    });
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    // Typing: a word every 200 ms (longer than the pause the counter waits for), so counts of
    // 400 ms each run while the next words arrive.
    int typed = 0;
    QTimer typist;
    typist.setInterval(200);
    connect(&typist, &QTimer::timeout, this, [&] {
        window.captionEditor()->setPromptText(words(++typed));
        if (typed == 5) typist.stop();
    });
    sinceTick.start();
    ticker.start();
    typist.start();
    loop.exec();
    ticker.stop();

    QCOMPARE(window.tokenCountLabel()->countShown(), 10);
    QVERIFY2(counted.count() >= 2, "counts should have run while typing went on");
    QVERIFY(gaps.size() > 50);
    const qint64 longest = *std::max_element(gaps.begin(), gaps.end());
    qInfo("token counter: %lld counts for 5 edits, longest event-loop gap %lld ms",
          qint64(counted.count()), longest);
    QVERIFY2(longest <= 50, qPrintable(QStringLiteral("longest gap %1 ms").arg(longest)));
}

void TestTokenCounter::burstOfEditsCountsTheLatestText() {
    auto engine = std::make_unique<test::FakeEngine>();
    engine->countTime = std::chrono::milliseconds(100);
    MainWindow window(m_settings.get(), std::move(engine));
    TokenCounter* counter = window.tokenCounter();
    QSignalSpy counted(counter, &TokenCounter::counted);
    for (int i = 1; i <= 50; ++i) window.captionEditor()->setPromptText(words(i));
    QTRY_COMPARE(window.tokenCountLabel()->countShown(), 5 + 50);
    QTest::qWait(400);
    // One count for the burst (plus at most the one started for the constructor's text).
    QVERIFY2(counted.count() <= 2, qPrintable(QString::number(counted.count())));
    QCOMPARE(counted.last().at(0).toInt(), 55);
}

void TestTokenCounter::unknownWithoutModel() {
    MainWindow window(m_settings.get());
    window.captionEditor()->setPromptText(words(4));
    QSignalSpy counted(window.tokenCounter(), &TokenCounter::counted);
    QVERIFY(counted.wait(2000));
    QCOMPARE(counted.last().at(0).toInt(), -1);
    QCOMPARE(window.tokenCountLabel()->countShown(), -1);
    QVERIFY(window.tokenCountLabel()->text().contains(QLocale().toString(2048)));
    QVERIFY(!window.tokenCountLabel()->isOverLimit());
}

QTEST_MAIN(TestTokenCounter)
#include "test_token_counter.moc"
