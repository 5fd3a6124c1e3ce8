#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QTemporaryDir>
#include <QtTest>
#include <cstring>

#include "tests/ui/fake_engine.h"
#include "ui/generation/generation_controller.h"
#include "ui/main_window.h"
#include "ui/settings/app_settings.h"
#include "ui/widgets/generation_panel.h"
#include "ui/widgets/guidance_schedule_editor.h"
#include "ui/widgets/lora_picker.h"

using namespace i4::ui;
using i4::pipeline::GenerationRequest;
using i4::pipeline::LoadOptions;
using i4::pipeline::LoraChoice;

// The LoRA picker: files in and out with their weights and targets, the list reaching
// LoadOptions::loras through a reload, the status bar, a remix restoring an image's LoRAs, and a
// distilled model greying the guidance schedule.
class TestLoraPicker : public QObject {
    Q_OBJECT

private slots:
    void init();
    void pickerRoundTrip();
    void badFilesAreRefusedByName();
    void reachesLoadOptionsAndStatusBar();
    void remixRestoresTheImagesLoras();
    void distilledModelGreysTheSchedule();
    void pickerWithTwoLorasOnADistilledModel();

private:
    // A safetensors file holding zero F32 [1, 4] tensors under `keys` (written by hand: the UI
    // tests link no tensor library).
    QString writeSafetensors(const QString& name, const QStringList& keys);
    std::unique_ptr<MainWindow> window(std::vector<LoadOptions>* loads, bool conditionalOnly);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<AppSettings> m_settings;
};

void TestLoraPicker::init() {
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<AppSettings>(m_dir->filePath("settings.ini"));
    m_settings->setGalleryFolder(m_dir->filePath("gallery"));
    m_settings->setModelFolders({m_dir->filePath("model")});
    m_settings->setDevice(QStringLiteral("cpu"));
}

QString TestLoraPicker::writeSafetensors(const QString& name, const QStringList& keys) {
    QByteArray header = "{";
    for (int i = 0; i < keys.size(); ++i) {
        header += QStringLiteral(
                      "%1\"%2\":{\"dtype\":\"F32\",\"shape\":[1,4],"
                      "\"data_offsets\":[%3,%4]}")
                      .arg(i ? "," : "", keys[i])
                      .arg(i * 16)
                      .arg(i * 16 + 16)
                      .toUtf8();
    }
    header += "}";
    while (header.size() % 8) header += ' ';
    QByteArray bytes(8, '\0');
    const quint64 size = quint64(header.size());
    std::memcpy(bytes.data(), &size, 8);  // little-endian on every platform we build for
    bytes += header + QByteArray(16 * keys.size(), '\0');
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size()) return {};
    return path;
}

std::unique_ptr<MainWindow> TestLoraPicker::window(std::vector<LoadOptions>* loads,
                                                   bool conditionalOnly) {
    auto w = std::make_unique<MainWindow>(m_settings.get());
    w->setModelLoader([loads, conditionalOnly](const QString&, const LoadOptions& options) {
        loads->push_back(options);
        auto engine = std::make_unique<test::FakeEngine>();
        engine->report.device = "cpu";
        engine->report.dtype = "fp32";
        engine->report.memory = "resident";
        engine->report.conditionalOnly = conditionalOnly;
        for (const LoraChoice& lora : options.loras) {
            engine->report.loras.push_back({lora.file, "kohya", 2, 0, {}});
        }
        return std::unique_ptr<Engine>(std::move(engine));
    });
    return w;
}

void TestLoraPicker::pickerRoundTrip() {
    const QString conditional = writeSafetensors(
        "style.safetensors", {"diffusion_model.layers.0.attention.qkv.lora_down.weight",
                              "diffusion_model.layers.0.attention.qkv.lora_up.weight"});
    const QString unconditional = writeSafetensors(
        "uncond.safetensors", {"unconditional_transformer.layers.0.feed_forward.w1.lora_A.weight",
                               "unconditional_transformer.layers.0.feed_forward.w1.lora_B.weight"});
    const QString both = writeSafetensors(
        "both.safetensors", {"transformer.layers.0.attention.to_q.lora_A.weight",
                             "unconditional_transformer.layers.0.attention.to_q.lora_A.weight"});
    LoraPicker picker;
    QSignalSpy changed(&picker, &LoraPicker::lorasChanged);
    QVERIFY(picker.addFile(conditional, 0.8));
    QVERIFY(picker.addFile(unconditional));
    QVERIFY(picker.addFile(both, -0.5));
    QCOMPARE(picker.count(), 3);
    QCOMPARE(picker.targetText(0), QStringLiteral("conditional transformer"));
    QCOMPARE(picker.targetText(1), QStringLiteral("unconditional transformer"));
    QCOMPARE(picker.targetText(2), QStringLiteral("both transformers"));
    // Edits settle before they are reported: one signal for the three additions.
    QCOMPARE(changed.count(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, LoraPicker::kSettleMs * 4);

    picker.setWeight(1, 0.35);
    picker.removeRow(0);
    picker.flush();
    QCOMPARE(changed.count(), 2);
    const std::vector<LoraChoice> expected{{unconditional.toStdString(), 0.35},
                                           {both.toStdString(), -0.5}};
    QVERIFY(picker.loras() == expected);

    // setLoras puts a list back exactly; the same list again is no change.
    LoraPicker other;
    QSignalSpy otherChanged(&other, &LoraPicker::lorasChanged);
    other.setLoras(picker.loras());
    QVERIFY(other.loras() == expected);
    QCOMPARE(otherChanged.count(), 1);
    other.setLoras(expected);
    QCOMPARE(otherChanged.count(), 1);
    QCOMPARE(other.targetText(0), QStringLiteral("unconditional transformer"));

    // The transformer a row goes on is part of its choice, reported like a weight change, and
    // put back by setLoras (a remix of an image made with it).
    other.setTarget(1, "both");
    other.flush();
    QCOMPARE(otherChanged.count(), 2);
    QCOMPARE(other.loras()[1].target, std::string("both"));
    LoraPicker third;
    third.setLoras(other.loras());
    QVERIFY(third.loras() == other.loras());
    auto* choice = third.findChildren<QComboBox*>(QStringLiteral("loraTargetChoice")).value(1);
    QVERIFY(choice);
    QCOMPARE(choice->currentData().toString(), QStringLiteral("both"));
}

void TestLoraPicker::badFilesAreRefusedByName() {
    LoraPicker picker;
    const QString text = writeSafetensors("encoder.safetensors",
                                          {"lora_te_text_model_encoder_layers_0_mlp_fc1.alpha"});
    QString error;
    QVERIFY(!picker.addFile(text, 1.0, &error));
    QVERIFY2(error.contains("encoder.safetensors") && error.contains("no LoRA tensor"),
             qPrintable(error));
    QFile junk(m_dir->filePath("junk.safetensors"));
    QVERIFY(junk.open(QIODevice::WriteOnly));
    junk.write("not a safetensors file at all");
    junk.close();
    QVERIFY(!picker.addFile(junk.fileName(), 1.0, &error));
    QVERIFY2(error.contains("junk.safetensors") && error.contains("not a safetensors file"),
             qPrintable(error));
    QVERIFY(!picker.addFile(m_dir->filePath("gone.safetensors"), 1.0, &error));
    QVERIFY2(error.contains("gone.safetensors") && error.contains("missing"), qPrintable(error));
    QCOMPARE(picker.count(), 0);
}

void TestLoraPicker::reachesLoadOptionsAndStatusBar() {
    const QString file =
        writeSafetensors("ink.safetensors", {"lora_unet_layers_0_attention_qkv.lora_down.weight",
                                             "lora_unet_layers_0_attention_qkv.lora_up.weight"});
    std::vector<LoadOptions> loads;
    auto w = window(&loads, false);
    QSignalSpy loaded(w->controller(), &GenerationController::modelLoaded);
    LoraPicker* picker = w->generationPanel()->loraPicker();
    QVERIFY(picker->addFile(file, 0.6));
    picker->flush();  // a changed list reloads the model with it
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 10000);
    QCOMPARE(loads.size(), size_t(1));
    QVERIFY(loads[0].loras == (std::vector<LoraChoice>{{file.toStdString(), 0.6}}));
    const QString status = w->deviceStatus()->text();
    QVERIFY2(status.contains("LoRA: ink ×0.60"), qPrintable(status));
    QVERIFY2(!status.contains("distilled"), qPrintable(status));

    picker->removeRow(0);
    picker->flush();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 2, 10000);
    QVERIFY(loads[1].loras.empty());
    QVERIFY(!w->deviceStatus()->text().contains("LoRA"));
}

void TestLoraPicker::remixRestoresTheImagesLoras() {
    const QString file = writeSafetensors("neon.safetensors",
                                          {"transformer.layers.1.feed_forward.w2.lora_A.weight",
                                           "transformer.layers.1.feed_forward.w2.lora_B.weight"});
    std::vector<LoadOptions> loads;
    auto w = window(&loads, false);
    QSignalSpy loaded(w->controller(), &GenerationController::modelLoaded);
    GenerationRequest r;
    r.prompts = {"a neon sign"};
    r.width = 1024;
    r.height = 1024;
    r.seed = 77;
    // As read back from an image's metadata: one LoRA still here, one since deleted.
    const std::string gone = m_dir->filePath("deleted.safetensors").toStdString();
    r.loras = {{file.toStdString(), 0.45}, {gone, 1.25}};
    w->remix(GenerationRequest::fromJson(r.toJson()));
    LoraPicker* picker = w->generationPanel()->loraPicker();
    QVERIFY(picker->loras() == r.loras);
    QCOMPARE(picker->targetText(0), QStringLiteral("conditional transformer"));
    QCOMPARE(picker->targetText(1), QStringLiteral("file missing"));
    // The restored list is loaded (the load of a missing file then fails with core's message).
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 10000);
    QVERIFY(loads.back().loras == r.loras);
    QCOMPARE(w->currentRequest().seed, uint64_t(77));
}

void TestLoraPicker::distilledModelGreysTheSchedule() {
    std::vector<LoadOptions> loads;
    auto w = window(&loads, true);
    QSignalSpy loaded(w->controller(), &GenerationController::modelLoaded);
    GenerationPanel* panel = w->generationPanel();
    QVERIFY(panel->scheduleEditor()->isEnabled());
    w->loadActiveModel();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 10000);
    QVERIFY(panel->conditionalOnly());
    QVERIFY(!panel->scheduleEditor()->isEnabled());
    for (float g : panel->scheduleEditor()->schedule()) QCOMPARE(g, 1.0f);
    auto* note = panel->findChild<QLabel*>(QStringLiteral("distilledNote"));
    QVERIFY(note && note->isVisibleTo(panel));
    QVERIFY2(note->text().contains("guidance 1"), qPrintable(note->text()));
    QVERIFY2(w->deviceStatus()->text().contains("distilled (guidance 1)"),
             qPrintable(w->deviceStatus()->text()));
    // A full model again: the schedule is back and editable.
    panel->setConditionalOnly(false);
    QVERIFY(panel->scheduleEditor()->isEnabled());
    QVERIFY(!note->isVisibleTo(panel));
    bool anyAboveOne = false;
    for (float g : panel->scheduleEditor()->schedule()) anyAboveOne = anyAboveOne || g > 1.0f;
    QVERIFY(anyAboveOne);
}

// The state the screenshot shows (docs): two LoRAs on a distilled model. With I4_SCREENSHOT_DIR
// set (under Xvfb) the window is saved there as lora_picker.png.
void TestLoraPicker::pickerWithTwoLorasOnADistilledModel() {
    const QString style = writeSafetensors(
        "watercolour_style.safetensors", {"diffusion_model.layers.0.attention.qkv.lora_down.weight",
                                          "diffusion_model.layers.0.attention.qkv.lora_up.weight"});
    const QString turbo =
        writeSafetensors("turbo_8step.safetensors",
                         {"transformer.layers.0.attention.to_q.lora_A.weight",
                          "unconditional_transformer.layers.0.attention.to_q.lora_A.weight"});
    std::vector<LoadOptions> loads;
    auto w = window(&loads, true);
    QSignalSpy loaded(w->controller(), &GenerationController::modelLoaded);
    LoraPicker* picker = w->generationPanel()->loraPicker();
    QVERIFY(picker->addFile(style, 0.8));
    QVERIFY(picker->addFile(turbo, 1.0));
    picker->flush();
    QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 10000);
    QCOMPARE(loads.back().loras.size(), size_t(2));
    const QString status = w->deviceStatus()->text();
    QVERIFY2(status.contains("watercolour_style ×0.80, turbo_8step ×1.00") &&
                 status.contains("distilled"),
             qPrintable(status));
    const QString dir = qEnvironmentVariable("I4_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        w->resize(1360, 900);
        w->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.get()));
        QTest::qWait(200);
        QVERIFY(w->grab().save(dir + QStringLiteral("/lora_picker.png")));
    }
}

QTEST_MAIN(TestLoraPicker)
#include "test_lora_picker.moc"
