#include "language.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace Pop3Connector {

Language::Language(QObject *parent)
    : QObject(parent)
{ }

QString Language::systemCode()
{
    return QLocale::system().language() == QLocale::Japanese ? QStringLiteral("ja")
                                                             : QStringLiteral("en");
}

QString Language::savedChoice()
{
    return QSettings(QStringLiteral("pop3connector"), QStringLiteral("manager"))
        .value(QStringLiteral("language"))
        .toString();
}

void Language::saveChoice(const QString &code)
{
    QSettings(QStringLiteral("pop3connector"), QStringLiteral("manager"))
        .setValue(QStringLiteral("language"), code);
}

QString Language::dateTime(const QDateTime &time)
{
    if (!time.isValid())
        return {};
    const QDateTime local = time.toLocalTime();
    if (QLocale().language() == QLocale::Japanese)
        return local.toString(QStringLiteral("yyyy/MM/dd HH:mm"));
    return QLocale(QLocale::English, QLocale::UnitedKingdom)
        .toString(local, QStringLiteral("d MMM yyyy HH:mm"));
}

bool Language::apply(const QString &code)
{
    const QString effective = code.isEmpty() ? systemCode() : code;
    // Numbers and dates the manager formats follow the language it speaks.
    QLocale::setDefault(effective == u"ja" ? QLocale(QLocale::Japanese, QLocale::Japan)
                                           : QLocale(QLocale::English, QLocale::UnitedStates));
    if (m_translator) {
        QCoreApplication::removeTranslator(m_translator);
        delete m_translator;
        m_translator = nullptr;
    }
    if (m_qtTranslator) {
        QCoreApplication::removeTranslator(m_qtTranslator);
        delete m_qtTranslator;
        m_qtTranslator = nullptr;
    }
    m_code = effective;
    auto *translator = new QTranslator(this);
    const bool loaded = translator->load(
        QStringLiteral(":/i18n/pop3connector_") + effective + QStringLiteral(".qm"));
    if (loaded) {
        m_translator = translator;
        QCoreApplication::installTranslator(translator);
    } else {
        delete translator;
    }
    // Qt's own dialogs (buttons of message boxes, file dialogs).
    auto *qt = new QTranslator(this);
    if (qt->load(QLocale(effective), QStringLiteral("qtbase"), QStringLiteral("_"),
            QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        m_qtTranslator = qt;
        QCoreApplication::installTranslator(qt);
    } else {
        delete qt;
    }
    return loaded;
}

} // namespace Pop3Connector
