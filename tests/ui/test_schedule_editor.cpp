#include <QDoubleSpinBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTranslator>
#include <QtTest>

#include "core/sampling/presets.h"
#include "ui/generation/schedule_shape.h"
#include "ui/widgets/generation_panel.h"
#include "ui/widgets/guidance_schedule_editor.h"
#include "ui/widgets/schedule_bars.h"

using namespace i4::ui;

namespace {

std::vector<float> presetSchedule(const char* name) {
    const auto preset = i4::sampling::findPreset(name);
    return preset ? preset->guidanceSchedule : std::vector<float>{};
}

int countOf(const std::vector<float>& values, float v) {
    return int(std::count(values.begin(), values.end(), v));
}

}  // namespace

class TestScheduleEditor : public QObject {
    Q_OBJECT

private slots:
    void resampleKeepsShape();
    void helpers();
    void presetFillsEditor();
    void stepCountChangeKeepsShape();
    void sliderEditsOneStep();
    void barsLineUpWithTheirSteps();
    void helperRowsShowTheScheduleInEffect();
    void helpersDescribeASetSchedule();
};

void TestScheduleEditor::resampleKeepsShape() {
    const std::vector<float> defaultSchedule = presetSchedule("V4_DEFAULT_20");
    QCOMPARE(defaultSchedule.size(), size_t(20));
    // 20 steps with a 2-step tail -> 12 steps with a 1-step tail: exactly V4_TURBO_12's.
    QCOMPARE(resampleSchedule(defaultSchedule, 12), presetSchedule("V4_TURBO_12"));
    const std::vector<float> longer = resampleSchedule(defaultSchedule, 48);
    QCOMPARE(longer.size(), size_t(48));
    QCOMPARE(countOf(longer, 7.0f) + countOf(longer, 3.0f), 48);  // no in-between levels
    QCOMPARE(countOf(longer, 3.0f), 5);                           // the tail keeps its 10 %
    QVERIFY(std::is_sorted(longer.rbegin(), longer.rend()));      // tail stays at the end
    QCOMPARE(resampleSchedule(defaultSchedule, 20), defaultSchedule);
    QCOMPARE(resampleSchedule({}, 3), (std::vector<float>{0, 0, 0}));
}

void TestScheduleEditor::helpers() {
    QCOMPARE(mainWithTailSchedule(7, 3, 3, 6), (std::vector<float>{7, 7, 7, 3, 3, 3}));
    QCOMPARE(mainWithTailSchedule(5, 1, 10, 2), (std::vector<float>{1, 1}));
    QCOMPARE(linearRampSchedule(8, 4, 5), (std::vector<float>{8, 7, 6, 5, 4}));
    QCOMPARE(constantSchedule(4.5f, 2), (std::vector<float>{4.5f, 4.5f}));
    QCOMPARE(mainWithTailSchedule(7, 3, 3, 48), presetSchedule("V4_QUALITY_48"));
}

void TestScheduleEditor::presetFillsEditor() {
    GenerationPanel panel;
    panel.selectPreset(QStringLiteral("V4_QUALITY_48"));
    GuidanceScheduleEditor* editor = panel.scheduleEditor();
    QCOMPARE(editor->stepCount(), 48);
    QCOMPARE(editor->schedule(), presetSchedule("V4_QUALITY_48"));
    QCOMPARE(editor->findChild<ScheduleBars*>()->values().size(), size_t(48));
    // Untouched preset values stay implicit in the request.
    const auto request = panel.request(QStringLiteral("{}"));
    QCOMPARE(request.preset, std::string("V4_QUALITY_48"));
    QVERIFY(!request.steps);
    QVERIFY(request.guidanceSchedule.empty());
}

void TestScheduleEditor::stepCountChangeKeepsShape() {
    GenerationPanel panel;
    panel.selectPreset(QStringLiteral("V4_DEFAULT_20"));
    GuidanceScheduleEditor* editor = panel.scheduleEditor();
    auto* steps = editor->findChild<QSpinBox*>(QStringLiteral("scheduleSteps"));
    QVERIFY(steps);
    steps->setValue(12);
    QCOMPARE(editor->schedule(), presetSchedule("V4_TURBO_12"));
    steps->setValue(40);
    QCOMPARE(editor->stepCount(), 40);
    QCOMPARE(editor->findChild<ScheduleBars*>()->values().size(), size_t(40));
    QCOMPARE(editor->schedule().front(), 7.0f);
    QCOMPARE(editor->schedule().back(), 3.0f);
    QVERIFY(countOf(editor->schedule(), 3.0f) >= 3 && countOf(editor->schedule(), 3.0f) <= 5);
    // Now explicit: the request carries the edited steps and schedule.
    const auto request = panel.request(QStringLiteral("{}"));
    QCOMPARE(request.steps, std::optional<int>(40));
    QCOMPARE(request.guidanceSchedule, editor->schedule());
    // Choosing a preset again replaces the shape and makes it implicit again.
    panel.selectPreset(QStringLiteral("V4_TURBO_12"));
    QCOMPARE(editor->schedule(), presetSchedule("V4_TURBO_12"));
    QVERIFY(!panel.request(QStringLiteral("{}")).steps);
}

void TestScheduleEditor::sliderEditsOneStep() {
    GuidanceScheduleEditor editor;
    editor.resize(400, 400);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setSchedule(constantSchedule(7.0f, 4));
    QSignalSpy edited(&editor, &GuidanceScheduleEditor::userEdited);
    auto* bars = editor.findChild<ScheduleBars*>();
    QVERIFY(bars);
    // Drag step 3's bar down to 4.5 (the scale's top is 10).
    const QRectF column = bars->columnRect(2);
    const QRectF plot = bars->plotRect();
    const QPointF from(column.center().x(), plot.bottom() - plot.height() * 0.7);
    const QPointF to(column.center().x(), plot.bottom() - plot.height() * 0.45);
    QTest::mousePress(bars, Qt::LeftButton, {}, from.toPoint());
    QMouseEvent move(QEvent::MouseMove, to, bars->mapToGlobal(to), Qt::NoButton, Qt::LeftButton,
                     Qt::NoModifier);
    QApplication::sendEvent(bars, &move);
    QTest::mouseRelease(bars, Qt::LeftButton, {}, to.toPoint());
    QVERIFY(edited.count() >= 1);
    const std::vector<float> dragged = editor.schedule();
    QCOMPARE(dragged[0], 7.0f);
    QVERIFY2(std::abs(dragged[2] - 4.5f) <= 0.1f, qPrintable(QString::number(dragged[2])));
    QCOMPARE(dragged[3], 7.0f);

    // A click opens a box to type the value.
    QTest::mouseClick(bars, Qt::LeftButton, {}, bars->columnRect(1).center().toPoint());
    QDoubleSpinBox* typed = bars->stepEditor();
    QVERIFY(typed);
    QCOMPARE(typed->value(), 7.0);
    typed->setValue(12.25);
    emit typed->editingFinished();
    QCOMPARE(editor.schedule()[1], 12.25f);
    QVERIFY(!bars->stepEditor());
}

// Bars and their controls are one widget: each step's column lies exactly over its bar, side
// by side in step order, across the plot.
void TestScheduleEditor::barsLineUpWithTheirSteps() {
    GuidanceScheduleEditor editor;
    editor.resize(420, 400);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setSchedule(presetSchedule("V4_QUALITY_48"));
    auto* bars = editor.findChild<ScheduleBars*>();
    const QRectF plot = bars->plotRect();
    QCOMPARE(bars->columnRect(0).left(), plot.left());
    QVERIFY(std::abs(bars->columnRect(47).right() - plot.right()) < 1e-6);
    for (int i = 1; i < 48; ++i) {
        QVERIFY(std::abs(bars->columnRect(i).left() - bars->columnRect(i - 1).right()) < 1e-6);
    }
    // Every value is named: the drawn labels are one per run of equal steps (checked by the
    // text shown for the schedule in effect, and by the step readout under the mouse).
    QMouseEvent hover(QEvent::MouseMove, bars->columnRect(46).center(),
                      bars->mapToGlobal(bars->columnRect(46).center()), Qt::NoButton, Qt::NoButton,
                      Qt::NoModifier);
    QApplication::sendEvent(bars, &hover);
    const QImage image = bars->grab().toImage();
    QVERIFY(!image.isNull());
}

// The helper rows never contradict the schedule: a line says what is in effect, and only the
// rows whose boxes make exactly that schedule are marked.
void TestScheduleEditor::helperRowsShowTheScheduleInEffect() {
    QTranslator english;  // the plural forms ("1 step", "2 steps")
    QVERIFY(english.load(QStringLiteral(":/i18n/i4studio_en.qm")));
    QCoreApplication::installTranslator(&english);
    GuidanceScheduleEditor editor;
    editor.show();
    auto* inEffect = editor.findChild<QLabel*>(QStringLiteral("scheduleInEffect"));
    auto mark = [&editor](const char* name) {
        return editor.findChild<QLabel*>(QLatin1String(name))->isVisible();
    };
    QVERIFY(inEffect);
    editor.setSchedule(mainWithTailSchedule(1.15f, 3.0f, 2, 12));
    QCOMPARE(inEffect->text(),
             QStringLiteral("In effect: 1.15, then a polish tail of 2 steps at 3"));
    QVERIFY(mark("mainTailInEffect"));
    QVERIFY(!mark("allInEffect"));
    QVERIFY(!mark("rampInEffect"));
    editor.setSchedule(linearRampSchedule(7.0f, 3.0f, 5));
    QCOMPARE(inEffect->text(), QStringLiteral("In effect: a linear ramp from 7 to 3"));
    QVERIFY(mark("rampInEffect"));
    QVERIFY(!mark("mainTailInEffect"));
    editor.setSchedule(constantSchedule(4.5f, 6));
    QCOMPARE(inEffect->text(), QStringLiteral("In effect: 4.5 at every step"));
    QVERIFY(mark("allInEffect"));
    // Typing another weight in a row that is not applied takes its mark away.
    editor.findChild<QDoubleSpinBox*>(QStringLiteral("allWeight"))->setValue(6.0);
    QVERIFY(!mark("allInEffect"));
    editor.setSchedule({7, 6, 2, 5});
    QCOMPARE(inEffect->text(), QStringLiteral("In effect: a custom schedule, from 7 to 5"));
    QVERIFY(!mark("allInEffect") && !mark("mainTailInEffect") && !mark("rampInEffect"));
    // Numbers in the user's language.
    QLocale::setDefault(QLocale(QLocale::German));
    editor.setSchedule(constantSchedule(1.15f, 3));
    QCOMPARE(inEffect->text(), QStringLiteral("In effect: 1,15 at every step"));
    QLocale::setDefault(QLocale::c());
    QCoreApplication::removeTranslator(&english);
}

// A schedule set from outside (a preset, a model's hint, a remix) shows in the helper boxes, so
// "Main + polish tail" rebuilds it instead of going back to 7 / 3; the user's own helper
// presses keep what was typed.
void TestScheduleEditor::helpersDescribeASetSchedule() {
    GuidanceScheduleEditor editor;
    auto box = [&editor](const char* name) {
        auto* b = editor.findChild<QDoubleSpinBox*>(QString::fromLatin1(name));
        return b ? b->value() : -1.0;
    };
    auto* tailLength = editor.findChild<QSpinBox*>(QStringLiteral("tailLength"));
    QVERIFY(tailLength);
    editor.setSchedule(mainWithTailSchedule(1.0f, 3.0f, 1, 12));
    QCOMPARE(box("mainWeight"), 1.0);
    QCOMPARE(box("allWeight"), 1.0);
    QCOMPARE(box("tailWeight"), 3.0);
    QCOMPARE(tailLength->value(), 1);
    QCOMPARE(box("rampFrom"), 1.0);
    QCOMPARE(box("rampTo"), 3.0);
    const std::vector<float> hinted = editor.schedule();
    auto* mainTail = editor.findChild<QPushButton*>(QStringLiteral("applyMainTail"));
    QVERIFY(mainTail);
    mainTail->click();
    QCOMPARE(editor.schedule(), hinted);

    // A weight with two decimals (the demo model's 1.15) is shown as it is and kept when the
    // schedule is rebuilt from the boxes.
    editor.setSchedule(mainWithTailSchedule(1.15f, 3.0f, 1, 12));
    QCOMPARE(box("mainWeight"), 1.15);
    mainTail->click();
    QCOMPARE(editor.schedule(), mainWithTailSchedule(1.15f, 3.0f, 1, 12));

    editor.setSchedule(constantSchedule(4.5f, 6));
    QCOMPARE(box("mainWeight"), 4.5);
    QCOMPARE(tailLength->value(), 0);

    // A ramp: main weight its first step's, a one-step tail at its last step's (not a tail of
    // every step after the first).
    editor.setSchedule(linearRampSchedule(7.0f, 3.0f, 6));
    QCOMPARE(box("mainWeight"), 7.0);
    QCOMPARE(box("tailWeight"), 3.0);
    QCOMPARE(tailLength->value(), 1);
    QCOMPARE(box("rampFrom"), 7.0);
    QCOMPARE(box("rampTo"), 3.0);

    // The user's own edits: the boxes keep the typed values.
    editor.findChild<QDoubleSpinBox*>(QStringLiteral("tailWeight"))->setValue(2.0);
    tailLength->setValue(2);
    editor.findChild<QDoubleSpinBox*>(QStringLiteral("allWeight"))->setValue(6.0);
    editor.findChild<QPushButton*>(QStringLiteral("applyAll"))->click();
    QCOMPARE(editor.schedule(), constantSchedule(6.0f, 6));
    QCOMPARE(box("tailWeight"), 2.0);
    QCOMPARE(tailLength->value(), 2);
}

QTEST_MAIN(TestScheduleEditor)
#include "test_schedule_editor.moc"
