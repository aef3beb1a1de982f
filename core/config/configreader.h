#pragma once

#include "config/configkeys.h"
#include "config/configuration.h"

#include <QCoreApplication>
#include <QSettings>
#include <QStringList>
#include <QVariant>

#include <optional>

namespace Pop3Connector {

// The lines of an INI file QSettings would pass over without a word (neither a section header
// nor key = value), each a problem with its line number.
QList<ConfigProblem> lintConfigLines(const QString &path, const QByteArray &bytes);

// Reads one section of a configuration file key by key, as the key tables describe them: each
// value parsed and checked, each refusal a problem that names the key and says what to write.
class ConfigReader
{
    Q_DECLARE_TR_FUNCTIONS(Pop3Connector::Reader)

public:
    ConfigReader(QSettings &settings, QString path, QList<ConfigProblem> &problems)
        : m_settings(settings)
        , m_path(std::move(path))
        , m_problems(problems)
    { }

    void begin(const QString &group) { m_group = group; }

    bool has(const QString &key) const { return m_settings.contains(m_group + u'/' + key); }

    QString string(const QString &key)
    {
        const QVariant v = m_settings.value(m_group + u'/' + key);
        // QSettings turns an unquoted "a, b" into a list; the connector's values are strings.
        if (v.userType() == QMetaType::QStringList)
            return v.toStringList().join(QStringLiteral(", "));
        return v.toString().trimmed();
    }

    // Reads the keys of the current section into `settings`: a key that is missing, or whose
    // value is refused (a problem says why), keeps its default.
    template<typename S>
    void read(const QList<ConfigKey<S>> &keys, S &settings)
    {
        QList<const ConfigKey<S> *> unset;
        for (const ConfigKey<S> &key : keys) {
            if (const std::optional<QVariant> v = value(key))
                key.set(settings, *v);
            else if (key.fallback)
                unset.append(&key);
        }
        // Defaults that depend on other keys, once those are read. A required key with such a
        // default is missing only when the default is empty too (a provider preset names the
        // server).
        for (const ConfigKey<S> *key : std::as_const(unset)) {
            const QVariant v = key->fallback(settings);
            if (key->missing && v.toString().isEmpty())
                problem(key->name, QCoreApplication::translate("Pop3Connector", key->missing));
            key->set(settings, v);
        }
    }

    void problem(const QString &key, const QString &message)
    {
        m_problems.append({m_path, 0, m_group + u'/' + key, message});
    }

    QStringList keys()
    {
        m_settings.beginGroup(m_group);
        const QStringList out = m_settings.childKeys();
        m_settings.endGroup();
        return out;
    }

    // Reports the keys of the section that are neither `listed` (and named in the sentence)
    // nor `alsoAllowed`.
    void unknownKeys(const QStringList &listed, const QStringList &alsoAllowed = {})
    {
        for (const QString &k : keys()) {
            if (!listed.contains(k) && !alsoAllowed.contains(k)) {
                problem(k,
                    tr("unknown key; the keys of this section are: %1")
                        .arg(listed.join(QStringLiteral(", "))));
            }
        }
    }

private:
    // The value of `key` in the section; nothing when it is missing, or refused.
    template<typename S>
    std::optional<QVariant> value(const ConfigKey<S> &key)
    {
        const QString text = string(key.name);
        if (text.isEmpty() && key.missing) {
            if (!key.fallback) // else read() asks the default first
                problem(key.name, QCoreApplication::translate("Pop3Connector", key.missing));
            return std::nullopt;
        }
        if (!has(key.name))
            return std::nullopt;
        if (key.type == KeyType::Number && key.zeroIsDefault && text == u"0")
            return std::nullopt;
        return parse(key.name, text, key.type, key.min, key.max, key.choices);
    }

    std::optional<QVariant> parse(const QString &key, const QString &text, KeyType type, int min,
        int max, const Choices *choices);
    std::optional<QVariant> number(const QString &key, const QString &text, int min, int max);
    std::optional<QVariant> boolean(const QString &key, const QString &text);
    std::optional<QVariant> choice(const QString &key, const QString &text, const Choices &choices);
    std::optional<QVariant> address(const QString &key, const QString &text);
    std::optional<QVariant> path(const QString &key, const QString &text, KeyType type);

    QSettings &m_settings;
    QString m_path;
    QList<ConfigProblem> &m_problems;
    QString m_group;
};

} // namespace Pop3Connector
