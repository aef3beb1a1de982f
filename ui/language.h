#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>

class QTranslator;

namespace Pop3Connector {

// The manager's language: the system's by default, English or Japanese when chosen. The choice
// is a preference of the person at the console, kept apart from the shared configuration.
class Language : public QObject
{
    Q_OBJECT
public:
    explicit Language(QObject *parent = nullptr);

    // "en", "ja", or empty for the system language.
    QString current() const { return m_code; }
    // Installs the translations (core and manager) and returns whether they loaded.
    bool apply(const QString &code);
    // The code the system locale asks for: "ja" or "en".
    static QString systemCode();
    static QString savedChoice();
    static void saveChoice(const QString &code);
    // A date and time as the manager shows them in the language applied last: four-digit years
    // and no order to guess ("30 Nov 2026 18:05" in English, "2026/11/30 18:05" in Japanese).
    static QString dateTime(const QDateTime &time);

private:
    QString m_code;
    QTranslator *m_translator = nullptr;
    QTranslator *m_qtTranslator = nullptr;
};

} // namespace Pop3Connector
