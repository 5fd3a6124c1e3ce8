#include "ui/compare/settings_diff.h"

#include <QCoreApplication>
#include <QLocale>
#include <QMap>
#include <nlohmann/json.hpp>
#include <optional>

namespace i4::ui {

namespace {

QString numberText(double value) { return QLocale().toString(value, 'g', 6); }

QString scheduleText(const pipeline::GenerationRequest& r) {
    if (r.guidanceSchedule.empty()) return QCoreApplication::translate("SettingsDiff", "preset");
    QStringList parts;
    for (float v : r.guidanceSchedule) parts << numberText(double(v));
    return parts.join(QStringLiteral(", "));
}

QString lorasText(const pipeline::GenerationRequest& r) {
    if (r.loras.empty()) return QCoreApplication::translate("SettingsDiff", "none");
    QStringList parts;
    for (const pipeline::LoraChoice& lora : r.loras) {
        parts << QStringLiteral("%1 ×%2").arg(QString::fromStdString(lora.file),
                                              numberText(lora.weight));
    }
    return parts.join(QStringLiteral(", "));
}

// Leaves of a JSON document by path, values as compact JSON text.
void flatten(const nlohmann::json& node, const QString& path, QMap<QString, QString>& out) {
    if (node.is_object() && !node.empty()) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            const QString key = QString::fromStdString(it.key());
            flatten(*it, path.isEmpty() ? key : path + QLatin1Char('.') + key, out);
        }
    } else if (node.is_array() && !node.empty()) {
        for (size_t i = 0; i < node.size(); ++i) {
            flatten(node[i], QStringLiteral("%1[%2]").arg(path).arg(i), out);
        }
    } else {
        out.insert(path, node.is_string() ? QString::fromStdString(node.get<std::string>())
                                          : QString::fromStdString(node.dump()));
    }
}

}  // namespace

QVector<SettingRow> settingsDiff(const QVector<GalleryRecord>& records) {
    QVector<SettingRow> rows;
    auto add = [&](const QString& name, auto valueOf) {
        SettingRow row;
        row.name = name;
        for (const GalleryRecord& record : records) row.values << valueOf(record);
        for (const QString& value : row.values)
            row.differs = row.differs || value != row.values.front();
        rows.push_back(row);
    };
    using R = const GalleryRecord&;
    add(QCoreApplication::translate("SettingsDiff", "Caption"), [](R r) { return r.title(); });
    // Caption fields, when every prompt is a JSON caption.
    QVector<QMap<QString, QString>> fields;
    for (const GalleryRecord& record : records) {
        const nlohmann::json doc =
            nlohmann::json::parse(record.prompt().toStdString(), nullptr, false);
        if (!doc.is_object()) {
            fields.clear();
            break;
        }
        fields.push_back({});
        flatten(doc, QString(), fields.back());
    }
    if (!fields.isEmpty()) {
        QStringList paths;
        for (const auto& f : fields) {
            for (auto it = f.cbegin(); it != f.cend(); ++it) {
                if (!paths.contains(it.key())) paths << it.key();
            }
        }
        for (const QString& path : paths) {
            SettingRow row;
            row.name = path;
            for (const auto& f : fields)
                row.values << f.value(path,
                                      QCoreApplication::translate("SettingsDiff", "(absent)"));
            for (const QString& value : row.values)
                row.differs = row.differs || value != row.values.front();
            if (row.differs) rows.push_back(row);
        }
    } else {
        add(QCoreApplication::translate("SettingsDiff", "Prompt"), [](R r) { return r.prompt(); });
    }
    add(QCoreApplication::translate("SettingsDiff", "Preset"),
        [](R r) { return QString::fromStdString(r.request.preset); });
    add(QCoreApplication::translate("SettingsDiff", "Size"), [](R r) { return r.sizeText(); });
    add(QCoreApplication::translate("SettingsDiff", "Seed"),
        [](R r) { return QString::number(r.request.seed); });
    add(QCoreApplication::translate("SettingsDiff", "Steps"), [](R r) {
        return r.request.steps ? QString::number(*r.request.steps)
                               : QCoreApplication::translate("SettingsDiff", "preset");
    });
    add(QCoreApplication::translate("SettingsDiff", "Guidance"),
        [](R r) { return scheduleText(r.request); });
    add(QCoreApplication::translate("SettingsDiff", "mu"), [](R r) {
        return r.request.mu ? numberText(*r.request.mu)
                            : QCoreApplication::translate("SettingsDiff", "preset");
    });
    add(QCoreApplication::translate("SettingsDiff", "std"), [](R r) {
        return r.request.std ? numberText(*r.request.std)
                             : QCoreApplication::translate("SettingsDiff", "preset");
    });
    add(QCoreApplication::translate("SettingsDiff", "Model"), [](R r) { return r.modelId; });
    add(QCoreApplication::translate("SettingsDiff", "LoRAs"),
        [](R r) { return lorasText(r.request); });
    add(QCoreApplication::translate("SettingsDiff", "Input image"), [&records](R r) {
        if (!r.request.input) return QCoreApplication::translate("SettingsDiff", "none");
        const QString sha = QString::fromStdString(r.request.input->imageSha256);
        for (int i = 0; i < records.size(); ++i) {
            if (!sha.isEmpty() && records[i].imageSha256 == sha) {
                return QCoreApplication::translate("SettingsDiff", "image %1").arg(QChar('A' + i));
            }
        }
        return sha.left(12);
    });
    add(QCoreApplication::translate("SettingsDiff", "Strength"), [](R r) {
        return r.request.input ? numberText(r.request.input->strength)
                               : QCoreApplication::translate("SettingsDiff", "none");
    });
    add(QCoreApplication::translate("SettingsDiff", "Created"),
        [](R r) { return QLocale().toString(r.created, QLocale::ShortFormat); });
    return rows;
}

}  // namespace i4::ui
